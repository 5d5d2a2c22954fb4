package dev.podpath.lab;

import dev.podpath.core.net.IpAddr;
import dev.podpath.core.net.IpPrefix;
import java.util.List;

/**
 * One route of a host's kernel FIB as {@code ip -j route show table all} prints it. {@code table}
 * is "main" unless another, {@code type} "unicast" unless another, {@code protocol} the routing
 * protocol that installed it (kernel, static, bird, bgp, boot...), {@code metric} null when the
 * kernel prints none (IPv4 metric 0).
 */
public record ObservedKernelRoute(
    String host, String table, String type, IpPrefix prefix, String protocol, Long metric, List<NextHop> nextHops) {

  public ObservedKernelRoute {
    nextHops = List.copyOf(nextHops);
  }

  /** A gateway (null when on-link) and an output device (null for blackhole-like routes). */
  public record NextHop(IpAddr gateway, String dev) {}
}
