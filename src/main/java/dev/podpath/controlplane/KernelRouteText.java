package dev.podpath.controlplane;

import dev.podpath.model.routing.KernelRoute;

/** A kernel route printed the way `ip route` prints it, for messages and `podpath routes`. */
public final class KernelRouteText {

  private KernelRouteText() {}

  public static String of(KernelRoute r) {
    StringBuilder sb = new StringBuilder();
    switch (r.type()) {
      case LOCAL -> sb.append("local ");
      case BLACKHOLE -> sb.append("blackhole ");
      case UNREACHABLE -> sb.append("unreachable ");
      case PROHIBIT -> sb.append("prohibit ");
      default -> { }
    }
    sb.append(r.prefix());
    if (r.nextHops().size() == 1) {
      KernelRoute.NextHop nh = r.nextHops().get(0);
      if (nh.gateway() != null) {
        sb.append(" via ").append(nh.gateway());
      }
      if (nh.device() != null) {
        sb.append(" dev ").append(nh.device());
      }
    } else if (r.nextHops().isEmpty()) {
      if (r.device() != null) {
        sb.append(" dev ").append(r.device());
      }
    }
    if (!r.table().equals("main")) {
      sb.append(" table ").append(r.table());
    }
    sb.append(" proto ").append(r.protocol()).append(" metric ").append(r.metric());
    if (r.nextHops().size() > 1) {
      for (KernelRoute.NextHop nh : r.nextHops()) {
        sb.append(" nexthop via ").append(nh.gateway()).append(" dev ").append(nh.device());
      }
    }
    return sb.toString();
  }
}
