package dev.podpath.dataplane;

import dev.podpath.model.routing.KernelRoute;
import dev.podpath.dataplane.HopResult.Ended;
import java.util.List;
import java.util.Optional;

/** Kernel input checks that can drop a packet before or after the route lookup: rp_filter, forwarding. */
final class KernelChecks {

  private final WalkState st;
  private final ForwardingTables t;

  KernelChecks(WalkState st) {
    this.st = st;
    this.t = st.t;
  }

  /** rp_filter (IPv4 only; the kernel uses the max of conf/all and conf/IFACE). Applied only when given. */
  HopResult rpFilter(String host, String iface, Packet p) {
    if (p.v6()) {
      return null;
    }
    Optional<ForwardingTables.Sysctl> all = t.sysctl(host, "net.ipv4.conf.all.rp_filter");
    Optional<ForwardingTables.Sysctl> dev = t.sysctl(host, "net.ipv4.conf." + iface + ".rp_filter");
    ForwardingTables.Sysctl eff = all.orElse(null);
    if (dev.isPresent() && (eff == null || dev.get().value() > eff.value())) {
      eff = dev.get();
    }
    if (eff == null || eff.value() == 0) {
      return null;
    }
    Optional<KernelRoute> back = t.lookup(host, t.tableOf(host, iface), p.src());
    boolean usable = back.isPresent() && back.get().type() == KernelRoute.Type.UNICAST;
    boolean ok = eff.value() == 1 ? usable && iface.equals(RouteText.device(back.get())) : usable;
    if (ok) {
      return null;
    }
    String mode = eff.value() == 1 ? "strict" : "loose";
    st.add(host, Step.Kind.DROP, "kernel rp_filter (" + mode + ")", eff.key() + "=" + eff.value() + ": route back to "
        + p.src() + (back.isPresent() ? " is " + RouteText.describe(back.get()) : " missing") + ", packet came in on " + iface,
        p, p, eff.where());
    return new Ended(host, Disposition.DENIED_IN);
  }

  /**
   * The forwarding sysctl. Cilium nodes forward (cilium pkg/datapath/iptables enableIPForwarding sets
   * net.ipv4.ip_forward, net.ipv4.conf.all.forwarding, net.ipv6.conf.all.forwarding); other hosts
   * forward unless their config says 0 (a missing sysctl is not invented as 0).
   */
  HopResult forwardingOff(String host, Packet p) {
    if (t.runsCilium(host)) {
      return null;
    }
    List<String> keys = p.v6() ? List.of("net.ipv6.conf.all.forwarding")
        : List.of("net.ipv4.ip_forward", "net.ipv4.conf.all.forwarding");
    for (String k : keys) {
      Optional<ForwardingTables.Sysctl> v = t.sysctl(host, k);
      if (v.isPresent() && v.get().value() == 0) {
        st.add(host, Step.Kind.DROP, "kernel forwarding", k + "=0: the host does not forward", p, p, v.get().where());
        return new Ended(host, Disposition.DENIED_IN);
      }
    }
    return null;
  }
}
