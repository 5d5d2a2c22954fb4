package dev.podpath.dataplane;

import static dev.podpath.dataplane.Fixtures.ip;
import static org.assertj.core.api.Assertions.assertThat;

import dev.podpath.core.SourceRef;
import dev.podpath.core.net.IpPrefix;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Masquerade of a pod's new connection leaving its node (IPv4; the IPv6 cases are in SeedCaseTest). */
class MasqueradeTest {

  private static TestNetwork net() {
    return new TestNetwork()
        .node("w1").iface("w1", "eth0", "lan", "10.101.0.21/24")
        .outside("lan", "upstream 10.101.0.1")
        .route("w1", "10.101.1.0/24 dev cilium_host proto kernel")
        .route("w1", "default via 10.101.0.1 dev eth0")
        .podCidr("w1", "10.101.1.0/24")
        .pod("default/a", "10.101.1.10", "w1");
  }

  private static DatapathSettings settings() {
    return DatapathSettings.kprDefaults().withHostLegacyRouting(true).withMasquerade(true, false)
        .withNativeRoutingCidrs(IpPrefix.parse("10.101.0.0/16"), null)
        .withSources(Map.of(DatapathSettings.IPV4_NATIVE_ROUTING_CIDR, SourceRef.of("cilium/values.yaml", 60),
            DatapathSettings.IPV4_MASQUERADE, SourceRef.of("cilium/values.yaml", 31)));
  }

  private static FlowTrace trace(DatapathSettings s, String dst) {
    TestNetwork n = net();
    FlowSpec f = FlowSpec.tcp(new FlowSpec.Source.Pod(ip("10.101.1.10")), ip(dst), 443);
    return PacketWalk.trace(f, s, n, ServiceTable.of(List.of()), n);
  }

  private static Step masqueradeStep(FlowTrace t) {
    return t.forward().stream().filter(s -> s.kind() == Step.Kind.SNAT || s.kind() == Step.Kind.SKIP)
        .filter(s -> s.actor().contains("CILIUM_POST_nat") || s.actor().contains("masquerade"))
        .findFirst().orElseThrow(() -> new AssertionError(t.toString()));
  }

  @Test
  void iptablesMasqueradesTrafficLeavingTheNativeRoutingCidr() {
    // cilium iptables.go installMasqueradeRules: -s alloc ! -d native-cidr ! -o cilium_+ -j MASQUERADE.
    FlowTrace t = trace(settings(), "1.1.1.1");
    Step m = masqueradeStep(t);
    assertThat(m.actor()).isEqualTo("iptables CILIUM_POST_nat");
    assertThat(m.kind()).isEqualTo(Step.Kind.SNAT);
    assertThat(m.after().src()).isEqualTo(ip("10.101.0.21"));
    assertThat(m.where()).isEqualTo(SourceRef.of("cilium/values.yaml", 31));
    assertThat(t.disposition()).isEqualTo(Disposition.EXITS_NETWORK);
    assertThat(t.works()).isTrue();
  }

  @Test
  void iptablesDoesNotMasqueradeInsideTheNativeRoutingCidr() {
    FlowTrace t = trace(settings(), "10.101.200.5");
    Step m = masqueradeStep(t);
    assertThat(m.kind()).isEqualTo(Step.Kind.SKIP);
    assertThat(m.rule()).contains("! -d 10.101.0.0/16");
    assertThat(m.where()).isEqualTo(SourceRef.of("cilium/values.yaml", 60));
  }

  @Test
  void withoutANativeRoutingCidrTheExclusionIsTheLocalAllocCidr() {
    // cilium iptables.go remoteSNATDstAddrExclusionCIDR: falls back to the node's alloc CIDR.
    FlowTrace t = trace(settings().withNativeRoutingCidrs(null, null), "10.101.200.5");
    Step m = masqueradeStep(t);
    assertThat(m.kind()).isEqualTo(Step.Kind.SNAT);
    assertThat(m.rule()).contains("! -d 10.101.1.0/24");
  }

  @Test
  void bpfMasqueradeRunsInBpfHostAndHonoursTheExclusionCidr() {
    // cilium bpf/lib/nat.h snat_v4_needs_masquerade; config.go IPV4_SNAT_EXCLUSION_DST_CIDR.
    FlowTrace out = trace(settings().withBpfMasquerade(true), "1.1.1.1");
    Step m = masqueradeStep(out);
    assertThat(m.actor()).startsWith("bpf_host to-netdev eth0");
    assertThat(m.kind()).isEqualTo(Step.Kind.SNAT);
    assertThat(m.after().src()).isEqualTo(ip("10.101.0.21"));

    FlowTrace in = trace(settings().withBpfMasquerade(true), "10.101.200.5");
    assertThat(masqueradeStep(in).kind()).isEqualTo(Step.Kind.SKIP);
    assertThat(masqueradeStep(in).rule()).contains("SNAT exclusion CIDR 10.101.0.0/16");
  }

  @Test
  void masqueradeIsPerFamily() {
    // cilium config.go IptablesMasqueradingIPv4Enabled: needs enable-ipv4-masquerade.
    FlowTrace t = trace(settings().withMasquerade(false, true), "1.1.1.1");
    Step m = masqueradeStep(t);
    assertThat(m.kind()).isEqualTo(Step.Kind.SKIP);
    assertThat(m.rule()).contains("enable-ipv4-masquerade=false");
    assertThat(t.forward()).noneMatch(s -> s.kind() == Step.Kind.SNAT);
  }

  @Test
  void masqueradeToRouteSourceReplacesTheCatchAllAndSkipsRoutesWithoutSource() {
    // cilium iptables.go installMasqueradeRules: `r.Src == nil => continue`; no catch-all in this mode.
    FlowTrace t = trace(settings().withMasqueradeToRouteSource(true), "1.1.1.1");
    Step m = masqueradeStep(t);
    assertThat(m.kind()).isEqualTo(Step.Kind.SKIP);
    assertThat(m.rule()).contains("no preferred source");
    assertThat(t.forward()).noneMatch(s -> s.kind() == Step.Kind.SNAT);
  }
}
