package dev.podpath.ingest.cilium;

/**
 * The cilium-agent flags (cilium-config keys) podpath reads, with the agent's own default.
 * Defaults: cilium pkg/option/config.go and pkg/defaults/defaults.go flag definitions (the same for
 * these flags in 1.16-1.18 as far as the notes in docs/fidelity/cilium.md could confirm).
 */
public enum AgentFlag {
  ROUTING_MODE("routing-mode", Type.STRING, "tunnel"), // defaults.RoutingMode = tunnel
  TUNNEL_PROTOCOL("tunnel-protocol", Type.STRING, "vxlan"),
  AUTO_DIRECT_NODE_ROUTES("auto-direct-node-routes", Type.BOOL, false),
  DIRECT_ROUTING_SKIP_UNREACHABLE("direct-routing-skip-unreachable", Type.BOOL, false),
  ENABLE_ENDPOINT_ROUTES("enable-endpoint-routes", Type.BOOL, false),
  KUBE_PROXY_REPLACEMENT("kube-proxy-replacement", Type.STRING, "false"),
  BPF_LB_SOCK("bpf-lb-sock", Type.BOOL, false),
  BPF_LB_SOCK_HOSTNS_ONLY("bpf-lb-sock-hostns-only", Type.BOOL, false),
  ENABLE_BPF_MASQUERADE("enable-bpf-masquerade", Type.BOOL, false),
  ENABLE_IPV4_MASQUERADE("enable-ipv4-masquerade", Type.BOOL, true),
  ENABLE_IPV6_MASQUERADE("enable-ipv6-masquerade", Type.BOOL, true),
  IPV4_NATIVE_ROUTING_CIDR("ipv4-native-routing-cidr", Type.CIDR, null),
  IPV6_NATIVE_ROUTING_CIDR("ipv6-native-routing-cidr", Type.CIDR, null),
  ENABLE_HOST_LEGACY_ROUTING("enable-host-legacy-routing", Type.BOOL, false),
  BPF_LB_MODE("bpf-lb-mode", Type.STRING, "snat"),
  BPF_LB_DSR_DISPATCH("bpf-lb-dsr-dispatch", Type.STRING, "opt"),
  BPF_LB_MODE_ANNOTATION("bpf-lb-mode-annotation", Type.BOOL, false),
  BPF_LB_EXTERNAL_CLUSTERIP("bpf-lb-external-clusterip", Type.BOOL, false),
  ENABLE_IPV4("enable-ipv4", Type.BOOL, true),
  ENABLE_IPV6("enable-ipv6", Type.BOOL, false),
  IPAM("ipam", Type.STRING, "cluster-pool"),
  K8S_REQUIRE_IPV4_POD_CIDR("k8s-require-ipv4-pod-cidr", Type.BOOL, false),
  K8S_REQUIRE_IPV6_POD_CIDR("k8s-require-ipv6-pod-cidr", Type.BOOL, false),
  ENABLE_BGP_CONTROL_PLANE("enable-bgp-control-plane", Type.BOOL, false),
  MTU("mtu", Type.INT, 0L), // 0 = auto-detect
  ENABLE_MASQUERADE_TO_ROUTE_SOURCE("enable-masquerade-to-route-source", Type.BOOL, false),
  ENABLE_LOCAL_NODE_ROUTE("enable-local-node-route", Type.BOOL, true),
  ENABLE_IP_MASQ_AGENT("enable-ip-masq-agent", Type.BOOL, false),
  // Not in cilium-config: the chart passes these as the agent's environment (daemonset template).
  K8S_SERVICE_HOST("KUBERNETES_SERVICE_HOST", Type.STRING, null),
  K8S_SERVICE_PORT("KUBERNETES_SERVICE_PORT", Type.STRING, null);

  /** How the agent parses the flag's text. */
  public enum Type {
    BOOL,
    STRING,
    INT,
    CIDR
  }

  private final String key;
  private final Type type;
  private final Object agentDefault;

  AgentFlag(String key, Type type, Object agentDefault) {
    this.key = key;
    this.type = type;
    this.agentDefault = agentDefault;
  }

  /** The cilium-config key / agent flag name. */
  public String key() {
    return key;
  }

  public Type type() {
    return type;
  }

  /** The agent's default when nothing sets the flag (version kept for flags whose default moved). */
  public Object agentDefault(CiliumVersion version) {
    return agentDefault;
  }

  /** True for flags that can appear in cilium-config (the two env values cannot). */
  public boolean inConfigMap() {
    return this != K8S_SERVICE_HOST && this != K8S_SERVICE_PORT;
  }

  public static AgentFlag byKey(String key) {
    for (AgentFlag f : values()) {
      if (f.inConfigMap() && f.key.equals(key)) {
        return f;
      }
    }
    return null;
  }
}
