package dev.podpath.controlplane.frr;

import dev.podpath.controlplane.spi.AddressFamily;
import dev.podpath.controlplane.spi.HostView;
import dev.podpath.controlplane.spi.SessionContext;
import dev.podpath.core.net.IfAddress;
import dev.podpath.core.net.IpAddr;
import dev.podpath.core.net.IpPrefix;
import dev.podpath.ingest.frr.FrrBgpRouter;
import dev.podpath.ingest.frr.FrrNeighborAf;
import dev.podpath.model.routing.BgpAttributes;
import dev.podpath.model.routing.BgpRoute;
import dev.podpath.model.routing.Community;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What bgpd sends one peer for its best path (F84 bgpd/bgp_route.c subgroup_announce_check):
 * split horizon, well-known communities, iBGP reflection, outbound filters, RFC 8212, the
 * outbound route-map, then next hop, AS_PATH, LOCAL_PREF and MED rewriting.
 */
final class FrrAnnounce {

  private static final Community NO_EXPORT = new Community(0xFFFFFF01L);
  private static final Community NO_ADVERTISE = new Community(0xFFFFFF02L);

  private final FrrPolicy policy;
  private final HostView host;

  FrrAnnounce(FrrPolicy policy, HostView host) {
    this.policy = policy;
    this.host = host;
  }

  /** The route sent, or empty with the reason in {@code why[0]}. */
  Optional<BgpRoute> announce(Candidate best, ResolvedNeighbor to, SessionContext s, AddressFamily fam, String[] why) {
    FrrBgpRouter r = to.router();
    ResolvedNeighbor.AfPolicy pol = to.afs().get(fam);
    BgpAttributes a = best.route().attributes();
    // No sender suppression: subgroup_announce_check skips the sender only for `neighbor X solo`
    // (PEER_FLAG_LONESOUL); the receiver drops its own route by AS-path or ORIGINATOR_ID loop.
    // lab 2026-11-26 (FRR 8.4.4 -> gobgpd): the eBGP peer's route was sent back to it.
    if (a.communities().contains(NO_ADVERTISE) || (to.ebgp() && a.communities().contains(NO_EXPORT))) {
      why[0] = "community no-advertise/no-export";
      return Optional.empty();
    }
    // iBGP split horizon: iBGP-learned paths go to iBGP peers only through route reflection
    boolean reflect = false;
    if (best.kind() == Candidate.Kind.RECEIVED && !best.ebgp() && !to.ebgp()) {
      boolean fromClient = best.neighbor().afs().get(fam).routeReflectorClient();
      if (!fromClient && !pol.routeReflectorClient()) {
        why[0] = "iBGP-learned path not sent to an iBGP peer (no route-reflector-client)";
        return Optional.empty();
      }
      reflect = true;
    }
    FrrRoute route = best.route();
    if (pol.prefixListOut() != null) {
      PolicyResult p = policy.prefixList(pol.prefixListOut(), route, "outbound", pol.prefixListOutWhere());
      if (!p.permit()) {
        why[0] = p.reason();
        return Optional.empty();
      }
    }
    if (pol.filterListOut() != null) {
      PolicyResult p = policy.filterList(pol.filterListOut(), route, "outbound", pol.filterListOutWhere());
      if (!p.permit()) {
        why[0] = p.reason();
        return Optional.empty();
      }
    }
    // RFC 8212 outbound (bgp_outbound_policy_exists)
    if (to.ebgp() && r.ebgpRequiresPolicy() && !pol.hasOutboundPolicy()) {
      why[0] = "outbound policy missing (RFC 8212)";
      return Optional.empty();
    }
    // attributes as the peer type wants them, before the route-map
    if (to.ebgp()) {
      // MED learned from another AS is not passed on; LOCAL_PREF, ORIGINATOR_ID, CLUSTER_LIST are iBGP only
      Long med = best.local() || pol.medUnchanged() ? a.med() : null;
      a = a.withLocalPref(null).withMed(med).withReflection(null, List.of());
    } else {
      a = a.withLocalPref(FrrBestPath.localPref(a, r));
      if (reflect) {
        IpAddr originator = a.originatorId() != null ? a.originatorId() : best.session().remoteRouterId();
        List<IpAddr> cl = new ArrayList<>();
        IpAddr cluster = r.clusterId() != null ? r.clusterId() : r.routerId();
        if (cluster != null) {
          cl.add(cluster); // without `bgp router-id` zebra's choice is not modelled: the list stays as received
        }
        cl.addAll(a.clusterList());
        a = a.withReflection(originator, cl);
      }
    }
    route = route.withAttributes(a);
    boolean nhByMap = false;
    if (pol.routeMapOut() != null) {
      PolicyResult p = policy.routeMap(pol.routeMapOut(), route, new PolicyContext(false, s.remoteAddress(), s.localAddress(), s.localLinkLocal()), "outbound", pol.routeMapOutWhere());
      if (!p.permit()) {
        why[0] = p.reason();
        return Optional.empty();
      }
      nhByMap = policy.setsNextHop(route, p.route());
      route = p.route();
    }
    a = route.attributes();
    // next hop
    IpAddr nh = a.nextHop();
    boolean self;
    if (nh == null || nh.isUnspecified() || best.local()) {
      self = true; // locally originated: next hop is us
    } else if (nhByMap || pol.nextHopUnchanged()) {
      self = false;
    } else if (to.ebgp()) {
      // third-party next hop kept when it is on the peer's subnet (bgp_subgrp_multiaccess_check_v4/_v6)
      self = !sameConnectedSubnet(nh, s.remoteAddress(), r.vrf());
    } else {
      self = pol.nextHopSelf() == FrrNeighborAf.NextHopSelf.FORCE
          || (pol.nextHopSelf() == FrrNeighborAf.NextHopSelf.SELF && !reflect)
          || (nh.v6() && nh.isLinkLocal());
    }
    boolean shared = s.sharedInterface() != null || s.directlyConnected();
    IpAddr ll = null;
    if (fam.v6()) {
      // link-local second next hop only to a peer on a shared network, for our own routes or eBGP,
      // never for reflected routes (subgroup_announce_check "IPv6/MP starts with 1 nexthop")
      // lab 2026-11-26 (FRR 8.4.4): a third-party global next hop kept for an eBGP peer on the
      // shared subnet still goes out with OUR link-local: mp_nexthop fd00:101::21(fe80::<r1>)
      if (pol.nexthopLocalUnchanged() && !self) {
        ll = a.nextHopLinkLocal();
      } else if (shared && (best.local() || to.ebgp()) && !reflect) {
        ll = s.localLinkLocal();
      }
    }
    if (self) {
      nh = selfNextHop(s, fam);
      if (nh == null) {
        why[0] = "no " + (fam.v6() ? "IPv6" : "IPv4") + " address to use as next hop self on this session";
        return Optional.empty();
      }
    }
    a = a.withNextHop(nh, ll);
    // eBGP: prepend our AS unless `attribute-unchanged as-path`
    if (to.ebgp() && !pol.asPathUnchanged()) {
      a = a.withAsPath(a.asPath().prepend(r.asn(), 1));
    }
    return Optional.of(new BgpRoute(best.route().prefix(), a));
  }

  private boolean sameConnectedSubnet(IpAddr nh, IpAddr peer, String vrf) {
    Optional<HostView.Interface> i = host.connectedInterface(peer, vrf);
    if (i.isEmpty()) {
      return false;
    }
    for (IfAddress ad : i.get().addresses()) {
      IpPrefix p = ad.prefix();
      if (p.contains(peer) && p.contains(nh)) {
        return true;
      }
    }
    return false;
  }

  /**
   * "Self": the session's local address when it has the family, else an address of that family on
   * the interface holding the local address (bgp_zebra.c bgp_zebra_nexthop_set).
   */
  private IpAddr selfNextHop(SessionContext s, AddressFamily fam) {
    IpAddr local = s.localAddress();
    if (local != null && local.v6() == fam.v6() && !local.isLinkLocal()) {
      return local;
    }
    for (HostView.Interface i : host.interfaces()) {
      boolean holds = i.addresses().stream().anyMatch(x -> x.address().equals(local)) || i.name().equals(s.sharedInterface());
      if (!holds) {
        continue;
      }
      for (IfAddress ad : i.addresses()) {
        if (ad.v6() == fam.v6() && !ad.address().isLinkLocal()) {
          return ad.address();
        }
      }
    }
    // RFC 5549 style: an IPv4 route over an IPv6 session carries the IPv6 next hop
    return local != null && fam == AddressFamily.IPV4_UNICAST ? local : null;
  }
}
