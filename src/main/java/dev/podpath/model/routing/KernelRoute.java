package dev.podpath.model.routing;

import dev.podpath.core.SourceRef;
import dev.podpath.core.net.IpAddr;
import dev.podpath.core.net.IpPrefix;
import java.util.List;

/**
 * One route in a Linux kernel routing table, as `ip route` would show it. {@code nextHops} is
 * empty for device routes without gateway and for non-unicast types; more than one means ECMP.
 * {@code protocol} is the kernel's rtnetlink protocol name ("kernel", "static", "bird",
 * "bgp", "boot", ...) and {@code installedBy} says who put it there, for the trace;
 * {@code where} is the configuration line that caused it.
 */
public record KernelRoute(
    String table,
    IpPrefix prefix,
    Type type,
    List<NextHop> nextHops,
    String device,
    long metric,
    String protocol,
    String installedBy,
    SourceRef where) {

  public KernelRoute {
    nextHops = List.copyOf(nextHops);
  }

  public enum Type {
    UNICAST,
    LOCAL,
    BLACKHOLE,
    UNREACHABLE,
    PROHIBIT
  }

  /** A gateway (null for an on-link device next hop) and the device the kernel resolves it to. */
  public record NextHop(IpAddr gateway, String device) {}
}
