package dev.podpath.model.cilium;

import static org.assertj.core.api.Assertions.assertThat;

import dev.podpath.core.Severity;
import dev.podpath.ingest.cilium.AgentFlag;
import dev.podpath.ingest.cilium.CiliumConfig;
import dev.podpath.ingest.cilium.CiliumConfigReader;
import dev.podpath.ingest.cilium.CiliumVersion;
import dev.podpath.ingest.cilium.FlagSource;
import dev.podpath.ingest.yaml.YamlReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The founding case's values.yaml (seed/coredns-clusterip-bgp.md): the operator saw the agent run. */
class SeedValuesTest {

  private static String seedText() throws IOException {
    try (InputStream in = SeedValuesTest.class.getResourceAsStream("/dev/podpath/cilium/seed-values.yaml")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private static AgentStartupResult seed() throws IOException {
    return evaluate(seedText());
  }

  private static AgentStartupResult evaluate(String text) {
    CiliumConfig config = CiliumConfigReader.read(YamlReader.read(text, CiliumConfigReader.VALUES_FILE), null, CiliumVersion.parse("1.18.6", null));
    return AgentStartup.evaluate(config);
  }

  @Test
  void rendersWhatTheOperatorSawInTheLiveConfigMap() throws IOException {
    // seed "Evidence 1": kubectl get cm cilium-config | grep ...
    CiliumConfig c = seed().config();
    assertThat(c.string(AgentFlag.AUTO_DIRECT_NODE_ROUTES)).isEqualTo("false");
    assertThat(c.string(AgentFlag.DIRECT_ROUTING_SKIP_UNREACHABLE)).isEqualTo("false");
    assertThat(c.string(AgentFlag.ENABLE_BPF_MASQUERADE)).isEqualTo("false");
    assertThat(c.string(AgentFlag.BPF_LB_SOCK)).isEqualTo("true");
    assertThat(c.string(AgentFlag.BPF_LB_SOCK_HOSTNS_ONLY)).isEqualTo("true");
    assertThat(c.string(AgentFlag.KUBE_PROXY_REPLACEMENT)).isEqualTo("true");
  }

  @Test
  void theOperatorsAttemptWithSkipUnreachableLeftOnIsFatalAtThatLine() throws IOException {
    String attempt = seedText().replace("directRoutingSkipUnreachable: false", "directRoutingSkipUnreachable: true");
    AgentStartupResult r = evaluate(attempt);
    assertThat(r.startupFails()).isTrue();
    assertThat(r.findings()).filteredOn(f -> f.severity() == Severity.ERROR)
        .extracting(f -> f.where() + " " + f.code())
        .containsExactly("cilium/values.yaml:43 cilium/direct-routing-skip-unreachable-needs-adnr");
    // the configuration that worked before BGP: ADNR on, skip-unreachable on
    String before = attempt.replace("autoDirectNodeRoutes: false", "autoDirectNodeRoutes: true");
    assertThat(evaluate(before).startupFails()).isFalse();
  }

  @Test
  void passesTheAgentsValidation() throws IOException {
    AgentStartupResult r = seed();
    assertThat(r.startupFails()).isFalse();
    assertThat(r.findings()).noneMatch(f -> f.severity() == Severity.ERROR);
  }

  @Test
  void iptablesMasqueradeForIpv6AndLegacyHostRoutingStays() throws IOException {
    AgentStartupResult r = seed();
    AgentSettings e = r.effective();
    assertThat(e.iptablesMasqueradingIpv6()).isTrue();
    assertThat(e.iptablesMasqueradingIpv4()).isFalse();
    assertThat(e.hostLegacyRouting()).isTrue();
    // written true already, so the agent's fallback log never appears
    assertThat(ExpectMarkers.codes(r)).doesNotContain("cilium/bpf-host-routing-needs-bpf-masquerade");
    assertThat(e.socketLb()).isTrue();
    assertThat(e.socketLbHostnsOnly()).isTrue();
    assertThat(e.routingMode()).isEqualTo(RoutingMode.NATIVE);
    assertThat(e.autoDirectNodeRoutes()).isFalse();
    assertThat(e.ipv6NativeRoutingCidr()).hasToString("fd00:101::/48");
    assertThat(e.bgpControlPlane()).isTrue();
    assertThat(e.k8sServiceHost()).isEqualTo("localhost");
    assertThat(e.k8sServicePort()).isEqualTo("7445");
  }

  @Test
  void showsWhatTheAgentChangesAndWhatTheChartIgnores() throws IOException {
    AgentStartupResult r = seed();
    assertThat(r.differences()).extracting(SettingDifference::flag).containsExactly("k8s-require-ipv4-pod-cidr");
    SettingDifference d = r.differences().get(0);
    assertThat(d.written()).isEqualTo("false");
    assertThat(d.effective()).isEqualTo("true");
    assertThat(d.ruleId()).isEqualTo("cilium/ipam-requires-pod-cidr");
    assertThat(d.writtenBy()).isInstanceOf(FlagSource.AgentDefault.class);
    // lower-case mtu and bpf.lbMode are not chart keys: the chart ignores them
    assertThat(r.findings()).filteredOn(f -> f.code().equals("cilium/unknown-helm-key"))
        .extracting(f -> f.where().line()).containsExactly(49, 60);
    assertThat(r.effective().mtu()).isZero();
    assertThat(r.config().flag(AgentFlag.BPF_LB_MODE).source()).isInstanceOf(FlagSource.AgentDefault.class);
    assertThat(r.config().flag(AgentFlag.ENABLE_HOST_LEGACY_ROUTING).source().where().line()).isEqualTo(68);
  }
}
