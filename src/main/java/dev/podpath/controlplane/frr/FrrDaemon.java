package dev.podpath.controlplane.frr;

import dev.podpath.controlplane.spi.AddressFamily;
import dev.podpath.controlplane.spi.BgpNeighborConfig;
import dev.podpath.controlplane.spi.HostView;
import dev.podpath.controlplane.spi.RibEntry;
import dev.podpath.controlplane.spi.RoutingDaemon;
import dev.podpath.controlplane.spi.SessionContext;
import dev.podpath.core.Finding;
import dev.podpath.core.SourceRef;
import dev.podpath.core.net.IpAddr;
import dev.podpath.core.net.IpPrefix;
import dev.podpath.ingest.frr.FrrBgpRouter;
import dev.podpath.ingest.frr.FrrConfig;
import dev.podpath.ingest.frr.FrrStaticRoute;
import dev.podpath.model.routing.BgpRoute;
import dev.podpath.model.routing.KernelRoute;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One FRR process on one host, simulated: a bgpd instance per `router bgp` (default VRF and each
 * VRF) and zebra installing the selected routes (and staticd's static routes) into the kernel.
 *
 * <p>EVPN is not modelled: between Proxmox hosts each tenant VRF is its own BGP instance with the
 * neighbors configured in it; type-5 routes between hosts are not exchanged (a finding says so
 * when `advertise ipv4|ipv6 unicast` or `default-originate` is configured).
 */
public final class FrrDaemon implements RoutingDaemon {

  /** lib/zebra.h ZEBRA_EBGP_DISTANCE_DEFAULT / ZEBRA_IBGP_DISTANCE_DEFAULT. */
  static final int EBGP_DISTANCE = 20;
  static final int IBGP_DISTANCE = 200;
  /** zebra installs its routes with metric 20 (`ip route` shows "proto bgp metric 20"). */
  static final long KERNEL_METRIC = 20;

  private final FrrConfig config;
  private HostView host;
  private final FrrPolicy policy;
  private final FrrReceive receive;
  private FrrAnnounce announce;
  private final FrrOrigination origination;
  private final List<Finding> configFindings = new ArrayList<>();
  private final List<ResolvedNeighbor> neighbors = new ArrayList<>();
  private final Map<String, ResolvedNeighbor> byId = new LinkedHashMap<>();
  private final Map<String, SessionContext> sessions = new TreeMap<>();
  private final Map<String, List<BgpRoute>> adjIn = new TreeMap<>();
  private List<KernelRoute> statics;

  // results of settle()
  private final Map<String, Map<IpPrefix, Selection>> tables = new TreeMap<>();
  private List<KernelRoute> kernel = List.of();
  private List<RibEntry> rib = List.of();
  private List<Finding> findings = List.of();
  private List<Object> lastState = List.of();
  /** Default-VRF prefix -> peer address of the path real bgpd had selected first (step 12), when known. */
  private Map<IpPrefix, IpAddr> selectedFirst = Map.of();

  /** A prefix's candidates, the best and its multipath companions. */
  record Selection(List<Candidate> candidates, Candidate best, List<Candidate> multipath, Map<Candidate, String> lostBecause) {}

  public FrrDaemon(FrrConfig config, HostView host) {
    this(config, host, List.of());
  }

  /**
   * @param dynamicPeerCandidates addresses that may connect through `bgp listen range` (e.g. the
   *     addresses of every other host of the snapshot); one passive neighbor is modelled for each
   *     address inside a range
   */
  public FrrDaemon(FrrConfig config, HostView host, Collection<IpAddr> dynamicPeerCandidates) {
    this.config = config;
    this.host = host;
    this.policy = new FrrPolicy(config);
    this.receive = new FrrReceive(policy, new FrrDaemonVersion(config.daemonVersion()));
    this.announce = new FrrAnnounce(policy, host);
    this.origination = new FrrOrigination(policy);
    FrrNeighborResolver resolver = new FrrNeighborResolver(host.host(), host, configFindings);
    for (FrrBgpRouter r : config.bgpRouters()) {
      for (ResolvedNeighbor n : resolver.resolve(r, dynamicPeerCandidates)) {
        neighbors.add(n);
        byId.put(n.id(), n);
      }
      if (r.evpn() != null && (r.evpn().advertiseIpv4Unicast() || r.evpn().advertiseIpv6Unicast() || r.evpn().defaultOriginateIpv4() || r.evpn().defaultOriginateIpv6())) {
        configFindings.add(Finding.info("frr/evpn-approximated",
            "router bgp " + r.asn() + (r.vrf() == null ? "" : " vrf " + r.vrf()) + ": EVPN type-5 routes (advertise unicast / default-originate) are not exchanged by podpath; each VRF instance only talks to the neighbors configured in it",
            r.evpn().where()).onHost(host.host()));
      }
    }
    settle();
  }

  @Override
  public String host() {
    return host.host();
  }

  @Override
  public String name() {
    return "frr";
  }

  @Override
  public List<BgpNeighborConfig> neighbors() {
    return neighbors.stream().map(ResolvedNeighbor::session).toList();
  }

  /** Opening sessions again resets everything received (the engine's contract). */
  @Override
  public void open(List<SessionContext> established) {
    sessions.clear();
    adjIn.clear();
    for (SessionContext s : established) {
      if (byId.containsKey(s.neighborId())) {
        sessions.put(s.neighborId(), s);
      }
    }
  }

  /**
   * The engine's current view of the host (an SPI default method in the engine's branch; without
   * {@code @Override} so this class compiles against either SPI version).
   */
  public void hostView(HostView view) {
    this.host = view;
    this.announce = new FrrAnnounce(policy, view);
  }

  /**
   * zebra drops the addresses ::1 and 127.0.0.0/8 (F84 zebra/connected.c connected_add_ipv4/ipv6:
   * ipv4_martian / ipv6_martian, lib/prefix.h), so bgpd has neither a connected route for them nor
   * an interface owning them: connecting waits forever ("Waiting for NHT", bgp_fsm.c bgp_start:
   * bgp_peer_reg_with_nht false) and an accepted connection is reset ("nexthop_set failed",
   * bgp_network.c bgp_getsockname: bgp_zebra_nexthop_set finds no interface). Lab: frr 8.4.4 with
   * zebra, generator `localhost-peering`, 27 of seeds 1-200 (2026-11-26): FRR Active, bird
   * "Received: Finite state machine error".
   */
  @Override
  public boolean peersOverLoopback() {
    return false;
  }

  /**
   * Which path bgpd had selected first, per default-VRF prefix (the peer address): step 12 of
   * bgp_path_info_cmp keeps it among eBGP paths tied down to that step (`BGP_PATH_SELECTED`).
   * Offline this is unknown; the lab passes the real daemon's choices to replay its timing.
   */
  public void selectedFirst(Map<IpPrefix, IpAddr> paths) {
    this.selectedFirst = Map.copyOf(paths);
  }

  /** The default instance's `bgp router-id` (null when zebra would choose it). */
  public IpAddr routerId() {
    return config.bgpRouter(null).map(FrrBgpRouter::routerId).orElse(null);
  }

  /** zebra writes kernel routes with NLM_F_REPLACE (F84 zebra/rt_netlink.c netlink_route_multipath_msg_encode: IPv4, and IPv6 with v6_rr_semantics). */
  public boolean replacesKernelRoutes() {
    return true;
  }

  @Override
  public void receive(SessionContext session, AddressFamily family, List<BgpRoute> routes) {
    adjIn.put(session.neighborId() + "|" + family, List.copyOf(routes));
  }

  // ------------------------------------------------------------------ settle

  @Override
  public boolean settle() {
    tables.clear();
    configFindings.removeIf(f -> f.code().startsWith("frr/static-"));
    statics = staticRoutes();
    List<Finding> fs = new ArrayList<>(configFindings);
    List<RibEntry> ribOut = new ArrayList<>();
    List<KernelRoute> kernelOut = new ArrayList<>(statics);
    // instances that do not import first, so `import vrf` sees its source's best paths
    List<FrrBgpRouter> order = new ArrayList<>(config.bgpRouters());
    order.sort(Comparator.comparing((FrrBgpRouter r) -> importsAny(r) ? 1 : 0).thenComparing(FrrBgpRouter::vrfName));
    for (FrrBgpRouter r : order) {
      ZebraView zebra = new ZebraView(host, r.vrf(), config.nhtResolveViaDefaultV4(), config.nhtResolveViaDefaultV6(), statics);
      for (AddressFamily fam : AddressFamily.values()) {
        List<Candidate> cands = new ArrayList<>(origination.originate(r, fam, zebra, statics));
        for (ResolvedNeighbor n : neighbors) {
          SessionContext s = sessions.get(n.id());
          if (n.router() != r || s == null) {
            continue;
          }
          for (BgpRoute in : adjIn.getOrDefault(n.id() + "|" + fam, List.of())) {
            cands.add(receive.process(in, n, s, fam, zebra));
          }
        }
        cands.addAll(imported(r, fam));
        Map<IpPrefix, Selection> sel = select(r, cands);
        tables.put(key(r, fam), sel);
        String table = (r.vrf() == null ? "default" : r.vrf()) + " " + (fam.v6() ? "ipv6" : "ipv4") + " unicast";
        for (Map.Entry<IpPrefix, Selection> e : sel.entrySet()) {
          for (Candidate c : e.getValue().candidates()) {
            boolean best = c == e.getValue().best() || e.getValue().multipath().contains(c);
            String status = c.valid() ? (best ? (c == e.getValue().best() ? "" : "multipath") : e.getValue().lostBecause().getOrDefault(c, "")) : c.status();
            boolean tie = c.valid() && e.getValue().best() != null && c != e.getValue().best()
                && FrrBestPath.compare(c, e.getValue().best(), r).arrivalOrderTie();
            ribOut.add(new RibEntry(table, e.getKey(), c.from(), c.route().attributes(), best, status, c.where(), tie));
          }
          install(r, zebra, e.getKey(), e.getValue(), kernelOut, fs);
        }
      }
    }
    fs.addAll(rfc8212Findings());
    fs.addAll(invalidNextHopFindings());
    fs.sort(Finding.ORDER);
    kernelOut.sort(Comparator.comparing(KernelRoute::table).thenComparing(KernelRoute::prefix).thenComparingLong(KernelRoute::metric));
    this.findings = dedupe(fs);
    this.kernel = List.copyOf(kernelOut);
    this.rib = List.copyOf(ribOut);
    List<Object> state = List.of(kernel, advertisedState());
    boolean changed = !state.equals(lastState);
    lastState = state;
    return changed;
  }

  private static List<Finding> dedupe(List<Finding> fs) {
    return fs.stream().distinct().toList();
  }

  private List<Object> advertisedState() {
    List<Object> l = new ArrayList<>();
    for (SessionContext s : sessions.values()) {
      for (AddressFamily f : AddressFamily.values()) {
        l.add(advertise(s, f));
      }
    }
    return l;
  }

  private static boolean importsAny(FrrBgpRouter r) {
    return r.afs().values().stream().anyMatch(a -> !a.importVrfs().isEmpty());
  }


  private static String key(FrrBgpRouter r, AddressFamily fam) {
    return (r.vrf() == null ? "" : r.vrf()) + "|" + fam;
  }

  /** `import vrf NAME`: the source instance's best paths leak into this one (approximation of bgp_mplsvpn.c vpn_leak_*). */
  private List<Candidate> imported(FrrBgpRouter r, AddressFamily fam) {
    List<Candidate> out = new ArrayList<>();
    for (String src : r.af(fam.v6() ? dev.podpath.ingest.frr.Afi.IPV6 : dev.podpath.ingest.frr.Afi.IPV4).importVrfs()) {
      Map<IpPrefix, Selection> t = tables.get(src + "|" + fam);
      if (t == null) {
        continue;
      }
      for (Selection s : t.values()) {
        Candidate b = s.best();
        if (b == null || b.kind() == Candidate.Kind.IMPORTED) {
          continue;
        }
        List<KernelRoute.NextHop> hops = b.hops();
        if (hops.isEmpty() && b.local()) {
          hops = connectedHops(b.route().prefix(), src);
        }
        out.add(new Candidate(b.route().withWeight(0), Candidate.Kind.IMPORTED, "vrf " + src, b.neighbor(), b.session(), true, "", hops, b.igpMetric(), b.where()));
      }
    }
    return out;
  }

  private List<KernelRoute.NextHop> connectedHops(IpPrefix p, String vrf) {
    for (HostView.Interface i : host.interfaces()) {
      if (Objects.equals(i.vrf(), vrf) && i.addresses().stream().anyMatch(a -> a.prefix().equals(p))) {
        return List.of(new KernelRoute.NextHop(null, i.name()));
      }
    }
    return List.of();
  }

  /** Best path and multipath per prefix (bgp_route.c bgp_best_selection + bgp_mpath.c). */
  private Map<IpPrefix, Selection> select(FrrBgpRouter r, List<Candidate> cands) {
    Map<IpPrefix, List<Candidate>> byPrefix = new TreeMap<>();
    for (Candidate c : cands) {
      byPrefix.computeIfAbsent(c.route().prefix(), k -> new ArrayList<>()).add(c);
    }
    Map<IpPrefix, Selection> out = new TreeMap<>();
    for (Map.Entry<IpPrefix, List<Candidate>> e : byPrefix.entrySet()) {
      List<Candidate> list = new ArrayList<>(e.getValue());
      list.sort(Comparator.comparing(Candidate::from));
      Candidate best = null;
      IpAddr first = r.vrf() == null ? selectedFirst.get(e.getKey()) : null;
      for (Candidate c : list) {
        if (c.valid() && (best == null || wins(c, best, r, first))) {
          best = c;
        }
      }
      Map<Candidate, String> lost = new HashMap<>();
      List<Candidate> multi = new ArrayList<>();
      if (best != null) {
        List<Candidate> eq = new ArrayList<>();
        for (Candidate c : list) {
          if (c == best || !c.valid()) {
            continue;
          }
          // the reason reads from the losing path's side: "AS path length 2 vs 1"
          lost.put(c, "lost to " + best.from() + ": " + FrrBestPath.compare(c, best, r).reason());
          // F84 bgp_route.c bgp_best_selection: a path with the best's next hop is skipped
          // (bgp_path_info_nexthop_cmp), the others join mp_list when bgp_path_info_cmp sets paths_eq
          if (!Objects.equals(c.nextHopKey(), best.nextHopKey()) && FrrBestPath.compare(c, best, r).multipathEqual()) {
            eq.add(c);
          }
        }
        // F84 bgp_mpath.c bgp_path_info_mpath_update: maxpaths from the best's peer type
        // (`maximum-paths ibgp N` / `maximum-paths N`, default MULTIPATH_NUM); mp_list is ordered by
        // next hop then peer address (bgp_path_info_mpath_cmp) and a path whose next hop equals the
        // previous one's is not added
        dev.podpath.ingest.frr.FrrBgpAf af = r.af(best.route().prefix().v6() ? dev.podpath.ingest.frr.Afi.IPV6 : dev.podpath.ingest.frr.Afi.IPV4);
        int max = best.ebgp() ? af.maximumPaths() : af.maximumPathsIbgp();
        eq.sort(Comparator.comparing(Candidate::nextHopKey, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(Candidate::peerAddress, Comparator.nullsLast(Comparator.naturalOrder())));
        Candidate.NextHopKey previous = null;
        for (Candidate c : eq) {
          if (multi.size() + 1 >= max) {
            break;
          }
          if (c.hops().isEmpty() || c.nextHopKey() != null && c.nextHopKey().equals(previous)) {
            continue;
          }
          multi.add(c);
          previous = c.nextHopKey();
        }
      }
      out.put(e.getKey(), new Selection(list, best, multi, lost));
    }
    return out;
  }

  /** bgp_path_info_cmp, with step 12 decided by the path selected first when that is known. */
  private static boolean wins(Candidate c, Candidate best, FrrBgpRouter r, IpAddr selectedFirst) {
    FrrBestPath.Decision d = FrrBestPath.compare(c, best, r);
    if (d.arrivalOrderTie() && selectedFirst != null) {
      if (selectedFirst.equals(c.peerAddress())) {
        return true;
      }
      if (selectedFirst.equals(best.peerAddress())) {
        return false;
      }
    }
    return d.firstWins();
  }

  // ------------------------------------------------------------------ zebra

  /** zebra: install the selected BGP path unless a route with a lower distance exists for the prefix. */
  private void install(FrrBgpRouter r, ZebraView zebra, IpPrefix p, Selection s, List<KernelRoute> out, List<Finding> fs) {
    Candidate b = s.best();
    // bgp_zebra.c bgp_zebra_announce: locally originated paths are not sent to zebra
    if (b == null || b.local() || b.hops().isEmpty()) {
      return;
    }
    int distance = b.ebgp() || b.kind() == Candidate.Kind.IMPORTED && b.neighbor() == null ? EBGP_DISTANCE : IBGP_DISTANCE;
    for (KernelRoute k : zebra.routes()) {
      boolean own = "frr".equals(k.installedBy());
      int kd = own ? staticDistance(k) : 0;
      if (k.prefix().equals(p) && k.type() != KernelRoute.Type.LOCAL && kd <= distance) {
        return; // zebra keeps the kernel/connected/static route (distance 0 / static distance)
      }
    }
    if (zebra.connectedPrefixes().contains(p)) {
      return;
    }
    List<KernelRoute.NextHop> hops = new ArrayList<>(b.hops());
    for (Candidate m : s.multipath()) {
      for (KernelRoute.NextHop h : m.hops()) {
        if (!hops.contains(h)) {
          hops.add(h);
        }
      }
    }
    // lab (engine.md): the kernel refuses an IPv6 gateway route whose egress device is the loopback
    // ("Egress device can not be loopback device for this route"): a link-local next hop on `lo`
    // (session sourced from a loopback address) is not installed
    List<KernelRoute.NextHop> refused = hops.stream().filter(h -> h.gateway() != null && h.gateway().isLinkLocal() && "lo".equals(h.device())).toList();
    hops.removeAll(refused);
    if (!refused.isEmpty()) {
      fs.add(Finding.info("frr/link-local-on-loopback", p + ": link-local next hop " + refused.get(0).gateway()
          + " would leave through lo (the session's local address is on the loopback); the kernel refuses it"
          + (hops.isEmpty() ? ", so zebra installs no route" : ""), b.where()).onHost(host.host()));
    }
    if (hops.isEmpty()) {
      return;
    }
    String dev = hops.size() == 1 ? hops.get(0).device() : null;
    out.add(new KernelRoute(zebra.table(), p, KernelRoute.Type.UNICAST, hops, dev, KERNEL_METRIC, "bgp", "frr", b.where()));
  }

  private int staticDistance(KernelRoute k) {
    for (FrrStaticRoute s : config.staticRoutes()) {
      if (s.prefix().equals(k.prefix()) && ZebraView.tableOf(s.vrf()).equals(k.table())) {
        return s.distance();
      }
    }
    return 1;
  }

  /** staticd routes zebra installs (proto static, metric 20), lowest distance per prefix. */
  private List<KernelRoute> staticRoutes() {
    Map<String, List<FrrStaticRoute>> byPrefix = new TreeMap<>();
    for (FrrStaticRoute s : config.staticRoutes()) {
      byPrefix.computeIfAbsent(ZebraView.tableOf(s.vrf()) + " " + s.prefix(), k -> new ArrayList<>()).add(s);
    }
    List<KernelRoute> out = new ArrayList<>();
    for (List<FrrStaticRoute> group : byPrefix.values()) {
      int min = group.stream().mapToInt(FrrStaticRoute::distance).min().orElse(1);
      FrrStaticRoute first = group.get(0);
      String table = ZebraView.tableOf(first.vrf());
      boolean kernelHasIt = host.kernelRoutes().stream().anyMatch(k -> k.table().equals(table) && k.prefix().equals(first.prefix()) && k.type() != KernelRoute.Type.LOCAL);
      if (kernelHasIt) {
        configFindings.add(Finding.info("frr/static-not-installed", "static route " + first.prefix() + " is not installed: the kernel already has a route for it (distance 0 wins in zebra)", first.where()).onHost(host.host()));
        continue;
      }
      ZebraView zebra = new ZebraView(host, first.vrf(), config.nhtResolveViaDefaultV4(), config.nhtResolveViaDefaultV6(), List.of());
      List<KernelRoute.NextHop> hops = new ArrayList<>();
      KernelRoute.Type type = KernelRoute.Type.UNICAST;
      SourceRef where = first.where();
      for (FrrStaticRoute s : group) {
        if (s.distance() != min) {
          continue;
        }
        switch (s.kind()) {
          case BLACKHOLE -> type = KernelRoute.Type.BLACKHOLE;
          case REJECT -> type = KernelRoute.Type.UNREACHABLE;
          case INTERFACE -> hops.add(new KernelRoute.NextHop(null, s.ifname()));
          case GATEWAY -> {
            if (s.ifname() != null) {
              hops.add(new KernelRoute.NextHop(s.gateway(), s.ifname()));
            } else {
              ZebraView.Resolution res = zebra.resolve(s.gateway());
              if (res.ok()) {
                hops.addAll(res.hops());
              } else {
                configFindings.add(Finding.warning("frr/static-unresolved", "static route " + s.prefix() + ": " + res.why() + "; zebra does not install it", s.where()).onHost(host.host()));
              }
            }
          }
        }
      }
      if (type == KernelRoute.Type.UNICAST && hops.isEmpty()) {
        continue;
      }
      if (type != KernelRoute.Type.UNICAST) {
        hops.clear();
      }
      String dev = hops.size() == 1 ? hops.get(0).device() : null;
      out.add(new KernelRoute(table, first.prefix(), type, hops, dev, KERNEL_METRIC, "static", "frr", where));
    }
    return out;
  }

  // ------------------------------------------------------------------ sending

  @Override
  public List<BgpRoute> advertise(SessionContext session, AddressFamily family) {
    ResolvedNeighbor to = byId.get(session.neighborId());
    if (to == null || !session.families().contains(family)) {
      return List.of();
    }
    Map<IpPrefix, Selection> t = tables.get(key(to.router(), family));
    if (t == null) {
      return List.of();
    }
    List<BgpRoute> out = new ArrayList<>();
    String[] why = new String[1];
    for (Selection s : t.values()) {
      if (s.best() == null) {
        continue;
      }
      announce.announce(s.best(), to, session, family, why).ifPresent(out::add);
    }
    return out;
  }

  @Override
  public List<KernelRoute> kernelRoutes() {
    return kernel;
  }

  @Override
  public List<RibEntry> rib() {
    return rib;
  }

  @Override
  public List<Finding> findings() {
    return findings;
  }

  // ------------------------------------------------------------------ findings

  /** RFC 8212: what `bgp ebgp-requires-policy` blocks, per neighbor and direction. */
  private List<Finding> rfc8212Findings() {
    List<Finding> out = new ArrayList<>();
    for (ResolvedNeighbor n : neighbors) {
      FrrBgpRouter r = n.router();
      if (!n.ebgp() || !r.ebgpRequiresPolicy()) {
        continue;
      }
      SessionContext s = sessions.get(n.id());
      for (AddressFamily fam : n.session().families()) {
        ResolvedNeighbor.AfPolicy pol = n.afs().get(fam);
        String rule = rule(r);
        if (!pol.hasInboundPolicy()) {
          int count = s == null ? 0 : adjIn.getOrDefault(n.id() + "|" + fam, List.of()).size();
          out.add(Finding.warning("bgp/no-policy-rfc8212",
              "RFC 8212: eBGP neighbor " + n.session().peerAddress() + " has no inbound policy (" + familyName(fam) + "); " + rule + ": "
                  + (s == null ? "no route would be accepted" : count + " received route" + (count == 1 ? "" : "s") + " dropped, 0 accepted"),
              where(r, n)).onHost(host.host()));
        }
        if (!pol.hasOutboundPolicy()) {
          int count = 0;
          Map<IpPrefix, Selection> t = tables.get(key(r, fam));
          if (t != null) {
            count = (int) t.values().stream().filter(x -> x.best() != null).count();
          }
          out.add(Finding.warning("bgp/no-policy-rfc8212",
              "RFC 8212: eBGP neighbor " + n.session().peerAddress() + " has no outbound policy (" + familyName(fam) + "); " + rule + ": 0 of " + count + " best route" + (count == 1 ? "" : "s") + " advertised",
              where(r, n)).onHost(host.host()));
        }
      }
    }
    return out;
  }

  private static String familyName(AddressFamily f) {
    return f.v6() ? "ipv6 unicast" : "ipv4 unicast";
  }

  private static String rule(FrrBgpRouter r) {
    SourceRef w = r.line("ebgp-requires-policy");
    if (w.isKnown()) {
      return "`bgp ebgp-requires-policy` (" + w + ")";
    }
    return "`bgp ebgp-requires-policy` is on by default (" + r.defaults().describe() + "); `no bgp ebgp-requires-policy` or route-maps in/out lift it";
  }

  private static SourceRef where(FrrBgpRouter r, ResolvedNeighbor n) {
    SourceRef w = r.line("ebgp-requires-policy");
    return w.isKnown() ? w : n.session().where();
  }

  /** Paths dropped for their next hop, one finding per neighbor and reason. */
  private List<Finding> invalidNextHopFindings() {
    Map<String, Integer> counts = new TreeMap<>();
    Map<String, SourceRef> wheres = new HashMap<>();
    for (Map<IpPrefix, Selection> t : tables.values()) {
      for (Selection s : t.values()) {
        for (Candidate c : s.candidates()) {
          if (c.valid() || c.neighbor() == null) {
            continue;
          }
          String st = c.status();
          if (st.startsWith("martian") || st.startsWith("next hop")) {
            String k = c.from() + ": " + st;
            counts.merge(k, 1, Integer::sum);
            wheres.putIfAbsent(k, c.where());
          }
        }
      }
    }
    List<Finding> out = new ArrayList<>();
    for (Map.Entry<String, Integer> e : counts.entrySet()) {
      out.add(Finding.warning("bgp/invalid-next-hop", e.getValue() + " route" + (e.getValue() == 1 ? "" : "s") + " from " + e.getKey(), wheres.get(e.getKey())).onHost(host.host()));
    }
    return out;
  }

  /** For tests and explanations: the selection for one prefix. */
  Optional<Selection> selection(String vrf, AddressFamily fam, IpPrefix p) {
    Map<IpPrefix, Selection> t = tables.get((vrf == null ? "" : vrf) + "|" + fam);
    return t == null ? Optional.empty() : Optional.ofNullable(t.get(p));
  }
}
