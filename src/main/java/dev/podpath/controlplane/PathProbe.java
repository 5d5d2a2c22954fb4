package dev.podpath.controlplane;

import dev.podpath.core.net.IpAddr;
import dev.podpath.model.network.AddressOwner;
import dev.podpath.model.network.Host;
import dev.podpath.model.network.Network;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Follows a packet hop by hop through the hosts' kernel FIBs, for the TCP connection of a BGP
 * session (the engine's own small walk; the data plane stage does full packet traces). A next hop
 * is the host owning the gateway (or the destination when on-link) on the L2 segment of the output
 * device. A host that forwards must not have forwarding disabled by a sysctl in host.yaml.
 */
final class PathProbe {

  /** Linux's default TTL is 64: no path is longer (net.ipv4.ip_default_ttl). */
  static final int MAX_HOPS = 64;

  private final Network network;
  private final Map<String, KernelFib> fibs;

  PathProbe(Network network, Map<String, KernelFib> fibs) {
    this.network = network;
    this.fibs = fibs;
  }

  /**
   * @param reached whether the packet is delivered locally on some host
   * @param deliveredTo that host
   * @param routerHops how many hosts forwarded it on the way (0 = directly connected)
   * @param failure why it was not delivered, for messages
   */
  record Result(boolean reached, String deliveredTo, int routerHops, String failure, List<String> hosts) {}

  Result walk(String fromHost, String fromVrf, IpAddr dst) {
    String h = fromHost;
    String vrf = fromVrf;
    int routers = 0;
    List<String> trail = new ArrayList<>();
    for (int step = 0; step < MAX_HOPS; step++) {
      trail.add(h);
      KernelFib fib = fibs.get(h);
      if (fib == null) {
        return fail("host " + h + " has no host.yaml: its routes are unknown", routers, trail);
      }
      Optional<FibMatch> m = fib.lookup(vrf, dst);
      if (m.isEmpty()) {
        return fail(h + " has no route to " + dst + " (Network is unreachable)", routers, trail);
      }
      FibMatch fm = m.get();
      switch (fm.type()) {
        case LOCAL:
          return new Result(true, h, routers, "", List.copyOf(trail));
        case BLACKHOLE:
        case UNREACHABLE:
        case PROHIBIT:
          return fail(h + " drops packets to " + dst + " by '" + KernelRouteText.of(fm.route()) + "'", routers, trail);
        default:
          break;
      }
      if (step > 0) {
        Host host = network.host(h).orElse(null);
        if (host != null && host.forwarding(dst.v6()).equals(Optional.of(false))) {
          return fail(h + " would have to forward to " + dst + " but forwarding is disabled by a sysctl in host.yaml", routers, trail);
        }
        routers++;
      }
      IpAddr nh = fm.gateway() != null ? fm.gateway() : dst;
      String dev = fm.device();
      Optional<String> seg = dev == null ? Optional.empty() : network.segmentOf(h, dev);
      if (seg.isEmpty()) {
        return fail(h + " sends " + dst + " out of " + dev + " ('" + KernelRouteText.of(fm.route())
            + "'), which is on no known L2 segment", routers, trail);
      }
      AddressOwner next = null;
      for (AddressOwner o : network.owners(nh)) {
        if (!o.host().equals(h) && network.segmentOf(o.host(), o.iface()).equals(seg)) {
          next = o;
          break;
        }
      }
      if (next == null) {
        return fail(h + ": no host on segment " + seg.get() + " owns next hop " + nh + " (NEIGHBOR_UNREACHABLE)", routers, trail);
      }
      h = next.host();
      vrf = next.vrf();
    }
    return fail("forwarding loop towards " + dst + " through " + trail, routers, trail);
  }

  private static Result fail(String why, int routers, List<String> trail) {
    return new Result(false, null, routers, why, List.copyOf(trail));
  }
}
