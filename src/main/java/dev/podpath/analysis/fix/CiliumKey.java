package dev.podpath.analysis.fix;

import dev.podpath.ingest.cilium.AgentFlag;
import java.util.List;

/**
 * A Helm value of the Cilium chart the fix search may change, the agent flag the chart renders it
 * to (the cilium-config key), and the values to try besides the current one.
 *
 * @param canFixRoutes false when the key cannot change which routes a host has or which source
 *     address a packet carries: the search skips it when every failing path died for want of a route
 */
record CiliumKey(String path, AgentFlag flag, List<String> options, boolean canFixRoutes, String tradeOff) {

  /** The keys of issue 6; each one's rendering is the chart's (install/kubernetes/cilium/templates/cilium-configmap.yaml). */
  static final List<CiliumKey> ALL = List.of(
      new CiliumKey("autoDirectNodeRoutes", AgentFlag.AUTO_DIRECT_NODE_ROUTES, List.of("true", "false"), true,
          "cluster-wide: the agent writes `<other node's pod CIDR> via <node IP>` on every node (needs every node on one"
              + " shared L2 segment); inter-node pod routes then come from Cilium, not from BGP"),
      new CiliumKey("directRoutingSkipUnreachable", AgentFlag.DIRECT_ROUTING_SKIP_UNREACHABLE, List.of("true", "false"), true,
          "cluster-wide: nodes not on a shared segment get no direct route"),
      new CiliumKey("endpointRoutes.enabled", AgentFlag.ENABLE_ENDPOINT_ROUTES, List.of("true", "false"), true,
          "cluster-wide: one route per pod instead of one per node CIDR"),
      new CiliumKey("bpf.masquerade", AgentFlag.ENABLE_BPF_MASQUERADE, List.of("true", "false"), true,
          "cluster-wide: masquerading moves from iptables to BPF"),
      new CiliumKey("enableIPv6Masquerade", AgentFlag.ENABLE_IPV6_MASQUERADE, List.of("true", "false"), true,
          "cluster-wide: changes the source address of IPv6 pod traffic leaving the native-routing CIDR"),
      new CiliumKey("enableIPv4Masquerade", AgentFlag.ENABLE_IPV4_MASQUERADE, List.of("true", "false"), true,
          "cluster-wide: changes the source address of IPv4 pod traffic leaving the native-routing CIDR"),
      new CiliumKey("socketLB.hostNamespaceOnly", AgentFlag.BPF_LB_SOCK_HOSTNS_ONLY, List.of("true", "false"), false,
          "cluster-wide: socket LB also in pods' namespaces (the seed's libp2p/Spegel concern)"),
      new CiliumKey("bpf.hostLegacyRouting", AgentFlag.ENABLE_HOST_LEGACY_ROUTING, List.of("true", "false"), false,
          "cluster-wide: host-bound traffic through the kernel stack or BPF host routing"),
      new CiliumKey("loadBalancer.mode", AgentFlag.BPF_LB_MODE, List.of("snat", "dsr", "hybrid"), false,
          "cluster-wide: how service traffic reaches a remote backend"));
}
