package dev.podpath.controlplane.frr;

import dev.podpath.core.net.IpAddr;
import dev.podpath.core.net.IpPrefix;
import dev.podpath.model.routing.BgpAttributes;

/**
 * A route as bgpd holds it while policies run: the wire attributes plus bgpd-only state (weight,
 * `set ipv6 next-hop prefer-global`) and what route-map matches need to know.
 *
 * @param weight local weight (bgpd/bgp_attr.h: 0 received, 32768 local)
 * @param preferGlobal install the global IPv6 next hop instead of the link-local one
 * @param sourceProtocol "bgp", "connected", "static", "kernel" (route-map `match source-protocol`)
 * @param nextHopUnchanged an outbound `set ip next-hop unchanged` asked bgpd not to reset the next hop
 */
record FrrRoute(IpPrefix prefix, BgpAttributes attributes, long weight, boolean preferGlobal, String sourceProtocol, boolean nextHopUnchanged) {

  FrrRoute(IpPrefix prefix, BgpAttributes attributes, long weight, boolean preferGlobal, String sourceProtocol) {
    this(prefix, attributes, weight, preferGlobal, sourceProtocol, false);
  }

  FrrRoute withAttributes(BgpAttributes a) {
    return new FrrRoute(prefix, a, weight, preferGlobal, sourceProtocol, nextHopUnchanged);
  }

  FrrRoute withWeight(long w) {
    return new FrrRoute(prefix, attributes, w, preferGlobal, sourceProtocol, nextHopUnchanged);
  }

  FrrRoute withPreferGlobal(boolean p) {
    return new FrrRoute(prefix, attributes, weight, p, sourceProtocol, nextHopUnchanged);
  }

  FrrRoute withNextHopUnchanged() {
    return new FrrRoute(prefix, attributes, weight, preferGlobal, sourceProtocol, true);
  }

  IpAddr nextHop() {
    return attributes.nextHop();
  }
}
