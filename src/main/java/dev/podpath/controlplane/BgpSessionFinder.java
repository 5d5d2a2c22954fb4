package dev.podpath.controlplane;

import dev.podpath.controlplane.spi.AddressFamily;
import dev.podpath.controlplane.spi.BgpNeighborConfig;
import dev.podpath.controlplane.spi.RoutingDaemon;
import dev.podpath.controlplane.spi.SessionContext;
import dev.podpath.core.SourceRef;
import dev.podpath.core.net.IfAddress;
import dev.podpath.core.net.IpAddr;
import dev.podpath.model.network.AddressOwner;
import dev.podpath.model.network.Interface;
import dev.podpath.model.network.Network;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Decides, for every neighbor every daemon declares, whether its session comes up, and with whom.
 * The peer is the daemon, on the host owning the neighbor address, whose own neighbor points back
 * at an address of this host; then, in order: AS on both sides, password, common family, who
 * connects and who listens (port, passive), TCP path both ways through the current kernel FIBs,
 * the connection's source address against what the other side expects, and TTL for eBGP (Batfish
 * BgpSessionStatusAnswerer: compatible AND reachable on the computed data plane).
 */
public final class BgpSessionFinder {

  private final Network network;
  private final Map<String, KernelFib> fibs;
  private final PathProbe probe;

  public BgpSessionFinder(Network network, Map<String, KernelFib> fibs) {
    this.network = network;
    this.fibs = fibs;
    this.probe = new PathProbe(network, fibs);
  }

  /** The sessions found, one result per configured neighbor, sorted. */
  public static final class Sessions {
    private final List<SessionResult> results;
    private final List<EstablishedSession> established;
    private final Map<DaemonRef, List<SessionContext>> byDaemon = new HashMap<>();

    Sessions(List<SessionResult> results, List<EstablishedSession> established) {
      this.results = results;
      this.established = established;
      for (EstablishedSession s : established) {
        byDaemon.computeIfAbsent(s.a(), k -> new ArrayList<>()).add(s.aSide());
        byDaemon.computeIfAbsent(s.b(), k -> new ArrayList<>()).add(s.bSide());
      }
      for (List<SessionContext> l : byDaemon.values()) {
        l.sort(Comparator.comparing(SessionContext::neighborId));
      }
    }

    public List<SessionResult> results() {
      return results;
    }

    public List<EstablishedSession> established() {
      return established;
    }

    /** The contexts of one daemon's established sessions, sorted by neighbor id. */
    public List<SessionContext> contextsOf(DaemonRef d) {
      return List.copyOf(byDaemon.getOrDefault(d, List.of()));
    }
  }

  /** A neighbor of a daemon. */
  private record Nb(DaemonRef ref, RoutingDaemon daemon, BgpNeighborConfig cfg) {
    String key() {
      return ref.key() + "#" + cfg.id();
    }
  }

  private record Outcome(int rank, SessionDownReason reason, String message, IpAddr aLocal, IpAddr bLocal, Set<AddressFamily> families) {
    boolean up() {
      return reason == null;
    }
  }

  public Sessions find(List<RoutingDaemon> daemons) {
    List<Nb> all = new ArrayList<>();
    for (RoutingDaemon d : daemons) {
      for (BgpNeighborConfig n : d.neighbors()) {
        all.add(new Nb(DaemonRef.of(d), d, n));
      }
    }
    all.sort(Comparator.comparing((Nb n) -> n.ref).thenComparing(n -> n.cfg.id()));
    // host -> neighbor address -> neighbors of daemons on that host (the candidates pointing back)
    Map<String, Map<IpAddr, List<Nb>>> byHostAndPeer = new HashMap<>();
    for (Nb n : all) {
      byHostAndPeer.computeIfAbsent(n.ref.host(), k -> new HashMap<>())
          .computeIfAbsent(n.cfg.peerAddress(), k -> new ArrayList<>()).add(n);
    }
    Map<String, List<IpAddr>> ownAddresses = new HashMap<>();
    Map<String, SessionResult> results = new HashMap<>();
    List<EstablishedSession> established = new ArrayList<>();
    Map<String, Outcome> cache = new HashMap<>();
    Set<String> matched = new HashSet<>();
    for (Nb a : all) {
      if (matched.contains(a.key())) {
        continue; // already matched as the peer of an earlier neighbor
      }
      IpAddr peer = a.cfg.peerAddress();
      Set<String> ownerHosts = new LinkedHashSet<>();
      if (peer.isLoopback()) {
        ownerHosts.add(a.ref.host()); // ::1 / 127.0.0.1 is host-scope: only this host answers
      } else {
        for (AddressOwner o : network.owners(peer)) {
          ownerHosts.add(o.host());
        }
      }
      if (ownerHosts.isEmpty()) {
        results.put(a.key(), down(a, SessionDownReason.NO_PEER_OWNS_ADDRESS,
            "no host in the snapshot has " + peer + " on an interface", null));
        continue;
      }
      List<Nb> candidates = new ArrayList<>();
      List<IpAddr> mine = ownAddresses.computeIfAbsent(a.ref.host() + "|" + a.cfg.vrf(), k -> {
        List<IpAddr> l = new ArrayList<>();
        network.addresses(a.ref.host(), a.cfg.vrf()).forEach(x -> l.add(x.address()));
        if (a.cfg.vrf() == null) {
          l.add(IpAddr.parse("::1"));
          l.add(IpAddr.parse("127.0.0.1"));
        }
        return l;
      });
      for (String h2 : ownerHosts) {
        Map<IpAddr, List<Nb>> there = byHostAndPeer.getOrDefault(h2, Map.of());
        for (IpAddr back : mine) {
          if (back.isLoopback() && !h2.equals(a.ref.host())) {
            continue; // a loopback neighbor address points back only within one host
          }
          for (Nb b : there.getOrDefault(back, List.of())) {
            if (b.ref.equals(a.ref) || matched.contains(b.key()) || candidates.contains(b)) {
              continue;
            }
            boolean ownedInVrf = peer.isLoopback() ? b.cfg.vrf() == null : network.isLocal(h2, b.cfg.vrf(), peer);
            if (ownedInVrf) {
              candidates.add(b);
            }
          }
        }
      }
      candidates.sort(Comparator.comparing((Nb n) -> n.ref).thenComparing(n -> n.cfg.id()));
      if (candidates.isEmpty()) {
        results.put(a.key(), down(a, SessionDownReason.NO_MATCHING_NEIGHBOR,
            peer + " is on " + ownerHosts + " but no daemon there has a neighbor pointing back at an address of "
                + a.ref.host() + (a.cfg.vrf() == null ? "" : " in VRF " + a.cfg.vrf()), null));
        continue;
      }
      Nb best = null;
      Outcome bestOutcome = null;
      for (Nb b : candidates) {
        String k = a.key() + "|" + b.key();
        Outcome o = cache.computeIfAbsent(k, x -> evaluate(a, b));
        if (bestOutcome == null || o.rank() > bestOutcome.rank()) {
          best = b;
          bestOutcome = o;
        }
      }
      if (bestOutcome.up()) {
        SessionContext ac = context(a, best, bestOutcome.aLocal(), bestOutcome.families());
        SessionContext bc = context(best, a, bestOutcome.bLocal(), bestOutcome.families());
        established.add(new EstablishedSession(a.ref, ac, best.ref, bc));
        results.put(a.key(), up(a, best, bestOutcome.aLocal(), bestOutcome.families()));
        results.put(best.key(), up(best, a, bestOutcome.bLocal(), bestOutcome.families()));
        matched.add(a.key());
        matched.add(best.key());
      } else {
        results.put(a.key(), down(a, bestOutcome.reason(), bestOutcome.message(), best, bestOutcome.aLocal()));
      }
    }
    List<SessionResult> list = new ArrayList<>(results.values());
    list.sort(SessionResult.ORDER);
    established.sort(Comparator.comparing((EstablishedSession s) -> s.a()).thenComparing(s -> s.aSide().neighborId()));
    return new Sessions(List.copyOf(list), List.copyOf(established));
  }

  private Outcome evaluate(Nb a, Nb b) {
    BgpNeighborConfig x = a.cfg;
    BgpNeighborConfig y = b.cfg;
    int rank = 0;
    if (!x.peerAs().accepts(x.localAs(), y.localAs())) {
      return fail(rank, SessionDownReason.AS_MISMATCH, side(a) + " expects peer AS " + asText(x.peerAs()) + " but " + side(b) + " uses local AS " + y.localAs());
    }
    if (!y.peerAs().accepts(y.localAs(), x.localAs())) {
      return fail(rank, SessionDownReason.AS_MISMATCH, side(b) + " expects peer AS " + asText(y.peerAs()) + " but " + side(a) + " uses local AS " + x.localAs());
    }
    rank++;
    if (!Objects.equals(x.passwordDigest(), y.passwordDigest())) {
      String m = x.passwordDigest() == null || y.passwordDigest() == null
          ? "a TCP-MD5 password is configured on " + (x.passwordDigest() == null ? side(b) : side(a)) + " only"
          : "the TCP-MD5 passwords of " + side(a) + " and " + side(b) + " differ";
      return fail(rank, SessionDownReason.PASSWORD_MISMATCH, m);
    }
    rank++;
    Set<AddressFamily> fams = EnumSet.noneOf(AddressFamily.class);
    fams.addAll(x.families());
    fams.retainAll(y.families());
    if (fams.isEmpty()) {
      return fail(rank, SessionDownReason.NO_COMMON_FAMILY, side(a) + " activates " + new java.util.TreeSet<>(x.families())
          + ", " + side(b) + " activates " + new java.util.TreeSet<>(y.families()));
    }
    rank++;
    if (x.passive() && y.passive()) {
      return fail(rank, SessionDownReason.BOTH_PASSIVE, side(a) + " and " + side(b) + " both wait for the other to connect");
    }
    String abWhy = listenProblem(a, b);
    String baWhy = listenProblem(b, a);
    if (abWhy != null && baWhy != null) {
      boolean port = abWhy.startsWith("port") || baWhy.startsWith("port");
      return fail(rank, port ? SessionDownReason.PORT_MISMATCH : SessionDownReason.NO_LISTENER,
          (x.passive() ? baWhy : abWhy) + (x.passive() || y.passive() ? "" : "; and " + baWhy));
    }
    rank++;
    Nb noLoopback = !a.daemon.peersOverLoopback() ? a : !b.daemon.peersOverLoopback() ? b : null;
    if (noLoopback != null && (x.peerAddress().isLoopback() || y.peerAddress().isLoopback())) {
      // F84 zebra/connected.c connected_add_ipv4/ipv6 drop ::1 and 127.0.0.0/8 (martians): bgpd
      // never resolves such a peer (bgp_fsm.c "Waiting for NHT") and resets an accepted
      // connection (bgp_network.c "nexthop_set failed"); lab: FRR Active, bird FSM error
      IpAddr loop = noLoopback == a ? x.peerAddress() : y.peerAddress();
      return fail(rank, SessionDownReason.LOOPBACK_UNUSABLE, side(noLoopback) + " peers over " + loop
          + ": FRR's zebra ignores ::1 and 127.0.0.0/8, so bgpd waits for next-hop tracking (\"Waiting for NHT\") and resets"
          + " an accepted connection (\"nexthop_set failed\"); peer over an address on an interface instead (e.g. a /32 or /128 on lo)");
    }
    PathProbe.Result fwd = probe.walk(a.ref.host(), x.vrf(), x.peerAddress());
    if (!fwd.reached() || !fwd.deliveredTo().equals(b.ref.host())) {
      return fail(rank, SessionDownReason.NO_TCP_PATH, "from " + side(a) + " to " + x.peerAddress() + ": "
          + (fwd.reached() ? "delivered to " + fwd.deliveredTo() + " instead of " + b.ref.host() : fwd.failure()));
    }
    PathProbe.Result back = probe.walk(b.ref.host(), y.vrf(), y.peerAddress());
    if (!back.reached() || !back.deliveredTo().equals(a.ref.host())) {
      return fail(rank, SessionDownReason.NO_TCP_PATH, "from " + side(b) + " to " + y.peerAddress() + ": "
          + (back.reached() ? "delivered to " + back.deliveredTo() + " instead of " + a.ref.host() : back.failure()));
    }
    rank++;
    IpAddr srcA = x.localAddress() != null ? x.localAddress() : SourceAddress.select(network, fibs.get(a.ref.host()), a.ref.host(), x.vrf(), x.peerAddress());
    IpAddr srcB = y.localAddress() != null ? y.localAddress() : SourceAddress.select(network, fibs.get(b.ref.host()), b.ref.host(), y.vrf(), y.peerAddress());
    String abSrc = abWhy == null ? sourceProblem(a, srcA, b) : abWhy;
    String baSrc = baWhy == null ? sourceProblem(b, srcB, a) : baWhy;
    IpAddr aLocal;
    IpAddr bLocal;
    if (abSrc == null) {
      aLocal = srcA;
      bLocal = x.peerAddress();
    } else if (baSrc == null) {
      aLocal = y.peerAddress();
      bLocal = srcB;
    } else {
      return new Outcome(rank, SessionDownReason.SOURCE_ADDRESS_MISMATCH, abWhy == null ? abSrc : baSrc, srcA, srcB, fams);
    }
    rank++;
    boolean ebgp = x.localAs() != y.localAs();
    String ttl = ttlProblem(a, fwd.routerHops(), ebgp);
    if (ttl == null) {
      ttl = ttlProblem(b, back.routerHops(), ebgp);
    }
    if (ttl != null) {
      SessionDownReason r = ttl.startsWith("TTL") ? SessionDownReason.TTL_TOO_SMALL : SessionDownReason.NOT_DIRECTLY_CONNECTED;
      return new Outcome(rank, r, ttl, aLocal, bLocal, fams);
    }
    return new Outcome(Integer.MAX_VALUE, null, "", aLocal, bLocal, fams);
  }

  /** Why {@code from} cannot open a connection to {@code to}, or null if it can. */
  private String listenProblem(Nb from, Nb to) {
    if (from.cfg.passive()) {
      return side(from) + " is passive";
    }
    if (!to.cfg.listens()) {
      return side(to) + " does not accept connections (" + (to.ref.name().equals("cilium")
          ? "a Cilium BGP instance without localPort does not listen" : "not listening") + ")";
    }
    int port = to.daemon.listenPort(to.cfg);
    if (port != from.cfg.peerPort()) {
      return "port: " + side(from) + " connects to port " + from.cfg.peerPort() + " but " + side(to) + " listens on " + port;
    }
    return null;
  }

  /** Why a connection from {@code from} with source {@code src} is refused by {@code to}, or null. */
  private String sourceProblem(Nb from, IpAddr src, Nb to) {
    if (src == null) {
      return side(from) + " has no source address for " + from.cfg.peerAddress();
    }
    if (!src.equals(to.cfg.peerAddress())) {
      return side(from) + " connects from " + src + " but " + side(to) + " expects its neighbor at " + to.cfg.peerAddress()
          + (from.cfg.localAddress() == null ? " (set the local/source address on " + side(from) + ")" : "");
    }
    if (to.cfg.localAddress() != null && !to.cfg.localAddress().equals(from.cfg.peerAddress())) {
      return side(to) + " binds " + to.cfg.localAddress() + " but " + side(from) + " connects to " + from.cfg.peerAddress();
    }
    return null;
  }

  private String ttlProblem(Nb n, int routerHops, boolean ebgp) {
    BgpNeighborConfig c = n.cfg;
    int ttl = c.multihopTtl();
    if (ebgp && ttl <= 1) {
      if (c.connectedCheck() && !directlyConnected(n)) {
        return side(n) + " is eBGP without multihop and " + c.peerAddress() + " is not on a connected subnet of "
            + n.ref.host() + " (BIRD `multihop`, FRR `ebgp-multihop` or `disable-connected-check`)";
      }
      if (routerHops > 0) {
        return side(n) + " sends with TTL 1 (eBGP without multihop) but " + c.peerAddress() + " is " + routerHops + " router hop(s) away";
      }
      return null;
    }
    if (routerHops >= Math.max(ttl, 1)) {
      return "TTL " + ttl + " of " + side(n) + " does not cross the " + routerHops + " router hop(s) to " + c.peerAddress();
    }
    return null;
  }

  /** Loopback, a local address, or inside a connected prefix of the neighbor's host and VRF. */
  private boolean directlyConnected(Nb n) {
    IpAddr p = n.cfg.peerAddress();
    if (p.isLoopback() || network.isLocal(n.ref.host(), n.cfg.vrf(), p)) {
      return true;
    }
    return sharedInterface(n) != null;
  }

  private String sharedInterface(Nb n) {
    IpAddr p = n.cfg.peerAddress();
    var host = network.host(n.ref.host()).orElse(null);
    if (host == null || p.isLoopback()) {
      return null;
    }
    for (Interface i : host.interfaces()) {
      if (!Objects.equals(i.vrf(), n.cfg.vrf())) {
        continue;
      }
      for (IfAddress a : i.addresses()) {
        if (a.length() < a.address().bits() && a.prefix().contains(p)) {
          return i.name();
        }
      }
    }
    return null;
  }

  private SessionContext context(Nb self, Nb peer, IpAddr local, Set<AddressFamily> fams) {
    String shared = sharedInterface(self);
    return new SessionContext(self.cfg.id(), local, linkLocal(self.ref.host(), shared), self.cfg.peerAddress(), self.cfg.localAs(), peer.cfg.localAs(),
        peer.daemon.routerId(), shared != null, shared, fams, peer.ref.host(), peer.ref.name());
  }

  /**
   * The link-local address host.yaml gives the shared interface, or null: the kernel generates one
   * for every IPv6 interface, but its value is known only when configured (FRR bgp_zebra.c
   * bgp_zebra_nexthop_set and BIRD's link_addr take the interface's link-local as the second
   * IPv6 next hop).
   */
  private IpAddr linkLocal(String host, String iface) {
    if (iface == null) {
      return null;
    }
    var h = network.host(host).orElse(null);
    if (h == null) {
      return null;
    }
    for (Interface i : h.interfaces()) {
      if (i.name().equals(iface)) {
        for (IfAddress a : i.addresses()) {
          if (a.address().v6() && a.address().isLinkLocal()) {
            return a.address();
          }
        }
      }
    }
    return null;
  }

  private static Outcome fail(int rank, SessionDownReason r, String m) {
    return new Outcome(rank, r, m, null, null, Set.of());
  }

  private static String side(Nb n) {
    return n.ref.key() + " neighbor " + n.cfg.id();
  }

  private static String asText(BgpNeighborConfig.PeerAs p) {
    if (p instanceof BgpNeighborConfig.PeerAs.Exact e) {
      return String.valueOf(e.asn());
    }
    return p.getClass().getSimpleName().toLowerCase(java.util.Locale.ROOT);
  }

  private static SessionResult up(Nb a, Nb b, IpAddr local, Set<AddressFamily> fams) {
    return new SessionResult(a.ref.host(), a.ref.name(), a.cfg.id(), a.cfg.vrf(), a.cfg.peerAddress(), a.cfg.localAs(), true, null,
        "Established with " + b.ref.key() + " neighbor " + b.cfg.id(), a.cfg.where(), b.ref.host(), b.ref.name(), b.cfg.id(), b.cfg.where(), local, fams);
  }

  private static SessionResult down(Nb a, SessionDownReason r, String message, Nb b) {
    return down(a, r, message, b, null);
  }

  private static SessionResult down(Nb a, SessionDownReason r, String message, Nb b, IpAddr local) {
    return new SessionResult(a.ref.host(), a.ref.name(), a.cfg.id(), a.cfg.vrf(), a.cfg.peerAddress(), a.cfg.localAs(), false, r, message,
        a.cfg.where(), b == null ? null : b.ref.host(), b == null ? null : b.ref.name(), b == null ? null : b.cfg.id(),
        b == null ? SourceRef.NONE : b.cfg.where(), local, Set.of());
  }

}
