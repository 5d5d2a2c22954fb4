package dev.podpath.lab;

import dev.podpath.analysis.Simulation;
import dev.podpath.controlplane.FibEntry;
import dev.podpath.controlplane.KernelFib;
import dev.podpath.controlplane.SessionResult;
import dev.podpath.controlplane.cilium.CiliumAgentRoutes;
import dev.podpath.controlplane.cilium.CiliumBgpSpeaker;
import dev.podpath.controlplane.frr.FrrDaemon;
import dev.podpath.controlplane.spi.RibEntry;
import dev.podpath.core.net.IpAddr;
import dev.podpath.core.net.IpPrefix;
import dev.podpath.model.routing.KernelRoute;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Compares what real daemons did (a {@link LabObservation}) with what podpath computed for the
 * same snapshot, item by item: BGP session state per neighbor, kernel routes per host, and best
 * routes per daemon RIB. Items that are legitimately incomparable are normalised as
 * docs/fidelity/lab.md lists (each normalisation is counted in {@link LabDiff#normalised()}).
 */
public final class LabComparison {

  /** Normalisation names, as counted in {@link LabDiff#normalised()} and listed in docs/fidelity/lab.md. */
  public static final String LINK_LOCAL_GATEWAY = "link-local-gateway";
  public static final String ARRIVAL_ORDER_TIE = "arrival-order-tie";
  public static final String NON_UNICAST_DEVICE = "non-unicast-device";
  public static final String POD_STAND_IN_ROUTE = "pod-stand-in-route";
  public static final String FRR_UNLISTED_DOWN_SESSION = "frr-unlisted-down-session";
  /** A flattened host's default VRF: simulated, not booted (docs/fidelity/lab.md "VRF flattening"). */
  public static final String VRF_FLATTENED_DEFAULT = "vrf-flattened-default";

  /** The status FRR's simulation gives a multipath companion of the best path (RibEntry.best() is true for it). */
  private static final String MULTIPATH = "multipath";

  private LabComparison() {}

  /** Compares a run without flattened hosts: {@link #compare(Simulation, LabObservation, List)}. */
  public static LabDiff compare(Simulation sim, LabObservation seen) {
    return compare(sim, seen, List.of());
  }

  /**
   * Compares; hosts in {@code flattened} booted
   * one VRF as their main table ({@link SnapshotLab.Plan#flattened()}): their real main table,
   * default VRF and FRR default instance are compared with the simulation's VRF; the simulated
   * default VRF of those hosts is left out and counted as {@value #VRF_FLATTENED_DEFAULT}.
   *
   * <p>Then replays FRR's arrival-order choices: where a real FRR best path is a candidate
   * the simulation marked as tied down to step 12 (the older eBGP path wins) but did not select,
   * the simulation is run again with that path as the one selected first, so that what the daemon
   * advertises downstream follows the same timing (at most {@link #REPLAYS} times). Each replayed
   * choice is counted as {@link #ARRIVAL_ORDER_TIE}; a path outside the tie set is never replayed.
   */
  public static LabDiff compare(Simulation sim, LabObservation seen, List<VrfFlattening> flattened) {
    Map<String, Map<IpPrefix, IpAddr>> first = new TreeMap<>();
    LabDiff diff = compareOnce(sim, seen, flattened);
    for (int i = 0; i < REPLAYS; i++) {
      Map<String, Map<IpPrefix, IpAddr>> more = tiedRealChoices(sim, seen);
      int before = count(first);
      more.forEach((h, m) -> first.computeIfAbsent(h, k -> new TreeMap<>()).putAll(m));
      if (count(first) == before) {
        break;
      }
      sim = Simulation.of(sim.snapshot(), sim.agent(), d -> {
        if (d instanceof FrrDaemon f && first.containsKey(d.host())) {
          f.selectedFirst(first.get(d.host()));
        }
      });
      diff = compareOnce(sim, seen, flattened);
    }
    if (count(first) == 0) {
      return diff;
    }
    Map<String, Integer> normalised = new TreeMap<>(diff.normalised());
    normalised.merge(ARRIVAL_ORDER_TIE, count(first), Integer::sum);
    return new LabDiff(diff.differences(), diff.compared(), normalised);
  }

  /** How many times {@link #compare(Simulation, LabObservation)} re-runs the simulation with the real choices. */
  static final int REPLAYS = 4;

  private static int count(Map<String, Map<IpPrefix, IpAddr>> m) {
    return m.values().stream().mapToInt(Map::size).sum();
  }

  /** Per FRR host: default-VRF prefixes whose real best is a tied candidate the simulation did not select -> its peer. */
  private static Map<String, Map<IpPrefix, IpAddr>> tiedRealChoices(Simulation sim, LabObservation seen) {
    Map<String, Map<IpPrefix, IpAddr>> out = new TreeMap<>();
    Map<String, List<RibEntry>> ribs = sim.controlPlane().ribs();
    for (ObservedBgpRoute o : seen.bgpRoutes()) {
      if (o.daemon() != LabDaemon.FRR || !o.best() || !o.table().equals("default") || !o.source().equals("bgp") || o.from().isEmpty()) {
        continue;
      }
      Best real = realBest(o);
      for (RibEntry e : ribs.getOrDefault(o.host() + "/frr", List.of())) {
        if (e.arrivalOrderTie() && e.prefix().equals(o.prefix()) && e.table().startsWith("default ") && sameBgp(simBest("frr", e), real)
            && e.from().startsWith("default/")) {
          IpAddr peer = peerOf(e.from().substring("default/".length()));
          if (peer != null) {
            out.computeIfAbsent(o.host(), k -> new TreeMap<>()).put(o.prefix(), peer);
          }
        }
      }
    }
    return out;
  }

  /** The neighbor address of an FRR neighbor id's second part, null for an interface name (unnumbered). */
  private static IpAddr peerOf(String text) {
    try {
      return IpAddr.parse(text);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static LabDiff compareOnce(Simulation sim, LabObservation seen, List<VrfFlattening> flattened) {
    Map<String, List<FibEntry>> fibs = new TreeMap<>();
    for (Map.Entry<String, KernelFib> e : sim.controlPlane().fibs().entrySet()) {
      fibs.put(e.getKey(), e.getValue().entries());
    }
    return compare(sim.controlPlane().sessions(), fibs, sim.controlPlane().ribs(), seen, flattened);
  }

  /** The flattening rewrite of both sides (see {@link #compare(Simulation, LabObservation, List)}). */
  static LabDiff compare(List<SessionResult> sessions, Map<String, List<FibEntry>> fibs, Map<String, List<RibEntry>> ribs,
      LabObservation seen, List<VrfFlattening> flattened) {
    if (flattened.isEmpty()) {
      return compare(sessions, fibs, ribs, seen);
    }
    Map<String, String> vrfOf = new HashMap<>();
    flattened.forEach(f -> vrfOf.put(f.host(), f.vrf()));
    int[] left = {0};
    List<SessionResult> s2 = new ArrayList<>();
    for (SessionResult s : sessions) {
      String v = vrfOf.get(s.host());
      if (v != null && !v.equals(s.vrf())) {
        left[0]++;
      } else {
        s2.add(s);
      }
    }
    Map<String, List<FibEntry>> f2 = new TreeMap<>();
    fibs.forEach((h, list) -> {
      String v = vrfOf.get(h);
      f2.put(h, v == null ? list : list.stream().filter(e -> {
        boolean keep = v.equals(e.route().table());
        left[0] += keep ? 0 : 1;
        return keep;
      }).toList());
    });
    Map<String, List<RibEntry>> r2 = new TreeMap<>();
    ribs.forEach((d, list) -> {
      String h = d.substring(0, d.indexOf('/'));
      String v = vrfOf.get(h);
      r2.put(d, v == null || !d.endsWith("/frr") ? list : list.stream().filter(e -> {
        boolean keep = ribTable("frr", e.table()).equals(v);
        left[0] += keep ? 0 : 1;
        return keep;
      }).toList());
    });
    LabObservation real = new LabObservation(
        seen.sessions().stream().map(o -> vrfOf.containsKey(o.host()) && o.daemon() == LabDaemon.FRR && o.vrf().equals("default")
            ? new ObservedSession(o.host(), o.daemon(), vrfOf.get(o.host()), o.name(), o.peerAddress(), o.peerAsn(), o.localAsn(),
                o.state(), o.detail(), o.routesImported(), o.routesExported()) : o).toList(),
        seen.bgpRoutes().stream().map(o -> vrfOf.containsKey(o.host()) && o.daemon() == LabDaemon.FRR
            && ribTable("frr", o.table()).equals("default")
            ? new ObservedBgpRoute(o.host(), o.daemon(), vrfOf.get(o.host()) + o.table().substring("default".length()), o.prefix(),
                o.source(), o.from(), o.best(), o.kind(), o.nextHop(), o.asPath(), o.origin(), o.localPref(), o.med(), o.attributes())
            : o).toList(),
        seen.kernelRoutes().stream().map(k -> vrfOf.containsKey(k.host()) && k.table().equals("main")
            ? new ObservedKernelRoute(k.host(), vrfOf.get(k.host()), k.type(), k.prefix(), k.protocol(), k.metric(), k.nextHops())
            : k).toList(),
        seen.converged(), seen.elapsed());
    LabDiff d = compare(s2, f2, r2, real);
    Map<String, Integer> normalised = new TreeMap<>(d.normalised());
    if (left[0] > 0) {
      normalised.merge(VRF_FLATTENED_DEFAULT, left[0], Integer::sum);
    }
    return new LabDiff(d.differences(), d.compared(), normalised);
  }

  /**
   * @param fibs per host, every simulated kernel route with its installer
   * @param ribs per daemon key ("HOST/bird", "HOST/frr", "HOST/cilium"), every simulated candidate
   */
  public static LabDiff compare(
      List<SessionResult> sessions, Map<String, List<FibEntry>> fibs, Map<String, List<RibEntry>> ribs, LabObservation seen) {
    Run r = new Run();
    if (!seen.converged()) {
      r.diff("*", LabDifference.Kind.NOT_CONVERGED, "convergence", "converged",
          "still changing after " + seen.elapsed().toSeconds() + " s");
    }
    compareSessions(r, sessions, seen);
    Set<String> hosts = new TreeSet<>(fibs.keySet());
    seen.kernelRoutes().forEach(k -> hosts.add(k.host()));
    for (String h : hosts) {
      compareFib(r, h, fibs.getOrDefault(h, List.of()), seen.kernelRoutesOf(h), tieGateways(ribs.getOrDefault(h + "/frr", List.of())));
    }
    compareRibs(r, ribs, seen);
    r.differences.sort(Comparator.comparing(LabDifference::host).thenComparing(LabDifference::kind)
        .thenComparing(LabDifference::item));
    return new LabDiff(r.differences, r.compared, r.normalised);
  }

  // --- sessions ---

  private static void compareSessions(Run r, List<SessionResult> sessions, LabObservation seen) {
    Map<String, SessionResult> sim = new TreeMap<>();
    for (SessionResult s : sessions) {
      sim.put(sessionKey(s.host(), s.daemon(), s.vrf(), s.neighborId(), s.peerAddress()), s);
    }
    Map<String, ObservedSession> real = new TreeMap<>();
    for (ObservedSession o : seen.sessions()) {
      if (!o.rangeTemplate()) {
        real.put(sessionKey(o.host(), daemonName(o.daemon()), o.vrf(), o.name(), o.peerAddress()), o);
      }
    }
    Set<String> keys = new TreeSet<>(sim.keySet());
    keys.addAll(real.keySet());
    for (String k : keys) {
      SessionResult s = sim.get(k);
      ObservedSession o = real.get(k);
      r.compared++;
      String host = s != null ? s.host() : o.host();
      String item = "session " + k.substring(k.indexOf(' ') + 1);
      if (o == null && s.daemon().equals("frr") && !s.established()) {
        // lab: FRR 8.4.4 `show bgp vrf all summary json` lists a peer only under an address family it
        // is activated for; a neighbor activated for none is not listed (and is not Established)
        r.normalise(FRR_UNLISTED_DOWN_SESSION);
      } else if (o == null) {
        r.diff(host, LabDifference.Kind.SESSION_MISSING, item, s.established() ? "Established" : "not Established", LabDifference.ABSENT);
      } else if (s == null) {
        r.diff(host, LabDifference.Kind.SESSION_EXTRA, item, LabDifference.ABSENT, state(o));
      } else if (s.established() != o.established()) {
        r.diff(host, LabDifference.Kind.SESSION_STATE, item,
            s.established() ? "Established" : "not Established (" + s.reason().summary() + ")", state(o));
      }
    }
  }

  private static String state(ObservedSession o) {
    return o.state() + (o.detail().isEmpty() ? "" : " (" + o.detail() + ")");
  }

  /**
   * BIRD sessions are named by protocol (the simulation's neighbor id is the protocol name); FRR's
   * and the Cilium stand-in's by VRF and peer address, the only name their output gives.
   */
  private static String sessionKey(String host, String daemon, String vrf, String name, IpAddr peer) {
    String v = vrf == null || vrf.equals("default") ? "" : " vrf " + vrf;
    if (daemon.equals("bird")) {
      return host + " bird " + name + " (" + peer + ")";
    }
    return host + " " + daemon + v + " " + peer;
  }

  private static String daemonName(LabDaemon d) {
    return switch (d) {
      case BIRD -> "bird";
      case FRR -> "frr";
      case CILIUM_STANDIN -> CiliumBgpSpeaker.NAME;
    };
  }

  // --- kernel routes ---

  /** A kernel route reduced to what both sides can say: proto class, type, metric, next hops. */
  private record Route(String table, IpPrefix prefix, String protoClass, String type, Long metric, List<Hop> hops) {
    String item() {
      return "fib " + table + " " + prefix + " " + protoClass;
    }

    String hopsText() {
      return hops.isEmpty() ? "no next hop" : hops.stream().map(Hop::toString).collect(Collectors.joining(", "));
    }
  }

  private record Hop(IpAddr gateway, String dev) {
    @Override
    public String toString() {
      return (gateway == null ? "" : "via " + gateway + " ") + "dev " + dev;
    }
  }

  /**
   * Per prefix of FRR's default instance that has arrival-order ties: the next hops of the best,
   * its multipath companions and every tied candidate — the kernel route zebra installs may carry
   * any of them, depending on which path bgpd selected first (bgp_path_info_cmp step 12).
   */
  private static Map<IpPrefix, Set<IpAddr>> tieGateways(List<RibEntry> frrRib) {
    Set<IpPrefix> tied = frrRib.stream().filter(RibEntry::arrivalOrderTie).filter(e -> e.table().startsWith("default "))
        .map(RibEntry::prefix).collect(Collectors.toSet());
    Map<IpPrefix, Set<IpAddr>> out = new HashMap<>();
    for (RibEntry e : frrRib) {
      if (tied.contains(e.prefix()) && e.table().startsWith("default ") && (e.best() || e.arrivalOrderTie()) && e.attributes() != null
          && e.attributes().nextHop() != null) {
        out.computeIfAbsent(e.prefix(), k -> new TreeSet<>()).add(e.attributes().nextHop());
      }
    }
    return out;
  }

  private static void compareFib(Run r, String host, List<FibEntry> simEntries, List<ObservedKernelRoute> realRoutes,
      Map<IpPrefix, Set<IpAddr>> tieGateways) {
    boolean simHasAgentRoutes = simEntries.stream().anyMatch(e -> e.installer().equals(CiliumAgentRoutes.INSTALLER));
    Map<String, Route> sim = new TreeMap<>();
    for (FibEntry e : simEntries) {
      Route x = simRoute(e);
      if (x != null) {
        sim.put(x.table + " " + x.prefix + " " + x.protoClass, x);
      }
    }
    Map<String, Route> real = new TreeMap<>();
    for (ObservedKernelRoute k : realRoutes) {
      Route x = realRoute(k);
      if (x.protoClass.equals("cilium") && !simHasAgentRoutes) {
        // the pod stand-in's veth routes are lab scaffolding unless the simulation installs Cilium's routes
        r.normalise(POD_STAND_IN_ROUTE);
        continue;
      }
      real.put(x.table + " " + x.prefix + " " + x.protoClass, x);
    }
    Set<String> keys = new TreeSet<>(sim.keySet());
    keys.addAll(real.keySet());
    for (String key : keys) {
      Route s = sim.get(key);
      Route o = real.get(key);
      r.compared++;
      if (o == null) {
        r.diff(host, LabDifference.Kind.ROUTE_MISSING, s.item(), describe(s), LabDifference.ABSENT);
        continue;
      }
      if (s == null && o.protoClass.equals("cilium") && o.prefix.length() == o.prefix.network().bits()) {
        // lab: the stand-in pod's gateway address (/128 on the node's lxc veth) gets a kernel prefix
        // route; it stands in for cilium_host's router IP, which the simulation does not route
        r.normalise(POD_STAND_IN_ROUTE);
        continue;
      }
      if (s == null) {
        r.diff(host, LabDifference.Kind.ROUTE_EXTRA, o.item(), LabDifference.ABSENT, describe(o));
        continue;
      }
      if (!s.type.equals(o.type)) {
        r.diff(host, LabDifference.Kind.ROUTE_TYPE, s.item(), s.type, o.type);
        continue;
      }
      if (!Objects.equals(s.metric, o.metric)) {
        r.diff(host, LabDifference.Kind.ROUTE_METRIC, s.item(), String.valueOf(s.metric), String.valueOf(o.metric));
      }
      if (!s.type.equals("unicast")) {
        r.normalise(NON_UNICAST_DEVICE);
      } else if (s.protoClass.equals("cilium")) {
        // the stand-in pod's veth is not cilium_host: only the prefix and type compare
        r.normalise(POD_STAND_IN_ROUTE);
      } else if (hopsMatch(r, s.hops, o.hops)) {
        continue;
      } else if (s.protoClass.equals("bgp") && s.table.equals("main") && tieMatch(o.hops, tieHops(tieGateways.get(s.prefix), sim.values()))) {
        r.normalise(ARRIVAL_ORDER_TIE);
      } else {
        r.diff(host, LabDifference.Kind.ROUTE_NEXT_HOP, s.item(), s.hopsText(), o.hopsText());
      }
    }
  }

  private static String describe(Route x) {
    return (x.type.equals("unicast") ? "" : x.type + " ") + "metric " + x.metric
        + (x.type.equals("unicast") ? " " + x.hopsText() : "");
  }

  /**
   * Same number of next hops, and each real one matches a simulated one on the same device with the
   * same gateway — or with any gateway when the real one is link-local: zebra installs the peer's
   * link-local next hop that the BGP UPDATE carried, which the simulation does not model yet.
   */
  private static boolean hopsMatch(Run r, List<Hop> sim, List<Hop> real) {
    if (sim.size() != real.size()) {
      return false;
    }
    List<Hop> left = new ArrayList<>(sim);
    boolean linkLocal = false;
    for (Hop h : real) {
      Hop m = left.stream().filter(s -> Objects.equals(s.gateway, h.gateway) && Objects.equals(s.dev, h.dev)).findFirst()
          .orElse(null);
      if (m == null && h.gateway != null && h.gateway.isLinkLocal()) {
        m = left.stream().filter(s -> s.gateway != null && Objects.equals(s.dev, h.dev)).findFirst().orElse(null);
        linkLocal |= m != null;
      }
      if (m == null) {
        return false;
      }
      left.remove(m);
    }
    if (linkLocal) {
      r.normalise(LINK_LOCAL_GATEWAY);
    }
    return true;
  }

  /**
   * The tied candidates' next hops with the device each leaves through: the simulated host's
   * connected (device) route covering the gateway, the most specific one.
   */
  private static List<Hop> tieHops(Set<IpAddr> gateways, java.util.Collection<Route> simRoutes) {
    if (gateways == null) {
      return List.of();
    }
    List<Hop> out = new ArrayList<>();
    for (IpAddr gw : gateways) {
      Route on = null;
      for (Route x : simRoutes) {
        boolean device = x.type.equals("unicast") && x.hops.size() == 1 && x.hops.get(0).gateway == null;
        if (device && x.table.equals("main") && x.prefix.contains(gw) && (on == null || x.prefix.length() > on.prefix.length())) {
          on = x;
        }
      }
      out.add(new Hop(gw, on == null ? null : on.hops.get(0).dev));
    }
    return out;
  }

  /**
   * A zebra route whose prefix has arrival-order ties agrees when every real next hop is the next
   * hop of a tied candidate: same gateway and device, or a link-local gateway on that candidate's
   * device (the UPDATE's link-local next hop, see {@link #hopsMatch}). The number of hops may
   * differ, since the multipath set follows whichever path is best. A next hop outside the tie set
   * is a difference.
   */
  private static boolean tieMatch(List<Hop> real, List<Hop> allowed) {
    if (allowed.isEmpty() || real.isEmpty()) {
      return false;
    }
    for (Hop h : real) {
      boolean ok = h.gateway != null && allowed.stream().anyMatch(a -> Objects.equals(a.dev, h.dev)
          && (a.gateway.equals(h.gateway) || h.gateway.isLinkLocal()));
      if (!ok) {
        return false;
      }
    }
    return true;
  }

  private static Route simRoute(FibEntry e) {
    KernelRoute k = e.route();
    if (k.table().equals("local") || k.type() == KernelRoute.Type.LOCAL || noise(k.prefix())) {
      return null; // the lab drops table local and link-local/multicast prefixes (Collector); so does this side
    }
    String cls = e.installer().equals(CiliumAgentRoutes.INSTALLER) ? "cilium" : protoClass(k.protocol());
    List<Hop> hops = new ArrayList<>();
    for (KernelRoute.NextHop h : k.nextHops()) {
      hops.add(new Hop(h.gateway(), h.device()));
    }
    if (hops.isEmpty() && k.device() != null) {
      hops.add(new Hop(null, k.device()));
    }
    return new Route(k.table(), k.prefix(), cls, k.type().name().toLowerCase(Locale.ROOT), k.metric(), hops);
  }

  private static Route realRoute(ObservedKernelRoute k) {
    List<Hop> hops = k.nextHops().stream().map(h -> new Hop(h.gateway(), h.dev())).toList();
    boolean podVeth = !hops.isEmpty() && hops.stream().allMatch(h -> h.dev != null && h.dev.startsWith("lxc"));
    String cls = podVeth ? "cilium" : protoClass(k.protocol());
    // ip prints no metric for IPv4 metric 0
    Long metric = k.metric() == null ? 0L : k.metric();
    return new Route(k.table(), k.prefix(), cls, k.type(), metric, hops);
  }

  private static boolean noise(IpPrefix p) {
    return p.network().isLinkLocal() || p.network().isMulticast();
  }

  /**
   * The rtnetlink protocol reduced to who installed it: kernel (addresses), static (host.yaml's
   * `ip route add`, shown "boot", and FRR staticd, shown "static"), bird, bgp (zebra for bgpd).
   */
  static String protoClass(String protocol) {
    if (protocol == null) {
      return "boot";
    }
    return switch (protocol) {
      case "boot", "static" -> "static";
      case "zebra" -> "bgp";
      default -> protocol;
    };
  }

  // --- daemon RIBs ---

  /** One best route reduced to what both sides expose. {@code bgp} = learned from a BGP peer. */
  private record Best(String table, IpPrefix prefix, boolean bgp, String kind, IpAddr nextHop, List<Long> asPath) {
    String text() {
      return (kind.equals("unicast") ? "" : kind + " ") + (bgp ? "via " + nextHop + " as-path [" + asPath.stream()
          .map(String::valueOf).collect(Collectors.joining(" ")) + "]" : "local");
    }
  }

  private static void compareRibs(Run r, Map<String, List<RibEntry>> ribs, LabObservation seen) {
    Map<String, List<ObservedBgpRoute>> realByDaemon = new TreeMap<>();
    for (ObservedBgpRoute o : seen.bgpRoutes()) {
      realByDaemon.computeIfAbsent(SnapshotLab.daemonKey(o.host(), o.daemon()), k -> new ArrayList<>()).add(o);
    }
    Set<String> daemons = new TreeSet<>(ribs.keySet());
    daemons.addAll(realByDaemon.keySet());
    for (String d : daemons) {
      String host = d.substring(0, d.indexOf('/'));
      String name = d.substring(d.indexOf('/') + 1);
      Map<String, Best> sim = new TreeMap<>();
      Map<String, List<Best>> ties = new HashMap<>();
      for (RibEntry e : ribs.getOrDefault(d, List.of())) {
        String key = ribTable(name, e.table()) + " " + e.prefix();
        if (e.best() && !MULTIPATH.equals(e.status())) {
          // FRR's multipath companions are marked best too; the RIB compares the one bestpath
          sim.put(key, simBest(name, e));
        }
        if (e.arrivalOrderTie()) {
          // FRR keeps the older of two equal eBGP paths (bgp_path_info_cmp step 12): which arrived first is timing
          ties.computeIfAbsent(key, k -> new ArrayList<>()).add(simBest(name, e));
        }
      }
      Map<String, Best> real = new TreeMap<>();
      for (ObservedBgpRoute o : realByDaemon.getOrDefault(d, List.of())) {
        if (o.best()) {
          real.put(ribTable(name, o.table()) + " " + o.prefix(), realBest(o));
        }
      }
      Set<String> keys = new TreeSet<>(sim.keySet());
      keys.addAll(real.keySet());
      for (String key : keys) {
        Best s = sim.get(key);
        Best o = real.get(key);
        r.compared++;
        String item = "rib " + name + " " + key;
        if (o == null) {
          r.diff(host, LabDifference.Kind.RIB_MISSING, item, s.text(), LabDifference.ABSENT);
        } else if (s == null) {
          r.diff(host, LabDifference.Kind.RIB_EXTRA, item, LabDifference.ABSENT, o.text());
        } else if (name.equals("bird") && !s.kind.equals(o.kind)) {
          r.diff(host, LabDifference.Kind.RIB_KIND, item, s.text(), o.text());
        } else if (s.bgp && o.bgp && !sameBgp(s, o)) {
          Best tie = ties.getOrDefault(key, List.of()).stream().filter(t -> sameBgp(t, o)).findFirst().orElse(null);
          if (tie != null) {
            r.normalise(ARRIVAL_ORDER_TIE);
          } else if (!s.asPath.equals(o.asPath)) {
            r.diff(host, LabDifference.Kind.RIB_AS_PATH, item, s.text(), o.text());
          } else {
            r.diff(host, LabDifference.Kind.RIB_NEXT_HOP, item, s.text(), o.text());
          }
        } else if (s.bgp != o.bgp) {
          r.diff(host, LabDifference.Kind.RIB_NEXT_HOP, item, s.text(), o.text());
        }
      }
    }
  }

  private static boolean sameBgp(Best a, Best b) {
    return a.asPath.equals(b.asPath) && (Objects.equals(a.nextHop, b.nextHop)
        || a.nextHop != null && b.nextHop != null && (a.nextHop.isLinkLocal() || b.nextHop.isLinkLocal()));
  }

  /**
   * Table names as both sides can say them: BIRD's table (master6), FRR's VRF ("default ipv6
   * unicast" in the simulation, "default" in vtysh's JSON, one RIB per family on both), the stand-in's
   * single GoBGP RIB ("instance X" simulated, "global" real).
   */
  private static String ribTable(String daemon, String table) {
    if (daemon.equals(CiliumBgpSpeaker.NAME)) {
      return "global";
    }
    if (daemon.equals("frr")) {
      int sp = table.indexOf(' ');
      return sp < 0 ? table : table.substring(0, sp);
    }
    return table;
  }

  private static Best simBest(String daemon, RibEntry e) {
    boolean bgp = e.attributes() != null && !Set.of("local", "network", "static", "redistribute", "aggregate", "connected", "kernel",
        "direct").contains(e.from()) && !e.from().startsWith("redistribute") && !e.from().startsWith("static");
    String status = e.status() == null ? "" : e.status();
    String kind = status.startsWith("unreachable") ? "unreachable" : status.startsWith("blackhole") ? "blackhole"
        : status.startsWith("prohibit") ? "prohibit" : "unicast";
    if (bgp) {
      return new Best(e.table(), e.prefix(), true, kind, e.attributes().nextHop(), e.attributes().asPath().asns());
    }
    return new Best(e.table(), e.prefix(), false, kind, null, List.of());
  }

  private static Best realBest(ObservedBgpRoute o) {
    boolean bgp = o.source().equals("bgp");
    String kind = o.kind() == null ? "unicast" : o.kind();
    return new Best(o.table(), o.prefix(), bgp, kind, bgp ? o.nextHop() : null, bgp ? o.asPath() : List.of());
  }

  private static final class Run {
    final List<LabDifference> differences = new ArrayList<>();
    final Map<String, Integer> normalised = new LinkedHashMap<>();
    int compared;

    void diff(String host, LabDifference.Kind kind, String item, String simulated, String real) {
      differences.add(new LabDifference(host, kind, item, simulated, real));
    }

    void normalise(String what) {
      normalised.merge(what, 1, Integer::sum);
    }
  }
}
