package dev.podpath.controlplane.frr;

import dev.podpath.controlplane.spi.HostView;
import dev.podpath.core.net.IfAddress;
import dev.podpath.core.net.IpAddr;
import dev.podpath.core.net.IpPrefix;
import dev.podpath.model.routing.KernelRoute;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What zebra knows in one VRF: the kernel routes of the host (connected, host.yaml, other
 * daemons) plus the static routes FRR itself installs. Used for next-hop tracking (NHT), the
 * import check of `network` and `redistribute`.
 */
final class ZebraView {

  private final HostView host;
  private final String vrf;
  private final String table;
  private final boolean resolveViaDefaultV4;
  private final boolean resolveViaDefaultV6;
  private final List<KernelRoute> routes;

  ZebraView(HostView host, String vrf, boolean resolveViaDefaultV4, boolean resolveViaDefaultV6, List<KernelRoute> ownStatics) {
    this.host = host;
    this.vrf = vrf;
    this.table = tableOf(vrf);
    this.resolveViaDefaultV4 = resolveViaDefaultV4;
    this.resolveViaDefaultV6 = resolveViaDefaultV6;
    List<KernelRoute> l = new ArrayList<>();
    for (KernelRoute r : host.kernelRoutes()) {
      if (r.table().equals(table)) {
        l.add(r);
      }
    }
    for (KernelRoute r : ownStatics) {
      if (r.table().equals(table)) {
        l.add(r);
      }
    }
    this.routes = List.copyOf(l);
  }

  /** kernel Documentation/networking/vrf.rst: a VRF's routes live in its own table; podpath names it after the VRF. */
  static String tableOf(String vrf) {
    return vrf == null ? "main" : vrf;
  }

  String table() {
    return table;
  }

  String vrf() {
    return vrf;
  }

  List<KernelRoute> routes() {
    return routes;
  }

  /** Whether zebra has a route for exactly this prefix (`bgp network import-check`). */
  boolean hasExact(IpPrefix p) {
    for (KernelRoute r : routes) {
      if (r.prefix().equals(p) && r.type() != KernelRoute.Type.LOCAL) {
        return true;
      }
    }
    return connectedPrefixes().contains(p);
  }

  /** Connected prefixes of the VRF's interfaces (zebra connected routes). */
  List<IpPrefix> connectedPrefixes() {
    List<IpPrefix> l = new ArrayList<>();
    for (HostView.Interface i : host.interfaces()) {
      if (Objects.equals(i.vrf(), vrf) && i.up()) {
        for (IfAddress a : i.addresses()) {
          l.add(a.prefix());
        }
      }
    }
    return l;
  }

  /** The VRF's interface that has {@code a} as an address, or null. */
  String interfaceOwning(IpAddr a) {
    if (a == null) {
      return null;
    }
    for (HostView.Interface i : host.interfaces()) {
      if (Objects.equals(i.vrf(), vrf) && i.addresses().stream().anyMatch(x -> x.address().equals(a))) {
        return i.name();
      }
    }
    return null;
  }

  /** The VRF's up interfaces with an IPv6 address (each has a link-local fe80::/64), sorted by name. */
  List<String> ipv6Interfaces() {
    List<String> l = new ArrayList<>();
    for (HostView.Interface i : host.interfaces()) {
      if (Objects.equals(i.vrf(), vrf) && i.up() && i.addresses().stream().anyMatch(IfAddress::v6)) {
        l.add(i.name());
      }
    }
    l.sort(null);
    return l;
  }

  Optional<HostView.Interface> connected(IpAddr a) {
    return host.connectedInterface(a, vrf);
  }

  /** A resolved next hop: the kernel next hops and the IGP metric, or why it does not resolve. */
  record Resolution(List<KernelRoute.NextHop> hops, long metric, String why) {
    boolean ok() {
      return why == null;
    }
  }

  /**
   * zebra NHT (zebra_rnh.c / zebra_nhg.c nexthop_active, simplified): longest match in the VRF's
   * table; the default route counts only with `ip(v6) nht resolve-via-default`; a device route
   * makes the next hop directly reachable, a gateway route resolves it recursively to that
   * gateway; blackhole/unreachable routes do not resolve.
   */
  Resolution resolve(IpAddr nh) {
    Optional<HostView.Interface> c = connected(nh);
    if (c.isPresent()) {
      return new Resolution(List.of(new KernelRoute.NextHop(nh, c.get().name())), 0, null);
    }
    KernelRoute best = null;
    for (KernelRoute r : routes) {
      if (!r.prefix().contains(nh) || r.type() == KernelRoute.Type.LOCAL) {
        continue;
      }
      if (r.prefix().length() == 0 && !(nh.v6() ? resolveViaDefaultV6 : resolveViaDefaultV4)) {
        continue;
      }
      if (best == null || r.prefix().length() > best.prefix().length()
          || (r.prefix().length() == best.prefix().length() && r.metric() < best.metric())) {
        best = r;
      }
    }
    if (best == null) {
      boolean viaDefault = routes.stream().anyMatch(r -> r.prefix().length() == 0 && r.prefix().v6() == nh.v6());
      return new Resolution(List.of(), 0, "next hop " + nh + " is unreachable in " + (vrf == null ? "the default VRF" : "VRF " + vrf)
          + (viaDefault ? " (only the default route covers it; zebra ignores it without `" + (nh.v6() ? "ipv6" : "ip") + " nht resolve-via-default`)" : ""));
    }
    if (best.type() != KernelRoute.Type.UNICAST) {
      return new Resolution(List.of(), 0, "next hop " + nh + " resolves to a " + best.type().name().toLowerCase(java.util.Locale.ROOT) + " route " + best.prefix());
    }
    if (best.nextHops().isEmpty()) {
      return new Resolution(List.of(new KernelRoute.NextHop(nh, best.device())), best.metric(), null);
    }
    return new Resolution(best.nextHops(), best.metric(), null);
  }

  boolean isLocal(IpAddr a) {
    return host.isLocalAddress(a);
  }
}
