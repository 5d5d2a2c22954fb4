package dev.podpath.controlplane.frr;

import dev.podpath.controlplane.spi.SessionContext;
import dev.podpath.core.SourceRef;
import dev.podpath.core.net.IpAddr;
import dev.podpath.model.routing.KernelRoute;
import java.util.List;

/**
 * One path for a prefix in a bgpd instance's Loc-RIB (bgp_path_info): where it came from, whether
 * it is usable, and how zebra would reach its next hop.
 *
 * @param from neighbor id, "network", "redistribute connected", "vrf NAME"...
 * @param neighbor the neighbor it was received from, or null for a local route
 * @param session that neighbor's session, or null
 * @param valid usable for best path (not filtered, next hop resolved)
 * @param status why it is not usable, empty when valid
 * @param hops the kernel next hops zebra would install for it (resolved), empty when unresolved
 * @param igpMetric the metric of the route resolving its next hop (bgp_path_info_cmp step 8)
 */
record Candidate(
    FrrRoute route,
    Kind kind,
    String from,
    ResolvedNeighbor neighbor,
    SessionContext session,
    boolean valid,
    String status,
    List<KernelRoute.NextHop> hops,
    long igpMetric,
    SourceRef where) {

  Candidate {
    hops = List.copyOf(hops);
  }

  /** bgp_path_info sub_type: local (network, redistribute: step 3 "local route") or learned. */
  enum Kind {
    NETWORK,
    REDISTRIBUTE,
    RECEIVED,
    IMPORTED
  }

  boolean local() {
    return kind == Kind.NETWORK || kind == Kind.REDISTRIBUTE;
  }

  boolean ebgp() {
    return neighbor != null && neighbor.ebgp();
  }

  /** The next hop bgpd compares paths by for multipath (bgp_mpath.c bgp_path_info_nexthop_cmp); null for a local path. */
  NextHopKey nextHopKey() {
    IpAddr g = route.nextHop();
    if (g == null) {
      return null;
    }
    IpAddr ll = route.attributes().nextHopLinkLocal();
    return new NextHopKey(g, ll != null, ll == null ? null : route.preferGlobal() ? g : ll);
  }

  /**
   * F84 bgp_mpath.c bgp_path_info_nexthop_cmp: the global next hop, then a global-only next hop
   * before a global+link-local one, then (both with link-local) the link-local, or the global
   * under `set ipv6 next-hop prefer-global`. The interface test there compares peer->ifp, unset
   * for numbered peers, so it is left out.
   */
  record NextHopKey(IpAddr global, boolean withLinkLocal, IpAddr second) implements Comparable<NextHopKey> {
    @Override
    public int compareTo(NextHopKey o) {
      int c = global.compareTo(o.global);
      if (c == 0) {
        c = Boolean.compare(withLinkLocal, o.withLinkLocal);
      }
      return c != 0 || second == null ? c : second.compareTo(o.second);
    }
  }

  /** The peer's address (bgp_path_info_mpath_cmp's second key), null for a local path. */
  IpAddr peerAddress() {
    return session == null ? null : session.remoteAddress();
  }

  Candidate invalid(String why) {
    return new Candidate(route, kind, from, neighbor, session, false, why, List.of(), igpMetric, where);
  }
}
