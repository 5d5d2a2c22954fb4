package dev.podpath.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.podpath.core.Finding;
import dev.podpath.core.SourceRef;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How Talos files become per-host daemon configs (docs/snapshot.md "Talos"). */
class SnapshotTalosTest {

  @TempDir Path root;

  static final String BIRD2 = """
      apiVersion: v1alpha1
      kind: ExtensionServiceConfig
      name: bird2
      configFiles:
        - mountPath: /usr/local/etc/bird.conf
          content: |
            router id from "dummy0";
      """;

  void write(String rel, String text) throws IOException {
    Path p = root.resolve(rel);
    Files.createDirectories(p.getParent());
    Files.writeString(p, text);
  }

  void nodes(String... names) throws IOException {
    StringBuilder sb = new StringBuilder();
    for (String n : names) {
      sb.append("---\napiVersion: v1\nkind: Node\nmetadata: {name: ").append(n).append("}\n");
    }
    write("kubernetes/nodes.yaml", sb.toString());
    for (String n : names) {
      write("hosts/" + n + "/host.yaml", "name: " + n + "\n");
    }
  }

  @Test
  void allNodesFolderGivesEveryNodeTheConfigUnlessItHasItsOwn() throws IOException {
    nodes("w1", "w2", "w3");
    write("talos/all-nodes/bird2.yaml", BIRD2);
    write("hosts/w2/bird.conf", "router id 10.0.0.2;\n");
    write("talos/w3.yaml", BIRD2.replace("from \"dummy0\"", "10.0.0.3"));
    Snapshot s = SnapshotLoader.load(root);
    assertThat(s.daemonConfigs("w1").get(0).origin()).isEqualTo(SourceRef.of("talos/all-nodes/bird2.yaml", 7));
    assertThat(s.daemonConfigs("w2").get(0).origin()).isEqualTo(SourceRef.of("hosts/w2/bird.conf", 1));
    assertThat(s.daemonConfigs("w3").get(0).text()).contains("10.0.0.3");
    assertThat(s.daemonConfigs()).hasSize(3);
    assertThat(s.findings()).filteredOn(f -> f.code().equals("input/duplicate-daemon-config"))
        .extracting(Finding::host).containsExactlyInAnyOrder("w2", "w3");
  }

  @Test
  void hostnameAttributesAFileAndAnUnknownHostHasNoHostYaml() throws IOException {
    nodes("w1");
    write("talos/machine-a.yaml", "machine:\n  network:\n    hostname: edge1\n---\n" + BIRD2);
    Snapshot s = SnapshotLoader.load(root);
    assertThat(s.daemonConfigs("edge1")).hasSize(1);
    assertThat(s.findings()).extracting(Finding::code, Finding::host)
        .contains(org.assertj.core.groups.Tuple.tuple("input/missing-host-yaml", "edge1"));
  }

  @Test
  void unattributedExtensionConfigIsNotADaemonConfig() throws IOException {
    nodes("w1");
    write("talos/shared.yaml", BIRD2);
    Snapshot s = SnapshotLoader.load(root);
    assertThat(s.daemonConfigs()).isEmpty();
    assertThat(s.findings()).extracting(Finding::code, f -> f.where().file())
        .contains(org.assertj.core.groups.Tuple.tuple("talos/unattributed", "talos/shared.yaml"));
  }

  @Test
  void nodeWithoutHostFolderIsMissingHost() throws IOException {
    write("kubernetes/n.yaml", "apiVersion: v1\nkind: Node\nmetadata: {name: w7}\n");
    Snapshot s = SnapshotLoader.load(root);
    assertThat(s.findings()).extracting(Finding::code, Finding::host, f -> f.where().toString())
        .contains(org.assertj.core.groups.Tuple.tuple("input/missing-host", "w7", "kubernetes/n.yaml:1"));
  }

  @Test
  void nodeAndTalosAddressesMustBeOnTheHostYaml() throws IOException {
    write("kubernetes/n.yaml", "apiVersion: v1\nkind: Node\nmetadata: {name: w1}\nstatus:\n  addresses:\n"
        + "    - {type: Hostname, address: w1}\n    - {type: InternalIP, address: 10.0.0.9}\n");
    write("hosts/w1/host.yaml", "name: w1\ninterfaces:\n  - name: eth0\n    addresses: [10.0.0.1/24]\n");
    write("talos/w1.yaml", "machine:\n  network:\n    interfaces:\n      - interface: eth0\n"
        + "        addresses: [10.0.0.1/24, 10.0.0.2/24]\n");
    assertThat(SnapshotLoader.load(root).findings()).extracting(Finding::code, f -> f.where().toString())
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple("input/node-address-not-on-host", "kubernetes/n.yaml:7"),
            org.assertj.core.groups.Tuple.tuple("talos/address-not-in-host-yaml", "talos/w1.yaml:5"),
            org.assertj.core.groups.Tuple.tuple("input/no-cilium-config", "cilium"));
  }
}
