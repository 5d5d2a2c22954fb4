package dev.podpath.controlplane;

import dev.podpath.core.net.IfAddress;
import dev.podpath.core.net.IpAddr;
import dev.podpath.model.network.Interface;
import dev.podpath.model.network.Network;
import dev.podpath.model.routing.KernelRoute;
import java.util.Objects;
import java.util.Optional;

/**
 * The source address Linux picks for a connection to {@code dst} when the socket is not bound,
 * simplified:
 * <ul>
 *   <li>a local destination (including ::1, 127.0.0.1) is its own source (lab: `ip route get ::1`
 *       shows `src ::1`);
 *   <li>IPv4 (inet_select_addr): the first address on the output device whose subnet contains the
 *       gateway (or the destination if on-link), else the first address on that device, else the
 *       first address of the VRF;
 *   <li>IPv6 (RFC 6724 as ipv6_dev_get_saddr applies it): global addresses of the VRF, preferring
 *       the output device (rule 5) then the longest common prefix with the destination (rule 8),
 *       ties going to the first address listed in host.yaml (the kernel picks the most recently
 *       added one on a tie; host.yaml order stands in for that).
 * </ul>
 */
final class SourceAddress {

  private SourceAddress() {}

  static IpAddr select(Network network, KernelFib fib, String host, String vrf, IpAddr dst) {
    if (fib == null) {
      return null;
    }
    Optional<FibMatch> m = fib.lookup(vrf, dst);
    if (m.isEmpty()) {
      return null;
    }
    FibMatch fm = m.get();
    if (fm.type() == KernelRoute.Type.LOCAL) {
      return dst;
    }
    if (fm.type() != KernelRoute.Type.UNICAST) {
      return null;
    }
    String dev = fm.device();
    IpAddr target = fm.gateway() != null ? fm.gateway() : dst;
    var h = network.host(host).orElse(null);
    if (h == null) {
      return null;
    }
    IpAddr best = null;
    int bestScore = -1;
    for (Interface i : h.interfaces()) {
      if (!Objects.equals(i.vrf(), vrf)) {
        continue;
      }
      for (IfAddress a : i.addresses()) {
        IpAddr ad = a.address();
        if (ad.v6() != dst.v6() || ad.isLoopback() || ad.isLinkLocal()) {
          continue;
        }
        boolean onDev = i.name().equals(dev);
        int score;
        if (!dst.v6()) {
          score = (onDev ? 2 : 0) + (onDev && a.prefix().contains(target) ? 1 : 0);
        } else {
          score = (onDev ? 256 : 0) + commonPrefix(ad, dst);
        }
        if (score > bestScore) {
          best = ad;
          bestScore = score;
        }
      }
    }
    return best;
  }

  static int commonPrefix(IpAddr a, IpAddr b) {
    if (a.v6()) {
      long x = a.hi() ^ b.hi();
      if (x != 0) {
        return Long.numberOfLeadingZeros(x);
      }
      return 64 + Long.numberOfLeadingZeros(a.lo() ^ b.lo());
    }
    long x = (a.lo() ^ b.lo()) & 0xffffffffL;
    return x == 0 ? 32 : Long.numberOfLeadingZeros(x) - 32;
  }
}
