package dev.podpath.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.podpath.core.Finding;
import dev.podpath.core.InputException;
import dev.podpath.core.InputProblem;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One test per kind of bad input (issue 2): each names the file:line and says what is wrong. */
class SnapshotBadInputTest {

  @TempDir Path root;

  private static final String NODE = """
      apiVersion: v1
      kind: Node
      metadata:
        name: %s
      spec:
        podCIDRs: [%s]
      """;

  void write(String rel, String text) throws IOException {
    Path p = root.resolve(rel);
    Files.createDirectories(p.getParent());
    Files.writeString(p, text);
  }

  List<String> problems() {
    InputException e = catchThrowableOfType(InputException.class, () -> SnapshotLoader.load(root));
    assertThat(e).as("an InputException").isNotNull();
    return e.problems().stream().map(InputProblem::toString).toList();
  }

  List<Finding> findings() {
    return SnapshotLoader.load(root).findings();
  }

  @Test
  void malformedYaml() throws IOException {
    write("kubernetes/bad.yaml", "apiVersion: v1\nkind: Node\nmetadata: {name: [w1\n");
    assertThat(problems()).singleElement().asString().startsWith("kubernetes/bad.yaml:").contains("invalid YAML");
  }

  @Test
  void wrongTypeIsReportedAtTheOffendingKey() throws IOException {
    write("kubernetes/n.yaml", "apiVersion: v1\nkind: Node\nmetadata:\n  name: w1\nspec:\n  podCIDRs: fd00::/64\n");
    assertThat(problems()).containsExactly(
        "kubernetes/n.yaml:6: 'spec.podCIDRs' has the wrong type for a Node: expected a list, found text");
  }

  @Test
  void invalidCidrInANode() throws IOException {
    write("kubernetes/n.yaml", NODE.formatted("w1", "fd00::zz/64"));
    assertThat(problems()).singleElement().asString()
        .startsWith("kubernetes/n.yaml:6: 'spec.podCIDRs[0]': invalid CIDR");
  }

  @Test
  void invalidAddressInHostYamlNeedsAPrefixLength() throws IOException {
    write("hosts/w1/host.yaml", "name: w1\ninterfaces:\n  - name: eth0\n    addresses: [10.0.0.1]\n");
    assertThat(problems()).singleElement().asString()
        .isEqualTo("hosts/w1/host.yaml:4: 'interfaces[0].addresses[0]': invalid interface address:"
            + " '10.0.0.1' needs a prefix length (e.g. /64)");
  }

  @Test
  void duplicateNodeNamesAcrossFiles() throws IOException {
    write("kubernetes/a.yaml", NODE.formatted("w1", "fd00:1::/64"));
    write("kubernetes/b.yaml", NODE.formatted("w1", "fd00:2::/64"));
    assertThat(problems()).containsExactly("kubernetes/b.yaml:4: duplicate Node 'w1' (first at kubernetes/a.yaml:1)");
  }

  @Test
  void hostNameMustEqualItsFolder() throws IOException {
    write("hosts/w1/host.yaml", "name: w2\n");
    assertThat(problems()).containsExactly("hosts/w1/host.yaml:1: host name 'w2' must equal its folder name 'w1'");
  }

  @Test
  void duplicateHostFoldersThatDifferOnlyInCase() throws IOException {
    write("hosts/w1/host.yaml", "name: w1\n");
    write("hosts/W1/host.yaml", "name: W1\n");
    assertThat(problems()).singleElement().asString().contains("duplicate host").contains("differ only in letter case");
  }

  @Test
  void ciliumConfigMustBeKubeSystemCiliumConfig() throws IOException {
    write("cilium/cilium-config.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cilium-config\n"
        + "  namespace: default\ndata: {}\n");
    assertThat(problems()).containsExactly("cilium/cilium-config.yaml:5: cilium/cilium-config.yaml must be the"
        + " ConfigMap kube-system/cilium-config (kubectl get cm -n kube-system cilium-config -o yaml), found"
        + " ConfigMap default/cilium-config");
  }

  @Test
  void fileThatIsNotUtf8IsUnreadable() throws IOException {
    Files.createDirectories(root.resolve("kubernetes"));
    Files.write(root.resolve("kubernetes/x.yaml"), new byte[] {'a', ':', ' ', (byte) 0xff, (byte) 0xfe});
    assertThat(problems()).containsExactly("kubernetes/x.yaml: file is not UTF-8 text");
  }

  @Test
  void knownNameWithTheWrongFileType() throws IOException {
    Files.createDirectories(root.resolve("snapshot.yaml"));
    Files.writeString(root.resolve("hosts"), "not a folder");
    assertThat(problems()).containsExactly("hosts: hosts must be a folder", "snapshot.yaml: snapshot.yaml must be a file");
  }

  @Test
  void snapshotPathMissingOrNotADirectory() throws IOException {
    Path missing = root.resolve("nope");
    assertThatThrownBy(() -> SnapshotLoader.load(missing)).isInstanceOf(InputException.class)
        .hasMessageContaining("does not exist");
    Path file = Files.writeString(root.resolve("file"), "x");
    assertThatThrownBy(() -> SnapshotLoader.load(file)).isInstanceOf(InputException.class)
        .hasMessageContaining("is not a directory");
  }

  @Test
  void symlinkOutOfTheSnapshotIsRefused(@TempDir Path outside) throws IOException {
    Path secret = Files.writeString(outside.resolve("secret.yaml"), "apiVersion: v1\nkind: Namespace\n");
    Files.createDirectories(root.resolve("kubernetes"));
    Files.createSymbolicLink(root.resolve("kubernetes/link.yaml"), secret);
    assertThat(problems()).singleElement().asString()
        .startsWith("kubernetes/link.yaml: symlink points outside the snapshot");
  }

  @Test
  void symlinkInsideTheSnapshotIsRead() throws IOException {
    write("shared/ns.yaml", "apiVersion: v1\nkind: Namespace\nmetadata: {name: a}\n");
    Files.createDirectories(root.resolve("kubernetes"));
    Files.createSymbolicLink(root.resolve("kubernetes/ns.yaml"), root.resolve("shared/ns.yaml"));
    assertThat(SnapshotLoader.load(root).kubernetes().namespaces()).hasSize(1);
  }

  @Test
  void fileOverTheSizeLimitIsRefused() throws IOException {
    Files.createDirectories(root.resolve("kubernetes"));
    try (RandomAccessFile f = new RandomAccessFile(root.resolve("kubernetes/huge.yaml").toFile(), "rw")) {
      f.setLength(17L * 1024 * 1024); // sparse: no real disk use
    }
    assertThat(problems()).singleElement().asString().startsWith("kubernetes/huge.yaml: file is")
        .contains("over the 16777216-byte limit");
  }

  @Test
  void allProblemsOfASnapshotComeAtOnceSortedByFile() throws IOException {
    write("kubernetes/n.yaml", NODE.formatted("w1", "not-a-cidr") + "---\n" + NODE.formatted("w2", "fd00::1/64"));
    write("hosts/w1/host.yaml", "name: w1\nroutes:\n  - to: 10.0.0.0/8\n    via: fd00::1\n    type: multicast\n");
    write("talos/w1.yaml", "cluster:\n  network:\n    podSubnets: [10.244.0.0/33]\n");
    List<String> p = problems();
    assertThat(p).hasSize(4);
    assertThat(p.get(0)).startsWith("hosts/w1/host.yaml:5: route type 'multicast'");
    assertThat(p.get(1)).startsWith("kubernetes/n.yaml:6: 'spec.podCIDRs[0]': invalid CIDR");
    assertThat(p.get(2)).startsWith("kubernetes/n.yaml:13: 'spec.podCIDRs[0]': invalid CIDR").contains("host bits");
    assertThat(p.get(3)).startsWith("talos/w1.yaml:3: 'cluster.network.podSubnets[0]': invalid CIDR");
  }

  @Test
  void hostFolderWithBirdConfButNoHostYamlIsAFinding() throws IOException {
    write("kubernetes/n.yaml", NODE.formatted("w1", "fd00:1::/64"));
    write("hosts/w1/bird.conf", "router id 10.0.0.1;\n");
    assertThat(findings()).extracting(Finding::code, Finding::message, f -> f.where().toString())
        .contains(org.assertj.core.groups.Tuple.tuple("input/missing-host-yaml",
            "no host.yaml for node w1: its routes are unknown", "hosts/w1"));
  }

  @Test
  void unknownTopLevelFileIsInfo() throws IOException {
    write("values.yaml", "a: 1\n");
    write("README.md", "people read this\n");
    assertThat(findings()).extracting(Finding::code, f -> f.where().toString())
        .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("input/unknown-file", "values.yaml"),
            org.assertj.core.groups.Tuple.tuple("input/no-cilium-config", "cilium"));
  }

  @Test
  void emptyFolderLoadsWithAWarningAboutCilium() {
    Snapshot s = SnapshotLoader.load(root);
    assertThat(s.ciliumVersion()).isEqualTo("1.18");
    assertThat(s.name()).isEqualTo(root.getFileName().toString());
    assertThat(s.findings()).extracting(Finding::code).containsExactly("input/no-cilium-config");
  }

  @Test
  void ciliumVersionIsReadAsWritten() throws IOException {
    write("snapshot.yaml", "ciliumVersion: 1.20\n");
    Snapshot s = SnapshotLoader.load(root);
    assertThat(s.ciliumVersion()).as("not the float 1.2").isEqualTo("1.20");
    assertThat(s.findings()).extracting(Finding::code).contains("input/unsupported-cilium-version");
    write("snapshot.yaml", "ciliumVersion: latest\n");
    assertThat(problems()).containsExactly("snapshot.yaml:1: ciliumVersion must look like 1.18 or 1.18.6, got 'latest'");
  }

  @Test
  void nonUtf8ContentIsNotAStackTrace() throws IOException {
    Files.createDirectories(root.resolve("hosts/w1"));
    Files.write(root.resolve("hosts/w1/bird.conf"), "router id \u00e9;".getBytes(StandardCharsets.ISO_8859_1));
    assertThat(problems()).containsExactly("hosts/w1/bird.conf: file is not UTF-8 text");
  }

  @Test
  void ciliumConfigMapUnderKubernetesIsTheCiliumInputUnlessCiliumFolderHasOne() throws IOException {
    String cm = "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: cilium-config, namespace: kube-system}\n"
        + "data: {routing-mode: native}\n";
    write("kubernetes/cm.yaml", cm);
    Snapshot s = SnapshotLoader.load(root);
    assertThat(s.ciliumConfigMap()).singleElement().extracting(d -> d.file()).isEqualTo("kubernetes/cm.yaml");
    assertThat(s.findings()).extracting(Finding::code).doesNotContain("input/no-cilium-config");
    write("cilium/cilium-config.yaml", cm);
    s = SnapshotLoader.load(root);
    assertThat(s.ciliumConfigMap()).singleElement().extracting(d -> d.file()).isEqualTo("cilium/cilium-config.yaml");
    assertThat(s.findings()).extracting(Finding::code).contains("input/duplicate-cilium-config");
  }

  @Test
  void symlinkedFoldersAreNotFollowedAndRefusedWhenOutside(@TempDir Path outside) throws IOException {
    Files.createDirectories(root.resolve("real/w1"));
    Files.writeString(root.resolve("real/w1/host.yaml"), "name: w1\n");
    Files.createDirectories(root.resolve("hosts"));
    Files.createSymbolicLink(root.resolve("hosts/w1"), root.resolve("real/w1"));
    assertThat(findings()).extracting(Finding::code, f -> f.where().toString())
        .contains(org.assertj.core.groups.Tuple.tuple("input/symlinked-folder", "hosts/w1"));
    Files.createSymbolicLink(root.resolve("kubernetes"), outside);
    assertThat(problems()).singleElement().asString().startsWith("kubernetes: symlink points outside the snapshot");
  }

  @Test
  void unreadableFileIsAProblem() throws IOException {
    write("hosts/w1/host.yaml", "name: w1\n");
    Path f = root.resolve("hosts/w1/host.yaml");
    boolean denied = f.toFile().setReadable(false, false) && !Files.isReadable(f);
    org.junit.jupiter.api.Assumptions.assumeTrue(denied, "running as root: permissions are not enforced");
    assertThat(problems()).containsExactly("hosts/w1/host.yaml: cannot read file: permission denied");
  }

  @Test
  void kubectlJsonListIsReadWithLines() throws IOException {
    write("kubernetes/nodes.json", """
        {
          "apiVersion": "v1",
          "kind": "List",
          "items": [
            {
              "apiVersion": "v1",
              "kind": "Node",
              "metadata": {"name": "w1"},
              "spec": {"podCIDRs": ["10.244.1.0/24"]}
            }
          ]
        }
        """);
    write("hosts/w1/host.yaml", "name: w1\n");
    var node = SnapshotLoader.load(root).kubernetes().node("w1").orElseThrow();
    assertThat(node.where().toString()).isEqualTo("kubernetes/nodes.json:5");
    assertThat(node.refOf("spec.podCIDRs[0]").line()).isEqualTo(9);
  }
}
