package dev.podpath.dataplane;

import dev.podpath.core.SourceRef;
import dev.podpath.core.net.IpAddr;
import dev.podpath.core.net.IpPrefix;
import java.util.List;
import java.util.Map;

/** Shared small scenarios. Addresses follow the founding case (docs/seed): one IPv6 /64, /80 pod CIDRs. */
final class Fixtures {

  private Fixtures() {}

  static final String VALUES = "cilium/values.yaml";

  static IpAddr ip(String s) {
    return IpAddr.parse(s);
  }

  /** The founding case's effective settings (seed values.yaml), with the line of each key. */
  static DatapathSettings seedSettings() {
    return new DatapathSettings(true, true, true, true, false, false, false, true,
        IpPrefix.parse("10.101.0.0/16"), IpPrefix.parse("fd00:101::/48"), false, LbMode.SNAT, true,
        Map.of(DatapathSettings.KPR, SourceRef.of(VALUES, 13),
            DatapathSettings.SOCKET_LB, SourceRef.of(VALUES, 19),
            DatapathSettings.SOCKET_LB_HOSTNS_ONLY, SourceRef.of(VALUES, 20),
            DatapathSettings.IPV6_MASQUERADE, SourceRef.of(VALUES, 32),
            DatapathSettings.IPV6_NATIVE_ROUTING_CIDR, SourceRef.of(VALUES, 61),
            DatapathSettings.BPF_MASQUERADE, SourceRef.of(VALUES, 66),
            DatapathSettings.LB_MODE, SourceRef.of(VALUES, 67),
            DatapathSettings.LB_EXTERNAL_CLUSTER_IP, SourceRef.of(VALUES, 70),
            DatapathSettings.HOST_LEGACY_ROUTING, SourceRef.of(VALUES, 76)));
  }

  /**
   * The seed in miniature: worker w1 (pod coredns) and control-plane cp1 (apiserver, hostNetwork)
   * on fd00:101::/64; both default-route to the upstream fd00:101::fffe, which is outside the
   * model; each node has only Cilium's local pod-CIDR route to cilium_host.
   */
  static TestNetwork seedNetwork() {
    return new TestNetwork()
        .node("w1").iface("w1", "eth0", "lan101", "fd00:101::21/64")
        .node("cp1").iface("cp1", "eth0", "lan101", "fd00:101::11/64")
        .outside("lan101", "upstream fd00:101::fffe (PVE FRR, not in the snapshot)")
        .route("w1", "fd00:101:224:1::/80 dev cilium_host proto kernel")
        .route("w1", "default via fd00:101::fffe dev eth0")
        .route("cp1", "fd00:101:224::/80 dev cilium_host proto kernel")
        .route("cp1", "default via fd00:101::fffe dev eth0")
        .podCidr("w1", "fd00:101:224:1::/80")
        .podCidr("cp1", "fd00:101:224::/80")
        .pod("kube-system/coredns-0", "fd00:101:224:1::10", "w1");
  }

  static Service kubernetesService() {
    return new Service("default/kubernetes",
        List.of(new Service.Frontend(Service.FrontendKind.CLUSTER_IP, ip("fd00:101:96::1"), 443, Protocol.TCP)),
        List.of(new Service.Backend("cp1/kube-apiserver", ip("fd00:101::11"), 6443, "cp1", true, SourceRef.NONE)),
        null, SourceRef.of("kubernetes/services.yaml", 3));
  }

  static FlowSpec corednsToKubernetes() {
    return FlowSpec.tcp(new FlowSpec.Source.Pod(ip("fd00:101:224:1::10")), ip("fd00:101:96::1"), 443);
  }
}
