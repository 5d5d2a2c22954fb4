package dev.podpath.model.network;

import dev.podpath.ingest.host.RouteSpec;
import dev.podpath.model.routing.KernelRoute;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * host.yaml static routes as the kernel stores them, before gateway resolution (the FIB resolves a
 * `via` without `dev` through its connected routes, or refuses the route as `ip route add` does).
 */
public final class StaticRoutes {

  public static final String INSTALLED_BY = "host.yaml";
  /** iproute2 sets RTPROT_BOOT for `ip route add` without `proto`. */
  public static final String PROTOCOL = "boot";
  /** IPv6 routes added with metric 0 or none get 1024 (IP6_RT_PRIO_USER; lab: `metric 0` shows as 1024). */
  public static final long IPV6_DEFAULT_METRIC = 1024;

  private StaticRoutes() {}

  public static List<KernelRoute> of(Host host) {
    List<KernelRoute> out = new ArrayList<>();
    for (RouteSpec r : host.staticRoutes()) {
      out.add(of(r));
    }
    return out;
  }

  public static KernelRoute of(RouteSpec r) {
    boolean v6 = r.to().v6();
    long metric = r.metric() == null ? 0 : r.metric();
    if (v6 && metric == 0) {
      metric = IPV6_DEFAULT_METRIC;
    }
    KernelRoute.Type type = switch (r.type() == null ? "unicast" : r.type().toLowerCase(Locale.ROOT)) {
      case "blackhole" -> KernelRoute.Type.BLACKHOLE;
      case "unreachable" -> KernelRoute.Type.UNREACHABLE;
      case "prohibit" -> KernelRoute.Type.PROHIBIT;
      default -> KernelRoute.Type.UNICAST;
    };
    List<KernelRoute.NextHop> nhs = r.via() == null || type != KernelRoute.Type.UNICAST
        ? List.of()
        : List.of(new KernelRoute.NextHop(r.via(), r.dev()));
    String table = r.table() == null ? KernelTables.MAIN : r.table();
    return new KernelRoute(table, r.to(), type, nhs, r.dev(), metric, PROTOCOL, INSTALLED_BY, r.where());
  }
}
