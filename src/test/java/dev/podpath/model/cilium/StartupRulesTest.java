package dev.podpath.model.cilium;

import static dev.podpath.model.cilium.ExpectMarkers.assertRule;
import static org.assertj.core.api.Assertions.assertThat;

import dev.podpath.ingest.cilium.CiliumConfigReader;
import dev.podpath.ingest.cilium.CiliumVersion;
import org.junit.jupiter.api.Test;

/** Every startup rule with an input that triggers it (marked lines) and one that does not. */
class StartupRulesTest {

  @Test
  void helmRefusesKubeProxyReplacementStrict() {
    assertRule("cilium/helm-invalid-kube-proxy-replacement", """
        kubeProxyReplacement: strict  # EXPECT: cilium/helm-invalid-kube-proxy-replacement
        """);
    assertRule("cilium/helm-invalid-kube-proxy-replacement", """
        kubeProxyReplacement: "true"
        """);
  }

  @Test
  void helmRefusesNativeRoutingWithIpv4MasqueradeAndNoCidr() {
    assertRule("cilium/helm-ipv4-native-routing-cidr-required", """
        routingMode: native
        enableIPv4Masquerade: true  # EXPECT: cilium/helm-ipv4-native-routing-cidr-required
        """);
    assertRule("cilium/helm-ipv4-native-routing-cidr-required", """
        routingMode: native
        enableIPv4Masquerade: true
        ipv4NativeRoutingCIDR: 10.0.0.0/8
        """);
  }

  @Test
  void helmIpv4FailDependsOnTheChartDefaultOfEnableIpv4MasqueradePerVersion() {
    String values = """
        routingMode: native  # EXPECT: cilium/helm-ipv4-native-routing-cidr-required
        """;
    // 1.17 values.yaml has enableIPv4Masquerade: true, so the chart fails at render time
    assertRule("cilium/helm-ipv4-native-routing-cidr-required", values, CiliumVersion.V1_17);
    // 1.18 leaves it null: the chart renders, and the agent refuses to start instead
    AgentStartupResult r = ExpectMarkers.evaluateValues(values, CiliumVersion.V1_18);
    assertThat(ExpectMarkers.codes(r))
        .doesNotContain("cilium/helm-ipv4-native-routing-cidr-required")
        .contains("cilium/ipv4-native-routing-cidr-required");
  }

  @Test
  void helmRefusesNativeRoutingWithIpv6MasqueradeAndNoCidr() {
    assertRule("cilium/helm-ipv6-native-routing-cidr-required", """
        routingMode: native
        ipv4NativeRoutingCIDR: 10.0.0.0/8
        ipv6:
          enabled: true  # EXPECT: cilium/helm-ipv6-native-routing-cidr-required
        """);
    assertRule("cilium/helm-ipv6-native-routing-cidr-required", """
        routingMode: native
        ipv4NativeRoutingCIDR: 10.0.0.0/8
        ipv6NativeRoutingCIDR: fd00:101::/48
        ipv6:
          enabled: true
        """);
  }

  @Test
  void agentRefusesUnknownRoutingMode() {
    assertRule("cilium/invalid-routing-mode", """
        routingMode: direct  # EXPECT: cilium/invalid-routing-mode
        """);
    assertRule("cilium/invalid-routing-mode", """
        routingMode: tunnel
        """);
  }

  @Test
  void agentRefusesNativeRoutingCidrOfTheOtherFamily() {
    assertRule("cilium/native-routing-cidr-wrong-family", """
        ipv4NativeRoutingCIDR: fd00:101::/48  # EXPECT: cilium/native-routing-cidr-wrong-family
        """);
    assertRule("cilium/native-routing-cidr-wrong-family", """
        ipv4NativeRoutingCIDR: 10.101.0.0/16
        ipv6NativeRoutingCIDR: fd00:101::/48
        """);
  }

  @Test
  void masqueradeOfADisabledFamilyIsDropped() {
    AgentStartupResult r = assertRule("cilium/masquerade-follows-ip-family", """
        ipv6:
          enabled: false
        enableIPv6Masquerade: true  # EXPECT: cilium/masquerade-follows-ip-family
        """);
    assertThat(r.written().ipv6Masquerade()).isTrue();
    assertThat(r.effective().ipv6Masquerade()).isFalse();
    assertRule("cilium/masquerade-follows-ip-family", """
        ipv6:
          enabled: false
        enableIPv6Masquerade: false
        """);
  }

  @Test
  void skipUnreachableWithoutAdnrIsFatalAtItsLine() {
    AgentStartupResult r = assertRule("cilium/direct-routing-skip-unreachable-needs-adnr", """
        routingMode: native
        ipv4NativeRoutingCIDR: 10.0.0.0/8
        autoDirectNodeRoutes: false
        directRoutingSkipUnreachable: true  # EXPECT: cilium/direct-routing-skip-unreachable-needs-adnr
        """);
    AgentMessage m = r.messages().stream()
        .filter(x -> x.ruleId().equals("cilium/direct-routing-skip-unreachable-needs-adnr")).findFirst().orElseThrow();
    assertThat(m.text()).isEqualTo("Flag direct-routing-skip-unreachable cannot be enabled when auto-direct-node-routes "
        + "is not enabled. As if auto-direct-node-routes is then enabled, it may lead to unexpected behaviour causing "
        + "network connectivity issues.");
    assertThat(m.kind()).isEqualTo(MessageKind.FATAL);
    assertThat(r.startupFails()).isTrue();
    assertRule("cilium/direct-routing-skip-unreachable-needs-adnr", """
        routingMode: native
        ipv4NativeRoutingCIDR: 10.0.0.0/8
        autoDirectNodeRoutes: true
        directRoutingSkipUnreachable: true
        """);
  }

  @Test
  void adnrWithoutIpv4NativeRoutingCidrWarns() {
    assertRule("cilium/adnr-without-ipv4-native-routing-cidr", """
        routingMode: native
        enableIPv4Masquerade: false
        autoDirectNodeRoutes: true  # EXPECT: cilium/adnr-without-ipv4-native-routing-cidr
        """);
    assertRule("cilium/adnr-without-ipv4-native-routing-cidr", """
        routingMode: native
        enableIPv4Masquerade: false
        ipv4NativeRoutingCIDR: 10.0.0.0/8
        autoDirectNodeRoutes: true
        """);
  }

  @Test
  void adnrWithoutIpv6NativeRoutingCidrWarns() {
    assertRule("cilium/adnr-without-ipv6-native-routing-cidr", """
        routingMode: native
        ipv4:
          enabled: false
        ipv6:
          enabled: true
        enableIPv6Masquerade: false
        autoDirectNodeRoutes: true  # EXPECT: cilium/adnr-without-ipv6-native-routing-cidr
        """);
    assertRule("cilium/adnr-without-ipv6-native-routing-cidr", """
        routingMode: native
        ipv4:
          enabled: false
        ipv6:
          enabled: true
        enableIPv6Masquerade: false
        ipv6NativeRoutingCIDR: fd00:101::/48
        autoDirectNodeRoutes: true
        """);
  }

  @Test
  void kubernetesIpamRequiresPodCidrs() {
    AgentStartupResult r = assertRule("cilium/ipam-requires-pod-cidr", """
        ipv6:
          enabled: true
        ipam:
          mode: kubernetes
        k8s:
          requireIPv4PodCIDR: false  # EXPECT: cilium/ipam-requires-pod-cidr
          requireIPv6PodCIDR: true
        """);
    assertThat(r.effective().requireIpv4PodCidr()).isTrue();
    assertThat(r.differences()).extracting(SettingDifference::flag)
        .contains("k8s-require-ipv4-pod-cidr").doesNotContain("k8s-require-ipv6-pod-cidr");
    // nobody wrote the flag: the agent still requires the pod CIDR, shown as a difference, not a finding
    AgentStartupResult silent = assertRule("cilium/ipam-requires-pod-cidr", """
        ipam:
          mode: kubernetes
        """);
    assertThat(silent.differences()).extracting(SettingDifference::ruleId).contains("cilium/ipam-requires-pod-cidr");
    assertRule("cilium/ipam-requires-pod-cidr", """
        ipam:
          mode: multi-pool
        k8s:
          requireIPv4PodCIDR: false
        """);
  }

  @Test
  void negativeMtuIsFatal() {
    assertRule("cilium/negative-mtu", """
        MTU: -1  # EXPECT: cilium/negative-mtu
        """);
    assertRule("cilium/negative-mtu", """
        MTU: 1450
        """);
  }

  @Test
  void eniIpamRefusesIpv6() {
    assertRule("cilium/eni-ipam-with-ipv6", """
        ipam:
          mode: eni
        ipv6:
          enabled: true  # EXPECT: cilium/eni-ipam-with-ipv6
        """);
    assertRule("cilium/eni-ipam-with-ipv6", """
        ipam:
          mode: eni
        """);
  }

  @Test
  void agentRefusesNativeRoutingWithIpv4MasqueradeAndNoCidr() {
    assertRule("cilium/ipv4-native-routing-cidr-required", """
        routingMode: native  # EXPECT: cilium/ipv4-native-routing-cidr-required
        """);
    assertRule("cilium/ipv4-native-routing-cidr-required", """
        routingMode: native
        ipMasqAgent:
          enabled: true
        """);
  }

  @Test
  void agentRefusesNativeRoutingWithIpv6MasqueradeAndNoCidrFromTheConfigMap() {
    String cm = """
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: cilium-config
          namespace: kube-system
        data:
          routing-mode: native
          enable-ipv4: "false"
          enable-ipv6: "true"
          enable-ipv6-masquerade: "true"
        """;
    AgentStartupResult r = ExpectMarkers.evaluate(null, cm, CiliumVersion.V1_18);
    assertThat(r.findings()).filteredOn(f -> f.code().equals("cilium/ipv6-native-routing-cidr-required"))
        .extracting(f -> f.where().toString()).containsExactly(CiliumConfigReader.CONFIGMAP_FILE + ":10");
    AgentStartupResult ok = ExpectMarkers.evaluate(null, cm + "  ipv6-native-routing-cidr: fd00::/48\n", CiliumVersion.V1_18);
    assertThat(ExpectMarkers.codes(ok)).doesNotContain("cilium/ipv6-native-routing-cidr-required");
  }

  @Test
  void noAddressFamilyIsFatal() {
    assertRule("cilium/no-ip-family", """
        ipv4:
          enabled: false  # EXPECT: cilium/no-ip-family
        ipv6:
          enabled: false
        """);
    assertRule("cilium/no-ip-family", """
        ipv4:
          enabled: false
        ipv6:
          enabled: true
        """);
  }

  @Test
  void adnrWithTunnelIsFatal() {
    assertRule("cilium/adnr-with-tunnel", """
        routingMode: tunnel
        autoDirectNodeRoutes: true  # EXPECT: cilium/adnr-with-tunnel
        """);
    assertRule("cilium/adnr-with-tunnel", """
        routingMode: native
        ipv4NativeRoutingCIDR: 10.0.0.0/8
        autoDirectNodeRoutes: true
        """);
  }

  @Test
  void ipamModeRefusedInTunnelModeDependsOnTheVersion() {
    String eni = """
        routingMode: tunnel
        ipam:
          mode: eni  # EXPECT: cilium/ipam-mode-in-tunnel-mode
        """;
    assertRule("cilium/ipam-mode-in-tunnel-mode", eni, CiliumVersion.V1_18);
    // the 1.16/1.17 agent checks multi-pool instead
    assertRule("cilium/ipam-mode-in-tunnel-mode", eni.replace("  # EXPECT: cilium/ipam-mode-in-tunnel-mode", ""), CiliumVersion.V1_17);
    assertRule("cilium/ipam-mode-in-tunnel-mode", """
        ipam:
          mode: multi-pool  # EXPECT: cilium/ipam-mode-in-tunnel-mode
        """, CiliumVersion.V1_16);
    assertRule("cilium/ipam-mode-in-tunnel-mode", """
        ipam:
          mode: multi-pool
        """, CiliumVersion.V1_18);
  }

  @Test
  void endpointRoutesDropTheLocalNodeRoute() {
    String cm = """
        kind: ConfigMap
        metadata:
          name: cilium-config
        data:
          enable-endpoint-routes: "true"
          enable-local-node-route: "true"
        """;
    AgentStartupResult r = ExpectMarkers.evaluate(null, cm, CiliumVersion.V1_18);
    assertThat(r.findings()).filteredOn(f -> f.code().equals("cilium/endpoint-routes-disable-local-node-route"))
        .extracting(f -> f.where().toString()).containsExactly(CiliumConfigReader.CONFIGMAP_FILE + ":6");
    assertThat(r.effective().localNodeRoute()).isFalse();
    // Helm never renders enable-local-node-route here: the override is a difference, not a finding
    AgentStartupResult helm = assertRule("cilium/endpoint-routes-disable-local-node-route", """
        endpointRoutes:
          enabled: true
        """);
    assertThat(helm.differences()).extracting(SettingDifference::flag).contains("enable-local-node-route");
    AgentStartupResult off = assertRule("cilium/endpoint-routes-disable-local-node-route", """
        endpointRoutes:
          enabled: false
        """);
    assertThat(off.effective().localNodeRoute()).isTrue();
  }

  @Test
  void agentRefusesInvalidKubeProxyReplacementInConfigMap() {
    String cm = """
        kind: ConfigMap
        metadata:
          name: cilium-config
        data:
          kube-proxy-replacement: strict
        """;
    AgentStartupResult r = ExpectMarkers.evaluate(null, cm, CiliumVersion.V1_18);
    assertThat(r.findings()).filteredOn(f -> f.code().equals("cilium/invalid-kube-proxy-replacement"))
        .extracting(f -> f.where().toString()).containsExactly(CiliumConfigReader.CONFIGMAP_FILE + ":5");
    AgentStartupResult ok = ExpectMarkers.evaluate(null, cm.replace("strict", "\"true\""), CiliumVersion.V1_18);
    assertThat(ExpectMarkers.codes(ok)).doesNotContain("cilium/invalid-kube-proxy-replacement");
  }

  @Test
  void kubeProxyReplacementForcesSocketLbOn() {
    AgentStartupResult r = assertRule("cilium/kube-proxy-replacement-forces-socket-lb", """
        kubeProxyReplacement: true
        socketLB:
          enabled: false  # EXPECT: cilium/kube-proxy-replacement-forces-socket-lb
        """);
    assertThat(r.written().socketLb()).isFalse();
    assertThat(r.effective().socketLb()).isTrue();
    assertRule("cilium/kube-proxy-replacement-forces-socket-lb", """
        kubeProxyReplacement: true
        socketLB:
          enabled: true
        """);
  }

  @Test
  void hostnsOnlyWithoutSocketLbIsDroppedWithAWarning() {
    AgentStartupResult r = assertRule("cilium/socket-lb-hostns-only-without-socket-lb", """
        kubeProxyReplacement: false
        socketLB:
          enabled: false
          hostNamespaceOnly: true  # EXPECT: cilium/socket-lb-hostns-only-without-socket-lb
        """);
    assertThat(r.effective().socketLbHostnsOnly()).isFalse();
    // KPR=true turns socket LB on first, so hostns-only stays
    AgentStartupResult kept = assertRule("cilium/socket-lb-hostns-only-without-socket-lb", """
        kubeProxyReplacement: true
        socketLB:
          enabled: false
          hostNamespaceOnly: true
        """);
    assertThat(kept.effective().socketLbHostnsOnly()).isTrue();
  }

  @Test
  void noKubeProxyReplacementForcesLegacyHostRouting() {
    AgentStartupResult r = assertRule("cilium/no-kube-proxy-replacement-forces-legacy-host-routing", """
        kubeProxyReplacement: false
        bpf:
          hostLegacyRouting: false  # EXPECT: cilium/no-kube-proxy-replacement-forces-legacy-host-routing
        """);
    assertThat(r.effective().hostLegacyRouting()).isTrue();
    assertRule("cilium/no-kube-proxy-replacement-forces-legacy-host-routing", """
        kubeProxyReplacement: true
        bpf:
          hostLegacyRouting: false
        """);
  }

  @Test
  void dsrCannotRunOverVxlan() {
    assertRule("cilium/dsr-with-vxlan-tunnel", """
        kubeProxyReplacement: true
        routingMode: tunnel
        loadBalancer:
          mode: dsr  # EXPECT: cilium/dsr-with-vxlan-tunnel
        """);
    assertRule("cilium/dsr-with-vxlan-tunnel", """
        kubeProxyReplacement: true
        routingMode: native
        ipv4NativeRoutingCIDR: 10.0.0.0/8
        loadBalancer:
          mode: dsr
        """);
  }

  @Test
  void dsrInTunnelModeNeedsGeneveDispatch() {
    assertRule("cilium/dsr-tunnel-needs-geneve-dispatch", """
        kubeProxyReplacement: true
        routingMode: tunnel
        tunnelProtocol: geneve
        loadBalancer:
          mode: hybrid  # EXPECT: cilium/dsr-tunnel-needs-geneve-dispatch
        """);
    assertRule("cilium/dsr-tunnel-needs-geneve-dispatch", """
        kubeProxyReplacement: true
        routingMode: tunnel
        tunnelProtocol: geneve
        loadBalancer:
          mode: hybrid
          dsrDispatch: geneve
        """);
  }

  @Test
  void geneveDispatchNeedsGeneveTunnelProtocol() {
    assertRule("cilium/dsr-geneve-dispatch-needs-geneve-tunnel", """
        kubeProxyReplacement: true
        routingMode: native
        ipv4NativeRoutingCIDR: 10.0.0.0/8
        loadBalancer:
          mode: dsr
          dsrDispatch: geneve  # EXPECT: cilium/dsr-geneve-dispatch-needs-geneve-tunnel
        """);
    assertRule("cilium/dsr-geneve-dispatch-needs-geneve-tunnel", """
        kubeProxyReplacement: true
        routingMode: native
        ipv4NativeRoutingCIDR: 10.0.0.0/8
        tunnelProtocol: geneve
        loadBalancer:
          mode: dsr
          dsrDispatch: geneve
        """);
  }

  @Test
  void iptablesMasqueradeForcesLegacyHostRoutingWithInfoLog() {
    AgentStartupResult r = assertRule("cilium/bpf-host-routing-needs-bpf-masquerade", """
        kubeProxyReplacement: true
        bpf:
          masquerade: false
          hostLegacyRouting: false  # EXPECT: cilium/bpf-host-routing-needs-bpf-masquerade
        """);
    assertThat(r.effective().hostLegacyRouting()).isTrue();
    assertThat(r.messages()).filteredOn(m -> m.ruleId().equals("cilium/bpf-host-routing-needs-bpf-masquerade"))
        .extracting(AgentMessage::text).containsExactly(
            "BPF host routing requires enable-bpf-masquerade. Falling back to legacy host routing (enable-host-legacy-routing=true).");
    assertRule("cilium/bpf-host-routing-needs-bpf-masquerade", """
        kubeProxyReplacement: true
        bpf:
          masquerade: true
          hostLegacyRouting: false
        """);
  }
}
