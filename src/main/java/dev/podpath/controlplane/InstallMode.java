package dev.podpath.controlplane;

/**
 * How an installer writes a route into a kernel table, which decides what happens when a route
 * with the same prefix and metric already exists (lab: kernel 6.18, `ip route add` twice gives
 * "RTNETLINK answers: File exists" for IPv4 and IPv6 whatever the protocol; `ip -6 route append`
 * makes an ECMP route; `ip route replace` replaces).
 */
public enum InstallMode {
  /** NLM_F_CREATE|NLM_F_EXCL (`ip route add`, BIRD's nl_add_rte): refused with EEXIST. */
  ADD,
  /** NLM_F_REPLACE (`ip route replace`, Cilium netlink.RouteReplace): replaces the existing route. */
  REPLACE,
  /** The kernel's own address routes (fib_magic uses NLM_F_APPEND): coexist. */
  APPEND
}
