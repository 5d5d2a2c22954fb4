package dev.podpath.controlplane;

import dev.podpath.core.net.IpAddr;
import dev.podpath.model.routing.KernelRoute;

/** The result of a FIB lookup: the table that matched and the selected route. */
public record FibMatch(String table, KernelRoute route, String installer) {

  public KernelRoute.Type type() {
    return route.type();
  }

  /** The first next hop's gateway, or null when the destination is on-link (or no unicast). */
  public IpAddr gateway() {
    return route.nextHops().isEmpty() ? null : route.nextHops().get(0).gateway();
  }

  /** The output device of the first next hop (or of the device route). */
  public String device() {
    return route.nextHops().isEmpty() ? route.device() : route.nextHops().get(0).device();
  }
}
