package dev.podpath.ingest.cilium;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.podpath.core.InputException;
import dev.podpath.core.SourceRef;
import dev.podpath.ingest.yaml.YamlReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CiliumConfigReaderTest {

  private static CiliumConfig values(String text) {
    return CiliumConfigReader.read(YamlReader.read(text, CiliumConfigReader.VALUES_FILE), null, CiliumVersion.V1_18);
  }

  private static CiliumConfig both(String values, String configMap) {
    return CiliumConfigReader.read(YamlReader.read(values, CiliumConfigReader.VALUES_FILE),
        YamlReader.read(configMap, CiliumConfigReader.CONFIGMAP_FILE), CiliumVersion.V1_18);
  }

  private static String problem(Runnable r) {
    try {
      r.run();
    } catch (InputException e) {
      return e.problems().get(0).toString();
    }
    throw new AssertionError("expected an InputException");
  }

  @Test
  void helmReleaseValuesKeepTheirLinesInTheFile() {
    CiliumConfig c = values("""
        ---
        apiVersion: source.toolkit.fluxcd.io/v1
        kind: OCIRepository
        metadata:
          name: cilium
        ---
        apiVersion: helm.toolkit.fluxcd.io/v2
        kind: HelmRelease
        metadata:
          name: cilium
        spec:
          values:
            routingMode: native
            autoDirectNodeRoutes: true
            ipv4NativeRoutingCIDR: 10.0.0.0/8
        """);
    FlagValue adnr = c.flag(AgentFlag.AUTO_DIRECT_NODE_ROUTES);
    assertThat(adnr.value()).isEqualTo(true);
    assertThat(adnr.source()).isEqualTo(new FlagSource.HelmValue("autoDirectNodeRoutes", SourceRef.of("cilium/values.yaml", 14)));
    assertThat(c.string(AgentFlag.ROUTING_MODE)).isEqualTo("native");
    assertThat(c.prefix(AgentFlag.IPV4_NATIVE_ROUTING_CIDR)).hasToString("10.0.0.0/8");
    assertThat(c.findings()).isEmpty();
  }

  @Test
  void helmReleaseValuesFromIsReportedAndMissingValuesMeanDefaults() {
    CiliumConfig c = values("""
        apiVersion: helm.toolkit.fluxcd.io/v2
        kind: HelmRelease
        metadata:
          name: cilium
        spec:
          valuesFrom:
            - kind: ConfigMap
              name: cilium-values
        """);
    assertThat(c.findings()).extracting(f -> f.where().line() + " " + f.code())
        .containsExactly("6 cilium/helm-values-from");
    assertThat(c.flag(AgentFlag.ROUTING_MODE).source()).isInstanceOf(FlagSource.ChartDefault.class);
    assertThat(problem(() -> values("kind: HelmRelease\nspec:\n  values: [a]\n")))
        .isEqualTo("cilium/values.yaml:3: spec.values must be a map of Helm values");
  }

  @Test
  void configMapWinsPerKeyAndPointsAtItsLine() {
    CiliumConfig c = both("""
        kubeProxyReplacement: false
        socketLB:
          enabled: true
        """, """
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: cilium-config
          namespace: kube-system
        data:
          kube-proxy-replacement: "true"
          some-key-podpath-does-not-model: "x"
        """);
    assertThat(c.string(AgentFlag.KUBE_PROXY_REPLACEMENT)).isEqualTo("true");
    assertThat(c.flag(AgentFlag.KUBE_PROXY_REPLACEMENT).source())
        .isEqualTo(new FlagSource.ConfigMapKey("kube-proxy-replacement", SourceRef.of("cilium/cilium-config.yaml", 7)));
    assertThat(c.flag(AgentFlag.BPF_LB_SOCK).source().where()).isEqualTo(SourceRef.of("cilium/values.yaml", 3));
  }

  @Test
  void chartAndAgentDefaultsAreNamedAsSuch() {
    CiliumConfig c = values("ipv6:\n  enabled: true\n");
    assertThat(c.flag(AgentFlag.ROUTING_MODE).source()).isEqualTo(new FlagSource.ChartDefault("routingMode", CiliumVersion.V1_18));
    assertThat(c.string(AgentFlag.ROUTING_MODE)).isEqualTo("tunnel");
    assertThat(c.flag(AgentFlag.ENABLE_BPF_MASQUERADE).source()).isEqualTo(new FlagSource.AgentDefault(CiliumVersion.V1_18));
    assertThat(c.bool(AgentFlag.ENABLE_IPV4_MASQUERADE)).isTrue();
    assertThat(c.string(AgentFlag.IPAM)).isEqualTo("cluster-pool");
  }

  @Test
  void chainingModeRendersLegacyRoutingAndNoLocalNodeRoute() {
    CiliumConfig c = values("cni:\n  chainingMode: aws-cni\n");
    assertThat(c.bool(AgentFlag.ENABLE_HOST_LEGACY_ROUTING)).isTrue();
    assertThat(c.bool(AgentFlag.ENABLE_LOCAL_NODE_ROUTE)).isFalse();
  }

  @Test
  void unknownHelmKeysWarnAtTheirLine() {
    CiliumConfig c = values("""
        routingMode: native
        ipv4NativeRoutingCIDR: 10.0.0.0/8
        bpf:
          lbMode: snat
          distributedLRU.enabled: true
        notAChartKey: 1
        hubble:
          anything: goes
        """);
    assertThat(c.findings()).extracting(f -> f.where().line() + " " + f.code())
        .containsExactly("4 cilium/unknown-helm-key", "5 cilium/unknown-helm-key", "6 cilium/unknown-helm-key");
    assertThat(c.findings().get(1).message()).contains("dotted key");
  }

  @Test
  void wrongValueTypesAreInputErrorsWithFileAndLine() {
    assertThat(problem(() -> values("autoDirectNodeRoutes:\n  enabled: true\n")))
        .isEqualTo("cilium/values.yaml:1: autoDirectNodeRoutes: expected true or false, found a map");
    assertThat(problem(() -> values("routingMode: native\nipv6NativeRoutingCIDR: \"fd00:101::\"\n")))
        .isEqualTo("cilium/values.yaml:2: ipv6NativeRoutingCIDR: 'fd00:101::' is not a CIDR (address/length)");
    assertThat(problem(() -> values("ipv4NativeRoutingCIDR: ${CLUSTER_CIDR}\n")))
        .startsWith("cilium/values.yaml:1: ipv4NativeRoutingCIDR:");
    assertThat(problem(() -> values("MTU: big\n"))).isEqualTo("cilium/values.yaml:1: MTU: expected an integer, found 'big'");
    assertThat(problem(() -> values("- a\n- b\n"))).startsWith("cilium/values.yaml:1: Helm values must be a YAML map");
  }

  @Test
  void anythingButTheCiliumConfigMapIsRefused() {
    assertThat(problem(() -> both("{}", "apiVersion: v1\nkind: Secret\nmetadata:\n  name: cilium-config\n")))
        .isEqualTo("cilium/cilium-config.yaml:2: expected kind ConfigMap (kube-system/cilium-config), found kind Secret");
    assertThat(problem(() -> both("{}", "kind: ConfigMap\nmetadata:\n  name: other\n")))
        .isEqualTo("cilium/cilium-config.yaml:3: expected the ConfigMap named cilium-config, found 'other'");
    assertThat(problem(() -> both("{}", "kind: ConfigMap\nmetadata:\n  name: cilium-config\n  namespace: cilium\n")))
        .isEqualTo("cilium/cilium-config.yaml:4: expected cilium-config in namespace kube-system, found 'cilium'");
    assertThat(problem(() -> both("{}", "kind: ConfigMap\nmetadata:\n  name: cilium-config\ndata:\n  enable-ipv6: maybe\n")))
        .isEqualTo("cilium/cilium-config.yaml:5: enable-ipv6: expected true or false, found 'maybe'");
  }

  @Test
  void emptyDocumentListsMeanAbsentInputsAndKubernetesConfigMapsMayBeElsewhere() {
    CiliumConfig none = CiliumConfigReader.read(java.util.List.of(), java.util.List.of(), CiliumVersion.V1_18);
    assertThat(none.helmGiven()).isFalse();
    assertThat(none.flag(AgentFlag.ROUTING_MODE).source()).isInstanceOf(FlagSource.AgentDefault.class);
    // handed over by the snapshot loader from kubernetes/ (it warns about the namespace itself)
    CiliumConfig fromManifests = CiliumConfigReader.read(null,
        YamlReader.read("kind: ConfigMap\nmetadata:\n  name: cilium-config\n  namespace: cilium\ndata:\n  routing-mode: native\n",
            "kubernetes/cilium.yaml"), CiliumVersion.V1_18);
    assertThat(fromManifests.flag(AgentFlag.ROUTING_MODE).source().where()).isEqualTo(SourceRef.of("kubernetes/cilium.yaml", 6));
  }

  @Test
  void readsTheSnapshotDirectory(@TempDir Path dir) throws IOException {
    assertThat(CiliumConfigReader.read(dir, CiliumVersion.V1_17).findings())
        .extracting(f -> f.code()).containsExactly("cilium/no-config");
    Files.createDirectories(dir.resolve("cilium"));
    Files.writeString(dir.resolve("cilium/values.yaml"), "# comment\nkubeProxyReplacement: true\n");
    CiliumConfig c = CiliumConfigReader.read(dir, CiliumVersion.V1_17);
    assertThat(c.version()).isEqualTo(CiliumVersion.V1_17);
    assertThat(c.flag(AgentFlag.KUBE_PROXY_REPLACEMENT).source().where()).isEqualTo(SourceRef.of("cilium/values.yaml", 2));
  }

  @Test
  void versionsParseFromSnapshotText() {
    SourceRef at = SourceRef.of("snapshot.yaml", 2);
    assertThat(CiliumVersion.parse("1.18", at)).isEqualTo(CiliumVersion.V1_18);
    assertThat(CiliumVersion.parse("1.18.6", at)).isEqualTo(CiliumVersion.V1_18);
    assertThat(CiliumVersion.parse("v1.16.3", at)).isEqualTo(CiliumVersion.V1_16);
    assertThatThrownBy(() -> CiliumVersion.parse("1.15", at)).isInstanceOf(InputException.class)
        .hasMessage("snapshot.yaml:2: unsupported ciliumVersion '1.15': podpath models 1.16, 1.17 and 1.18");
    assertThat(CiliumVersion.nearest("1.15.2", at)).isEqualTo(CiliumVersion.V1_16);
    assertThat(CiliumVersion.nearest("1.19", at)).isEqualTo(CiliumVersion.V1_18);
    assertThat(CiliumVersion.nearest("1.17.4", at)).isEqualTo(CiliumVersion.V1_17);
    assertThatThrownBy(() -> CiliumVersion.nearest("latest", at)).isInstanceOf(InputException.class)
        .hasMessage("snapshot.yaml:2: ciliumVersion must look like 1.18 or 1.18.6, got 'latest'");
  }
}
