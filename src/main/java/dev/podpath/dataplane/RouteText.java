package dev.podpath.dataplane;

import dev.podpath.model.routing.KernelRoute;

/** How a kernel route reads in a step (like `ip route`), and the device it leaves through. */
final class RouteText {

  private RouteText() {}

  static String device(KernelRoute r) {
    if (!r.nextHops().isEmpty() && r.nextHops().get(0).device() != null) {
      return r.nextHops().get(0).device();
    }
    return r.device();
  }

  static String describe(KernelRoute r) {
    StringBuilder sb = new StringBuilder();
    if (r.type() != KernelRoute.Type.UNICAST) {
      sb.append(r.type().name().toLowerCase()).append(' ');
    }
    sb.append(r.prefix());
    for (KernelRoute.NextHop nh : r.nextHops()) {
      if (nh.gateway() != null) {
        sb.append(" via ").append(nh.gateway());
      }
      if (nh.device() != null) {
        sb.append(" dev ").append(nh.device());
      }
    }
    if (r.nextHops().isEmpty() && r.device() != null) {
      sb.append(" dev ").append(r.device());
    }
    if (r.protocol() != null && !r.protocol().isEmpty()) {
      sb.append(" proto ").append(r.protocol());
    }
    if (r.metric() != 0) {
      sb.append(" metric ").append(r.metric());
    }
    if (r.nextHops().size() > 1) {
      sb.append(" (ECMP: first next hop taken)");
    }
    if (r.installedBy() != null && !r.installedBy().isEmpty()) {
      sb.append(" [").append(r.installedBy()).append(']');
    }
    return sb.toString();
  }
}
