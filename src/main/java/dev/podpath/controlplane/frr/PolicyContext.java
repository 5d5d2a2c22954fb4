package dev.podpath.controlplane.frr;

import dev.podpath.core.net.IpAddr;

/**
 * Who a policy runs for: the peer's address (for `peer-address` next hops) and the local address of
 * the session; {@code inbound} distinguishes `route-map in` from `out`.
 */
record PolicyContext(boolean inbound, IpAddr peerAddress, IpAddr localAddress, IpAddr localLinkLocal) {

  static final PolicyContext LOCAL = new PolicyContext(true, null, null, null);
}
