package dev.podpath.ingest.cilium;

import static dev.podpath.ingest.cilium.AgentFlag.*;

import dev.podpath.ingest.cilium.FlagSource.ChartDefault;
import dev.podpath.ingest.cilium.FlagSource.HelmValue;
import java.util.EnumMap;
import java.util.Map;

/**
 * The cilium chart's rendering of the flags podpath reads: which Helm value becomes which
 * cilium-config key, and which keys the chart leaves out (so the agent default applies).
 * Source: install/kubernetes/cilium/templates/cilium-configmap.yaml (read at commit 002c6fff, a
 * 1.18-era chart; 1.16/1.17 assumed identical for these keys, see docs/fidelity/cilium.md).
 * The chart's render-time {@code fail}s are startup rules in model.cilium, not here.
 */
final class ChartRendering {

  private final HelmValues v;
  private final CiliumVersion version;
  private final Map<AgentFlag, FlagValue> out = new EnumMap<>(AgentFlag.class);

  private ChartRendering(HelmValues values, CiliumVersion version) {
    this.v = values;
    this.version = version;
  }

  static Map<AgentFlag, FlagValue> render(HelmValues values, CiliumVersion version) {
    ChartRendering r = new ChartRendering(values, version);
    r.renderAll();
    return r.out;
  }

  private void renderAll() {
    // routing-mode: {{ .Values.routingMode | default (ternary "native" "tunnel" (or eni.enabled gke.enabled)) }}
    boolean cloudNative = v.truthy("eni.enabled") || v.truthy("gke.enabled");
    alwaysWithDefault(ROUTING_MODE, "routingMode", cloudNative ? "native" : "tunnel");
    // tunnel-protocol: {{ .Values.tunnelProtocol | default "vxlan" }}
    alwaysWithDefault(TUNNEL_PROTOCOL, "tunnelProtocol", "vxlan");
    // auto-direct-node-routes / direct-routing-skip-unreachable: always rendered, values.yaml default false
    alwaysWithDefault(AUTO_DIRECT_NODE_ROUTES, "autoDirectNodeRoutes", false);
    alwaysWithDefault(DIRECT_ROUTING_SKIP_UNREACHABLE, "directRoutingSkipUnreachable", false);
    // enable-endpoint-routes: only when endpointRoutes.enabled is true; gke/eni/azure/alibabacloud force it
    if (v.truthy("endpointRoutes.enabled")) {
      written(ENABLE_ENDPOINT_ROUTES, "endpointRoutes.enabled");
    } else {
      for (String cloud : new String[] {"gke.enabled", "eni.enabled", "azure.enabled", "alibabacloud.enabled"}) {
        if (v.truthy(cloud)) {
          put(ENABLE_ENDPOINT_ROUTES, true, new HelmValue(cloud, v.ref(cloud)));
        }
      }
    }
    renderKubeProxyReplacement();
    // $socketLB := coalesce .Values.socketLB .Values.hostServices; keys rendered only when present
    String socketLb = HelmValues.truthy(v.get("socketLB")) ? "socketLB"
        : HelmValues.truthy(v.get("hostServices")) ? "hostServices" : null;
    if (socketLb != null) {
      ifHasKey(BPF_LB_SOCK, socketLb + ".enabled");
      ifHasKey(BPF_LB_SOCK_HOSTNS_ONLY, socketLb + ".hostNamespaceOnly");
    }
    renderMasquerade();
    ifTruthy(IPV4_NATIVE_ROUTING_CIDR, "ipv4NativeRoutingCIDR");
    ifTruthy(IPV6_NATIVE_ROUTING_CIDR, "ipv6NativeRoutingCIDR");
    renderHostLegacyRouting();
    // loadBalancer.* keys: rendered only when present (hasKey)
    ifHasKey(BPF_LB_MODE, "loadBalancer.mode");
    ifHasKey(BPF_LB_DSR_DISPATCH, "loadBalancer.dsrDispatch");
    // bpf.lbModeAnnotation / lbExternalClusterIP: hasKey; values.yaml lists both as false
    hasKeyOrChartDefault(BPF_LB_MODE_ANNOTATION, "bpf.lbModeAnnotation", false);
    hasKeyOrChartDefault(BPF_LB_EXTERNAL_CLUSTERIP, "bpf.lbExternalClusterIP", false);
    alwaysWithDefault(ENABLE_IPV4, "ipv4.enabled", true);
    alwaysWithDefault(ENABLE_IPV6, "ipv6.enabled", false);
    // ipam: coalesce .Values.ipam.mode "cluster-pool"; eni.enabled forces "eni"
    if (v.truthy("eni.enabled")) {
      put(IPAM, "eni", new HelmValue("eni.enabled", v.ref("eni.enabled")));
    } else {
      alwaysWithDefault(IPAM, "ipam.mode", "cluster-pool");
    }
    ifHasKey(K8S_REQUIRE_IPV4_POD_CIDR, "k8s.requireIPv4PodCIDR");
    ifHasKey(K8S_REQUIRE_IPV6_POD_CIDR, "k8s.requireIPv6PodCIDR");
    // enable-bgp-control-plane: "true" only if bgpControlPlane.enabled
    if (v.truthy("bgpControlPlane.enabled")) {
      written(ENABLE_BGP_CONTROL_PLANE, "bgpControlPlane.enabled");
    }
    // mtu: {{ if .Values.MTU }} — the chart key is upper-case MTU
    ifTruthy(MTU, "MTU");
    alwaysWithDefault(ENABLE_MASQUERADE_TO_ROUTE_SOURCE, "enableMasqueradeRouteSource", false);
    if (v.truthy("ipMasqAgent.enabled")) {
      written(ENABLE_IP_MASQ_AGENT, "ipMasqAgent.enabled");
    }
    // chaining modes other than portmap render enable-local-node-route: "false"
    String chaining = chainingMode();
    if (!chaining.equals("none") && !chaining.equals("portmap")) {
      put(ENABLE_LOCAL_NODE_ROUTE, false, new HelmValue("cni.chainingMode", v.ref("cni.chainingMode")));
    }
    // k8sServiceHost/Port go to the agent's environment (daemonset), not cilium-config
    ifTruthy(K8S_SERVICE_HOST, "k8sServiceHost");
    ifTruthy(K8S_SERVICE_PORT, "k8sServicePort");
  }

  private void renderKubeProxyReplacement() {
    // $kubeProxyReplacement := coalesce (toString .Values.kubeProxyReplacement) "false"
    Object kpr = v.get("kubeProxyReplacement");
    String text = kpr == null ? "" : String.valueOf(kpr);
    if (text.isEmpty()) {
      put(KUBE_PROXY_REPLACEMENT, "false", new ChartDefault("kubeProxyReplacement", version));
    } else {
      written(KUBE_PROXY_REPLACEMENT, "kubeProxyReplacement");
    }
  }

  private void renderMasquerade() {
    // enable-ipv4-masquerade: the value when not null, else $defaultEnableIPv4Masquerade
    // ("true"; "false" with eni.enabled from the 1.18 chart on)
    if (v.get("enableIPv4Masquerade") != null) {
      written(ENABLE_IPV4_MASQUERADE, "enableIPv4Masquerade");
    } else {
      boolean def = !(version.atLeast(CiliumVersion.V1_18) && v.truthy("eni.enabled"));
      put(ENABLE_IPV4_MASQUERADE, def, new ChartDefault("enableIPv4Masquerade", version));
    }
    alwaysWithDefault(ENABLE_IPV6_MASQUERADE, "enableIPv6Masquerade", true);
    // enable-bpf-masquerade: the value when not null; else only $defaultBpfMasquerade, which is
    // "true" only for upgradeCompatibility in [1.8, 1.10)
    if (v.get("bpf.masquerade") != null) {
      written(ENABLE_BPF_MASQUERADE, "bpf.masquerade");
    } else if (upgradeCompatibilityBetween8And10()) {
      put(ENABLE_BPF_MASQUERADE, true, new HelmValue("upgradeCompatibility", v.ref("upgradeCompatibility")));
    }
  }

  private void renderHostLegacyRouting() {
    // enable-host-legacy-routing: the value when not null; else "true" in CNI chaining mode
    if (v.get("bpf.hostLegacyRouting") != null) {
      written(ENABLE_HOST_LEGACY_ROUTING, "bpf.hostLegacyRouting");
    } else if (!chainingMode().equals("none")) {
      put(ENABLE_HOST_LEGACY_ROUTING, true, new HelmValue("cni.chainingMode", v.ref("cni.chainingMode")));
    }
  }

  private String chainingMode() {
    Object mode = v.get("cni.chainingMode");
    if (mode != null) {
      return String.valueOf(mode);
    }
    return v.get("cni.chainingTarget") != null ? "generic-veth" : "none";
  }

  private boolean upgradeCompatibilityBetween8And10() {
    Object uc = v.get("upgradeCompatibility");
    if (uc == null) {
      return false;
    }
    String[] parts = String.valueOf(uc).replaceFirst("^v", "").split("\\.");
    try {
      int major = Integer.parseInt(parts[0]);
      int minor = parts.length > 1 ? Integer.parseInt(parts[1]) : 0;
      return major == 1 && minor >= 8 && minor < 10;
    } catch (NumberFormatException e) {
      return false;
    }
  }

  /** Always rendered: strings use Helm's {@code default} (empty counts as unset), bools {@code quote} the value. */
  private void alwaysWithDefault(AgentFlag flag, String path, Object chartDefault) {
    Object raw = v.get(path);
    boolean set = flag.type() == AgentFlag.Type.STRING ? HelmValues.truthy(raw) : raw != null;
    if (set) {
      written(flag, path);
    } else {
      put(flag, chartDefault, new ChartDefault(path, version));
    }
  }

  private void hasKeyOrChartDefault(AgentFlag flag, String path, Object chartDefault) {
    if (v.has(path) && v.get(path) != null) {
      written(flag, path);
    } else {
      put(flag, chartDefault, new ChartDefault(path, version));
    }
  }

  private void ifHasKey(AgentFlag flag, String path) {
    if (v.has(path) && v.get(path) != null) {
      written(flag, path);
    }
  }

  private void ifTruthy(AgentFlag flag, String path) {
    if (v.truthy(path)) {
      written(flag, path);
    }
  }

  private void written(AgentFlag flag, String path) {
    Object parsed = FlagText.parse(flag, v.get(path), v.ref(path), path);
    put(flag, parsed, new HelmValue(path, v.ref(path)));
  }

  private void put(AgentFlag flag, Object value, FlagSource source) {
    out.put(flag, new FlagValue(flag, value, source));
  }
}
