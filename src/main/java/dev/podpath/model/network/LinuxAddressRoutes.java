package dev.podpath.model.network;

import dev.podpath.core.SourceRef;
import dev.podpath.core.net.IfAddress;
import dev.podpath.core.net.IpAddr;
import dev.podpath.core.net.IpPrefix;
import dev.podpath.model.routing.KernelRoute;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The routes Linux creates by itself when addresses are configured ("proto kernel"), exactly as
 * `ip route show table all` lists them. Observed in a network namespace on kernel 6.18
 * (lab: pp-eng- netns, 2026-11-26, see docs/fidelity/engine.md):
 * <ul>
 *   <li>IPv4 a/len: {@code local a dev IF table local proto kernel scope host}; when len &lt; 32 also
 *       {@code prefix dev IF proto kernel scope link src a} in main (once per prefix: a second address
 *       of the same prefix adds only its local route); /32 adds no prefix route;
 *   <li>IPv6 a/len: {@code local a dev IF table local proto kernel metric 0} and
 *       {@code prefix dev IF proto kernel metric 256} in main, also for /128 (e.g. on lo);
 *   <li>loopback: {@code local 127.0.0.0/8 dev lo table local} and {@code local ::1 dev lo table local};
 *   <li>in a VRF both the local and the connected route go to the VRF's table.
 * </ul>
 * Not modelled: IPv4 broadcast routes, fe80::/64 and multicast ff00::/8 routes (host.yaml lists no
 * link-local addresses).
 */
public final class LinuxAddressRoutes {

  public static final String INSTALLED_BY = "kernel";
  /** iproute2 `ip -6 route`: connected routes get metric 256 (IP6_RT_PRIO_ADDRCONF). */
  public static final long IPV6_CONNECTED_METRIC = 256;

  private LinuxAddressRoutes() {}

  public static List<KernelRoute> of(Host host) {
    List<KernelRoute> out = new ArrayList<>();
    out.add(new KernelRoute(KernelTables.LOCAL, IpPrefix.parse("127.0.0.0/8"), KernelRoute.Type.LOCAL, List.of(), "lo", 0, "kernel", INSTALLED_BY, host.where()));
    out.add(new KernelRoute(KernelTables.LOCAL, IpPrefix.host(IpAddr.parse("::1")), KernelRoute.Type.LOCAL, List.of(), "lo", 0, "kernel", INSTALLED_BY, host.where()));
    Set<String> seen = new HashSet<>();
    for (Interface i : host.interfaces()) {
      String main = KernelTables.forVrf(i.vrf());
      String local = KernelTables.localForVrf(i.vrf());
      for (IfAddress a : i.addresses()) {
        SourceRef where = i.where();
        IpPrefix hostPrefix = IpPrefix.host(a.address());
        if (seen.add(local + "|L|" + hostPrefix)) {
          if (!(a.address().isLoopback() && i.vrf() == null)) {
            out.add(new KernelRoute(local, hostPrefix, KernelRoute.Type.LOCAL, List.of(), i.name(), 0, "kernel", INSTALLED_BY, where));
          }
        }
        boolean prefixRoute = a.v6() || a.length() < 32;
        if (prefixRoute && !a.address().isLoopback() && seen.add(main + "|C|" + a.prefix() + "|" + i.name())) {
          long metric = a.v6() ? IPV6_CONNECTED_METRIC : 0;
          out.add(new KernelRoute(main, a.prefix(), KernelRoute.Type.UNICAST, List.of(), i.name(), metric, "kernel", INSTALLED_BY, where));
        }
      }
    }
    return out;
  }
}
