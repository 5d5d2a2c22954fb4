package dev.podpath.dataplane;

import dev.podpath.core.net.IpAddr;
import dev.podpath.core.net.IpPrefix;
import java.util.List;
import java.util.Optional;

/**
 * Cilium's masquerade decision for a new connection from a local pod leaving a node through
 * {@code device}: iptables (CILIUM_POST_nat) or BPF (bpf_host to-netdev) per family, with the
 * native-routing CIDR and node-address exclusions. Replies are never masqueraded (iptables nat
 * sees only the first packet of a connection; cilium bpf/lib/nat.h snat_v6_needs_masquerade
 * punts CT replies of local endpoints to the stack).
 */
final class Masquerade {

  /** What happened: a step for the trace, and the rewritten packet when SNAT applied. */
  record Decision(Step step, Packet after, boolean translated) {}

  private final DatapathSettings settings;
  private final ForwardingTables tables;
  private final Endpoints endpoints;

  Masquerade(DatapathSettings settings, ForwardingTables tables, Endpoints endpoints) {
    this.settings = settings;
    this.tables = tables;
    this.endpoints = endpoints;
  }

  /** Empty when masquerade is not even considered (source is no local pod, device is Cilium's own). */
  Optional<Decision> decide(String host, String device, Packet p) {
    boolean v6 = p.v6();
    List<IpPrefix> alloc = endpoints.podCidrs(host).stream().filter(c -> c.v6() == v6).toList();
    // cilium pkg/datapath/iptables/iptables.go installMasqueradeRules: every rule matches -s <alloc CIDR>.
    if (!tables.runsCilium(host) || alloc.stream().noneMatch(c -> c.contains(p.src()))) {
      return Optional.empty();
    }
    // iptables: ! -o cilium_+ ; BPF: only attached to native devices.
    if (device == null || device.startsWith("cilium_") || device.startsWith("lxc")) {
      return Optional.empty();
    }
    if (settings.iptablesMasquerade(v6)) {
      return Optional.of(iptables(host, device, p, alloc));
    }
    if (settings.bpfMasquerade(v6)) {
      return Optional.of(bpf(host, device, p));
    }
    String why = settings.masquerade(v6)
        ? "masquerade enabled but neither iptables nor BPF applies"
        : settings.masqueradeKey(v6) + "=false: no masquerade";
    return Optional.of(skip(host, "masquerade", why, p, settings.where(settings.masqueradeKey(v6))));
  }

  private Decision iptables(String host, String device, Packet p, List<IpPrefix> alloc) {
    boolean v6 = p.v6();
    String actor = "iptables CILIUM_POST_nat";
    // cilium pkg/option/config.go NodeIpsetNeeded (native routing && iptables masquerading): node IPs
    // are accepted first, "exclude traffic to cluster nodes from masquerade".
    if (isClusterNodeAddress(p.dst())) {
      return skip(host, actor, "-m set --match-set cilium_node_set_v" + (v6 ? "6" : "4")
          + " dst -j ACCEPT (exclude traffic to cluster nodes from masquerade)", p,
          settings.where(settings.masqueradeKey(v6)));
    }
    // cilium iptables.go remoteSNATDstAddrExclusionCIDR: the native-routing CIDR, else the local alloc CIDR.
    Optional<IpPrefix> nativeCidr = settings.nativeRoutingCidr(v6);
    IpPrefix exclusion = nativeCidr.orElse(alloc.get(0));
    String exclusionWhere = nativeCidr.isPresent() ? settings.nativeCidrKey(v6) : settings.masqueradeKey(v6);
    Optional<IpAddr> to = tables.sourceAddress(host, device, v6);
    if (settings.masqueradeToRouteSource()) {
      // cilium pkg/datapath/iptables/iptables.go installMasqueradeRules: route-source mode replaces the
      // catch-all with one "-j SNAT --to-source <route src>" rule per route, skipping routes without src
      // and the route to the exclusion CIDR; only the default route's rule keeps "! -d <exclusion>".
      // KernelRoute carries no preferred source, so no such rule exists in the model.
      return skip(host, actor, "enable-masquerade-to-route-source: the route out of " + device
          + " has no preferred source, so no 'cilium snat non-cluster via source route' rule matches", p,
          settings.where(DatapathSettings.MASQUERADE_TO_ROUTE_SOURCE));
    }
    if (exclusion.contains(p.dst())) {
      return skip(host, actor, "-s " + alloc.get(0) + " ! -d " + exclusion
          + " ! -o cilium_+ -j MASQUERADE does not match: destination inside " + exclusion, p,
          settings.where(exclusionWhere));
    }
    return snat(host, actor, "-s " + alloc.get(0) + " ! -d " + exclusion + " ! -o cilium_+ -j MASQUERADE (cilium masquerade non-cluster)",
        p, to, settings.where(settings.masqueradeKey(v6)));
  }

  private Decision bpf(String host, String device, Packet p) {
    boolean v6 = p.v6();
    String actor = "bpf_host to-netdev " + device + " (snat_v" + (v6 ? "6" : "4") + "_needs_masquerade)";
    // cilium bpf/lib/nat.h snat_v6_needs_masquerade: IPV6_SNAT_EXCLUSION_DST_CIDR (= native-routing CIDR,
    // pkg/datapath/linux/config/config.go WriteNodeConfig) => NAT_PUNT_TO_STACK.
    Optional<IpPrefix> nativeCidr = settings.nativeRoutingCidr(v6);
    if (nativeCidr.isPresent() && nativeCidr.get().contains(p.dst())) {
      return skip(host, actor, "destination in SNAT exclusion CIDR " + nativeCidr.get() + " (native-routing CIDR): not masqueraded",
          p, settings.where(settings.nativeCidrKey(v6)));
    }
    // nat.h: remote node identity in native routing => no SNAT.
    if (isClusterNodeAddress(p.dst())) {
      return skip(host, actor, "destination is a remote node (ipcache REMOTE_NODE, native routing): not masqueraded",
          p, settings.where(DatapathSettings.BPF_MASQUERADE));
    }
    // nat.h: source is a local endpoint => NAT_NEEDED to the masquerade address.
    return snat(host, actor, "local endpoint source => SNAT to the node's masquerade address", p,
        tables.sourceAddress(host, device, v6), settings.where(DatapathSettings.BPF_MASQUERADE));
  }

  private boolean isClusterNodeAddress(IpAddr a) {
    return tables.ownerOf(a).map(tables::runsCilium).orElse(false);
  }

  private static Decision skip(String host, String actor, String rule, Packet p, dev.podpath.core.SourceRef where) {
    return new Decision(new Step(Direction.REQUEST, host, Step.Kind.SKIP, actor, rule, p, p, where), p, false);
  }

  private static Decision snat(String host, String actor, String rule, Packet p, Optional<IpAddr> to,
      dev.podpath.core.SourceRef where) {
    if (to.isEmpty()) {
      return new Decision(new Step(Direction.REQUEST, host, Step.Kind.SKIP, actor,
          rule + " — but the device has no address of this family; not modelled", p, p, where), p, false);
    }
    Packet after = p.withSrc(to.get(), p.srcPort());
    return new Decision(new Step(Direction.REQUEST, host, Step.Kind.SNAT, actor, rule, p, after, where), after, true);
  }
}
