package dev.podpath.analysis.whatif;

import static org.assertj.core.api.Assertions.assertThat;

import dev.podpath.core.SourceRef;
import dev.podpath.ingest.Snapshot;
import dev.podpath.ingest.SnapshotLoader;
import dev.podpath.ingest.cilium.AgentFlag;
import dev.podpath.ingest.cilium.CiliumConfig;
import dev.podpath.ingest.cilium.CiliumConfigReader;
import dev.podpath.ingest.cilium.CiliumVersion;
import dev.podpath.ingest.yaml.YamlDocument;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ValuesEditorTest {

  private static CiliumConfig read(Snapshot s) {
    return CiliumConfigReader.read(s.ciliumValues(), s.ciliumConfigMap(), CiliumVersion.nearest("1.18", SourceRef.NONE));
  }

  @Test
  void anEditedKeyCitesTheSetThroughItsStandInLine(@TempDir Path dir) throws IOException {
    Files.createDirectories(dir.resolve("cilium"));
    Files.writeString(dir.resolve("cilium/values.yaml"), "bpf:\n  masquerade: false\n  hostLegacyRouting: true\n");
    Snapshot s = SnapshotLoader.load(dir);
    EditedSnapshot e = ValuesEditor.apply(s, List.of((CiliumValue) EditText.parse("cilium.bpf.masquerade=true")));
    CiliumConfig c = read(e.snapshot());
    assertThat(c.bool(AgentFlag.ENABLE_BPF_MASQUERADE)).isTrue();
    SourceRef standIn = c.flag(AgentFlag.ENABLE_BPF_MASQUERADE).source().where();
    assertThat(e.origins()).containsEntry(standIn, SourceRef.file("--set cilium.bpf.masquerade=true"));
    // the untouched sibling keeps its line; the file on disk is unchanged
    assertThat(c.flag(AgentFlag.ENABLE_HOST_LEGACY_ROUTING).source().where()).isEqualTo(SourceRef.of("cilium/values.yaml", 3));
    assertThat(Files.readString(dir.resolve("cilium/values.yaml"))).contains("masquerade: false");
    assertThat(e.notes()).anyMatch(n -> n.code().equals("whatif/value-replaced") && n.message().contains("cilium/values.yaml:2"));
  }

  @Test
  void missingParentsAreCreatedAndAScalarParentIsReplaced() {
    YamlDocument d = new YamlDocument("cilium/values.yaml", 1, Map.of("socketLB", "oops"), Map.of("socketLB", 1));
    YamlDocument out = ValuesEditor.set(d, "socketLB.hostNamespaceOnly", Boolean.FALSE, 500);
    assertThat(out.get("socketLB.hostNamespaceOnly")).isEqualTo(Boolean.FALSE);
    assertThat(out.lineOf("socketLB.hostNamespaceOnly")).isEqualTo(500);
    assertThat(out.lineOf("socketLB")).isEqualTo(500);
    YamlDocument added = ValuesEditor.set(new YamlDocument("v", 1, Map.of(), Map.of()), "a.b.c", 1L, 7);
    assertThat(added.get("a.b.c")).isEqualTo(1L);
  }

  @Test
  void aHelmReleaseIsEditedUnderSpecValues(@TempDir Path dir) throws IOException {
    Files.createDirectories(dir.resolve("cilium"));
    Files.writeString(dir.resolve("cilium/values.yaml"), """
        apiVersion: helm.toolkit.fluxcd.io/v2
        kind: HelmRelease
        metadata:
          name: cilium
        spec:
          chart:
            spec:
              chart: cilium
          values:
            kubeProxyReplacement: true
            socketLB:
              hostNamespaceOnly: true
        """);
    Snapshot s = SnapshotLoader.load(dir);
    EditedSnapshot e = ValuesEditor.apply(s, List.of((CiliumValue) EditText.parse("cilium.socketLB.hostNamespaceOnly=false")));
    assertThat(read(s).bool(AgentFlag.BPF_LB_SOCK_HOSTNS_ONLY)).isTrue();
    assertThat(read(e.snapshot()).bool(AgentFlag.BPF_LB_SOCK_HOSTNS_ONLY)).isFalse();
    assertThat(e.snapshot().ciliumValues().get(0).get("spec.values.socketLB.hostNamespaceOnly")).isEqualTo(Boolean.FALSE);
  }

  @Test
  void theConfigMapKeyTheEditRendersIsRenderedAgainAndOthersStay() {
    Snapshot s = SnapshotLoader.load(Path.of("examples/cluster-101"));
    EditedSnapshot e = ValuesEditor.apply(s, List.of((CiliumValue) EditText.parse("cilium.bpf.masquerade=true")));
    Object data = e.snapshot().ciliumConfigMap().get(0).get("data");
    assertThat(data).isInstanceOf(Map.class);
    assertThat(((Map<?, ?>) data).keySet()).map(String::valueOf)
        .doesNotContain("enable-bpf-masquerade").contains("bpf-lb-sock-hostns-only");
    CiliumConfig c = read(e.snapshot());
    assertThat(c.bool(AgentFlag.ENABLE_BPF_MASQUERADE)).isTrue();
    assertThat(c.flag(AgentFlag.BPF_LB_SOCK_HOSTNS_ONLY).source().where().file()).isEqualTo("cilium/cilium-config.yaml");
    assertThat(e.notes()).anyMatch(n -> n.code().equals("whatif/configmap-rerendered")
        && n.message().contains("enable-bpf-masquerade") && n.where().file().startsWith("--set"));
  }
}
