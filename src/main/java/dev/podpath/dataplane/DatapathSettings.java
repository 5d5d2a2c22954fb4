package dev.podpath.dataplane;

import dev.podpath.core.SourceRef;
import dev.podpath.core.net.IpPrefix;
import java.util.Map;
import java.util.Optional;

/**
 * The effective Cilium agent settings the packet walk depends on. Callers must pass values after
 * the agent's own overrides (e.g. KPR=true forces socket LB on; KPR=false or iptables masquerading
 * forces legacy host routing; socket LB off clears hostns-only) — the settings model
 * (model.cilium) computes them. {@code sources} maps a cilium-config key (the constants below) to
 * the line that set it, so a step can cite the setting that produced it. Native routing is
 * assumed (tunnel mode is not modelled).
 */
public record DatapathSettings(
    boolean kubeProxyReplacement,
    boolean socketLb,
    boolean socketLbHostnsOnly,
    boolean hostLegacyRouting,
    boolean endpointRoutes,
    boolean bpfMasquerade,
    boolean ipv4Masquerade,
    boolean ipv6Masquerade,
    IpPrefix ipv4NativeRoutingCidr,
    IpPrefix ipv6NativeRoutingCidr,
    boolean masqueradeToRouteSource,
    LbMode lbMode,
    boolean lbExternalClusterIp,
    Map<String, SourceRef> sources) {

  public static final String KPR = "kube-proxy-replacement";
  public static final String SOCKET_LB = "bpf-lb-sock";
  public static final String SOCKET_LB_HOSTNS_ONLY = "bpf-lb-sock-hostns-only";
  public static final String HOST_LEGACY_ROUTING = "enable-host-legacy-routing";
  public static final String ENDPOINT_ROUTES = "enable-endpoint-routes";
  public static final String BPF_MASQUERADE = "enable-bpf-masquerade";
  public static final String IPV4_MASQUERADE = "enable-ipv4-masquerade";
  public static final String IPV6_MASQUERADE = "enable-ipv6-masquerade";
  public static final String IPV4_NATIVE_ROUTING_CIDR = "ipv4-native-routing-cidr";
  public static final String IPV6_NATIVE_ROUTING_CIDR = "ipv6-native-routing-cidr";
  public static final String MASQUERADE_TO_ROUTE_SOURCE = "enable-masquerade-to-route-source";
  public static final String LB_MODE = "bpf-lb-mode";
  public static final String LB_EXTERNAL_CLUSTER_IP = "bpf-lb-external-clusterip";

  public DatapathSettings {
    sources = Map.copyOf(sources);
    if (lbMode == null) {
      throw new IllegalArgumentException("lbMode is required");
    }
  }

  /** Where a setting came from ({@link SourceRef#NONE} when it is a default). */
  public SourceRef where(String key) {
    return sources.getOrDefault(key, SourceRef.NONE);
  }

  /**
   * Whether bpf_sock translates at connect() for a socket in the host netns or in a pod.
   * cilium bpf/bpf_sock.c __sock6_xlate_fwd: ENABLE_SOCKET_LB_HOST_ONLY && !in_hostns => -ENXIO.
   */
  public boolean socketLbTranslates(boolean inHostNamespace) {
    return socketLb && (inHostNamespace || !socketLbHostnsOnly);
  }

  /**
   * Whether bpf_lxc does per-packet service translation.
   * cilium bpf/bpf_lxc.c: !ENABLE_SOCKET_LB_FULL || ENABLE_SOCKET_LB_HOST_ONLY => ENABLE_PER_PACKET_LB;
   * pkg/datapath/linux/config/config.go WriteNodeConfig: FULL iff socket LB on and not hostns-only.
   */
  public boolean perPacketLb() {
    return !(socketLb && !socketLbHostnsOnly);
  }

  /**
   * BPF host routing (ENABLE_HOST_ROUTING). cilium pkg/datapath/linux/config/config.go
   * WriteNodeConfig: defined only inside the KubeProxyReplacement block, when !EnableHostLegacyRouting.
   */
  public boolean bpfHostRouting() {
    return kubeProxyReplacement && !hostLegacyRouting;
  }

  /**
   * ENABLE_ROUTING for endpoint programs. cilium pkg/datapath/linux/config/config.go
   * writeTemplateConfig: defined when the endpoint RequireRouting(); the agent's endpoint-create
   * handler sets RequireRouting=false when EnableEndpointRoutes ("Delegate routing to the Linux stack").
   */
  public boolean endpointRouting() {
    return !endpointRoutes;
  }

  public boolean masquerade(boolean v6) {
    return v6 ? ipv6Masquerade : ipv4Masquerade;
  }

  /** cilium pkg/option/config.go IptablesMasqueradingIPv{4,6}Enabled: !bpf-masquerade && ipv{4,6}-masquerade. */
  public boolean iptablesMasquerade(boolean v6) {
    return !bpfMasquerade && masquerade(v6);
  }

  /** cilium config.go WriteNodeConfig: ENABLE_MASQUERADE_IPV{4,6} only when EnableBPFMasquerade. */
  public boolean bpfMasquerade(boolean v6) {
    return bpfMasquerade && masquerade(v6);
  }

  public Optional<IpPrefix> nativeRoutingCidr(boolean v6) {
    return Optional.ofNullable(v6 ? ipv6NativeRoutingCidr : ipv4NativeRoutingCidr);
  }

  public String masqueradeKey(boolean v6) {
    return v6 ? IPV6_MASQUERADE : IPV4_MASQUERADE;
  }

  public String nativeCidrKey(boolean v6) {
    return v6 ? IPV6_NATIVE_ROUTING_CIDR : IPV4_NATIVE_ROUTING_CIDR;
  }

  /** A convenient starting point for tests and what-ifs: Cilium 1.18 chart defaults with KPR on. */
  public static DatapathSettings kprDefaults() {
    return new DatapathSettings(true, true, false, false, false, false, true, false, null, null,
        false, LbMode.SNAT, false, Map.of());
  }

  public DatapathSettings withSocketLbHostnsOnly(boolean v) {
    return new DatapathSettings(kubeProxyReplacement, socketLb, v, hostLegacyRouting, endpointRoutes,
        bpfMasquerade, ipv4Masquerade, ipv6Masquerade, ipv4NativeRoutingCidr, ipv6NativeRoutingCidr,
        masqueradeToRouteSource, lbMode, lbExternalClusterIp, sources);
  }

  public DatapathSettings withEndpointRoutes(boolean v) {
    return new DatapathSettings(kubeProxyReplacement, socketLb, socketLbHostnsOnly, hostLegacyRouting, v,
        bpfMasquerade, ipv4Masquerade, ipv6Masquerade, ipv4NativeRoutingCidr, ipv6NativeRoutingCidr,
        masqueradeToRouteSource, lbMode, lbExternalClusterIp, sources);
  }

  public DatapathSettings withBpfMasquerade(boolean v) {
    return new DatapathSettings(kubeProxyReplacement, socketLb, socketLbHostnsOnly, hostLegacyRouting,
        endpointRoutes, v, ipv4Masquerade, ipv6Masquerade, ipv4NativeRoutingCidr, ipv6NativeRoutingCidr,
        masqueradeToRouteSource, lbMode, lbExternalClusterIp, sources);
  }

  public DatapathSettings withHostLegacyRouting(boolean v) {
    return new DatapathSettings(kubeProxyReplacement, socketLb, socketLbHostnsOnly, v, endpointRoutes,
        bpfMasquerade, ipv4Masquerade, ipv6Masquerade, ipv4NativeRoutingCidr, ipv6NativeRoutingCidr,
        masqueradeToRouteSource, lbMode, lbExternalClusterIp, sources);
  }

  /** KPR off: the agent also turns socket LB off (kpr.go) and forces legacy host routing. */
  public DatapathSettings withoutKubeProxyReplacement() {
    return new DatapathSettings(false, false, false, true, endpointRoutes, bpfMasquerade,
        ipv4Masquerade, ipv6Masquerade, ipv4NativeRoutingCidr, ipv6NativeRoutingCidr,
        masqueradeToRouteSource, lbMode, lbExternalClusterIp, sources);
  }

  public DatapathSettings withMasquerade(boolean v4, boolean v6) {
    return new DatapathSettings(kubeProxyReplacement, socketLb, socketLbHostnsOnly, hostLegacyRouting,
        endpointRoutes, bpfMasquerade, v4, v6, ipv4NativeRoutingCidr, ipv6NativeRoutingCidr,
        masqueradeToRouteSource, lbMode, lbExternalClusterIp, sources);
  }

  public DatapathSettings withNativeRoutingCidrs(IpPrefix v4, IpPrefix v6) {
    return new DatapathSettings(kubeProxyReplacement, socketLb, socketLbHostnsOnly, hostLegacyRouting,
        endpointRoutes, bpfMasquerade, ipv4Masquerade, ipv6Masquerade, v4, v6,
        masqueradeToRouteSource, lbMode, lbExternalClusterIp, sources);
  }

  public DatapathSettings withLbMode(LbMode mode, boolean externalClusterIp) {
    return new DatapathSettings(kubeProxyReplacement, socketLb, socketLbHostnsOnly, hostLegacyRouting,
        endpointRoutes, bpfMasquerade, ipv4Masquerade, ipv6Masquerade, ipv4NativeRoutingCidr,
        ipv6NativeRoutingCidr, masqueradeToRouteSource, mode, externalClusterIp, sources);
  }

  public DatapathSettings withMasqueradeToRouteSource(boolean v) {
    return new DatapathSettings(kubeProxyReplacement, socketLb, socketLbHostnsOnly, hostLegacyRouting,
        endpointRoutes, bpfMasquerade, ipv4Masquerade, ipv6Masquerade, ipv4NativeRoutingCidr,
        ipv6NativeRoutingCidr, v, lbMode, lbExternalClusterIp, sources);
  }

  public DatapathSettings withSources(Map<String, SourceRef> newSources) {
    return new DatapathSettings(kubeProxyReplacement, socketLb, socketLbHostnsOnly, hostLegacyRouting,
        endpointRoutes, bpfMasquerade, ipv4Masquerade, ipv6Masquerade, ipv4NativeRoutingCidr,
        ipv6NativeRoutingCidr, masqueradeToRouteSource, lbMode, lbExternalClusterIp, newSources);
  }
}
