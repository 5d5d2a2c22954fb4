package dev.podpath.controlplane.bird;

import dev.podpath.core.net.IpAddr;
import dev.podpath.model.routing.AsPath;
import dev.podpath.model.routing.BgpAttributes;
import dev.podpath.model.routing.Community;
import dev.podpath.model.routing.LargeCommunity;
import dev.podpath.model.routing.Origin;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The route a filter works on: readable and writable attributes (BIRD manual "Route attributes").
 * Built from a {@link BirdRoute}, turned back into one after the filter accepted it.
 */
final class RouteState {

  final BirdRoute base;
  int preference;
  BirdRoute.Dest dest;
  List<BirdRoute.Hop> hops;
  Long krtMetric;
  Long igpMetric;
  // BGP attributes; `bgp` false for non-BGP routes until a filter sets one
  boolean bgp;
  Origin origin;
  AsPath path;
  IpAddr nextHop;
  IpAddr nextHopLinkLocal;
  Long med;
  Long localPref;
  TreeSet<Community> communities;
  Set<LargeCommunity> large;
  /** Which BGP attributes the filter assigned (BIRD: "fresh" attributes, e.g. MED kept on eBGP export). */
  final Set<String> assigned = new LinkedHashSet<>();

  RouteState(BirdRoute r) {
    base = r;
    preference = r.preference();
    dest = r.dest();
    hops = new ArrayList<>(r.hops());
    krtMetric = r.krtMetric();
    igpMetric = r.igpMetric();
    BgpAttributes a = r.bgp();
    bgp = a != null;
    origin = a == null ? null : a.origin();
    path = a == null ? null : a.asPath();
    nextHop = a == null ? null : a.nextHop();
    nextHopLinkLocal = a == null ? null : a.nextHopLinkLocal();
    med = a == null ? null : a.med();
    localPref = a == null ? null : a.localPref();
    communities = a == null ? new TreeSet<>() : new TreeSet<>(a.communities());
    large = a == null ? new LinkedHashSet<>() : new LinkedHashSet<>(a.largeCommunities());
  }

  BgpAttributes attributes() {
    if (!bgp && assigned.isEmpty()) {
      return base.bgp();
    }
    BgpAttributes b = base.bgp();
    return new BgpAttributes(origin, path == null ? AsPath.EMPTY : path, nextHop, nextHopLinkLocal, med, localPref, communities,
        large, b == null ? null : b.originatorId(), b == null ? List.of() : b.clusterList());
  }

  BirdRoute toRoute() {
    BirdRoute r = base;
    return new BirdRoute(r.table(), r.prefix(), r.protocol(), r.source(), preference, dest, hops, bgp || !assigned.isEmpty() ? attributes() : null,
        r.session(), r.recursive(), igpMetric, krtMetric, r.usable(), r.status(), r.where());
  }
}
