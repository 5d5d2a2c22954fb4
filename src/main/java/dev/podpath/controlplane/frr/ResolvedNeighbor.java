package dev.podpath.controlplane.frr;

import dev.podpath.controlplane.spi.AddressFamily;
import dev.podpath.controlplane.spi.BgpNeighborConfig;
import dev.podpath.core.SourceRef;
import dev.podpath.ingest.frr.FrrBgpRouter;
import dev.podpath.ingest.frr.FrrNeighborAf;
import java.util.Map;

/**
 * A neighbor with its peer-group settings folded in: the session view the engine gets and the
 * per-family policy bgpd applies.
 *
 * @param dynamic accepted through `bgp listen range` (never connects out)
 */
record ResolvedNeighbor(BgpNeighborConfig session, FrrBgpRouter router, boolean ebgp, boolean dynamic, Map<AddressFamily, AfPolicy> afs) {

  /**
   * One family's policy. Each String is a name or null; each SourceRef names the line that set it.
   */
  record AfPolicy(
      String routeMapIn,
      SourceRef routeMapInWhere,
      String routeMapOut,
      SourceRef routeMapOutWhere,
      String prefixListIn,
      SourceRef prefixListInWhere,
      String prefixListOut,
      SourceRef prefixListOutWhere,
      String filterListIn,
      SourceRef filterListInWhere,
      String filterListOut,
      SourceRef filterListOutWhere,
      FrrNeighborAf.NextHopSelf nextHopSelf,
      boolean routeReflectorClient,
      Integer allowasIn,
      boolean allowasInOrigin,
      boolean nextHopUnchanged,
      boolean asPathUnchanged,
      boolean medUnchanged,
      long weight,
      boolean nexthopLocalUnchanged) {

    // bgpd/bgp_route.c bgp_inbound_policy_exists: route-map, prefix-list, filter-list or distribute-list in
    boolean hasInboundPolicy() {
      return routeMapIn != null || prefixListIn != null || filterListIn != null;
    }

    // bgpd/bgp_route.c bgp_outbound_policy_exists
    boolean hasOutboundPolicy() {
      return routeMapOut != null || prefixListOut != null || filterListOut != null;
    }
  }

  String id() {
    return session.id();
  }
}
