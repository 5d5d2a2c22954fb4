package dev.podpath.ingest.collect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.podpath.core.InputException;
import dev.podpath.ingest.Snapshot;
import dev.podpath.ingest.SnapshotLoader;
import dev.podpath.ingest.kubernetes.KubeObject;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import dev.podpath.testing.SnapshotCopy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Against fabric8's mock API server in CRUD mode, loaded with the objects of examples/cluster-101. */
@EnableKubernetesMockClient(crud = true)
class LiveCollectorTest {

  static final Path EXAMPLE = Path.of("examples/cluster-101");

  KubernetesMockServer server;
  KubernetesClient client;

  @BeforeEach
  void loadTheExampleIntoTheApiServer() throws IOException {
    ExampleApiServer.load(client, EXAMPLE);
  }

  @Test
  void theCollectedObjectsLoadAsTheExamplesOwnAndNoSecretIsRead(@TempDir Path tmp) throws IOException {
    List<String> progress = new ArrayList<>();
    Path out = tmp.resolve("live");

    CollectedSnapshot result = new LiveCollector(client, progress::add).collect(out, "live");

    Snapshot original = SnapshotLoader.load(EXAMPLE);
    assertThat(result.ciliumVersion()).contains("1.18.6");
    assertThat(result.counts()).containsEntry("Node", original.kubernetes().nodes().size())
        .containsEntry("CiliumBGPClusterConfig", original.kubernetes().bgpClusterConfigs().size())
        .containsEntry("CiliumBGPNodeConfigOverride", original.kubernetes().bgpNodeConfigOverrides().size());
    assertThat(progress).isNotEmpty();
    assertThat(result.notes()).anyMatch(n -> n.startsWith("hosts/NAME/host.yaml"));

    // the operator adds what lives on the hosts (and the Helm values, which the API does not keep)
    SnapshotCopy.copy(EXAMPLE.resolve("hosts"), out.resolve("hosts"));
    Files.copy(EXAMPLE.resolve("cilium/values.yaml"), out.resolve("cilium/values.yaml"));
    Snapshot live = SnapshotLoader.load(out);

    assertThat(names(live.kubernetes().nodes())).isEqualTo(names(original.kubernetes().nodes()));
    assertThat(names(live.kubernetes().services())).isEqualTo(names(original.kubernetes().services()));
    assertThat(names(live.kubernetes().pods())).isEqualTo(names(original.kubernetes().pods()));
    assertThat(live.kubernetes().bgpPeerConfigs()).hasSameSizeAs(original.kubernetes().bgpPeerConfigs());
    assertThat(live.ciliumVersion()).isEqualTo("1.18.6");
    assertThat(live.findings()).noneMatch(f -> f.code().startsWith("input/unsupported-api-version") || f.code().equals("input/not-a-kubernetes-object"));
    try (Stream<Path> all = Files.walk(out)) {
      assertThat(all.filter(Files::isRegularFile).map(LiveCollectorTest::read).filter(s -> s.contains(ExampleApiServer.SECRET_VALUE))).isEmpty();
    }
  }

  @Test
  void anAbsentCrdIsANoteAndAnOlderServedVersionIsRead(@TempDir Path tmp) {
    for (String v : List.of("v2", "v2alpha1")) {
      server.expect().get().withPath("/apis/cilium.io/" + v + "/ciliumloadbalancerippools").andReturn(404, "").always();
    }
    server.expect().get().withPath("/apis/cilium.io/v2/ciliumbgpclusterconfigs").andReturn(404, "").always();

    CollectedSnapshot result = new LiveCollector(client, s -> {}).collect(tmp.resolve("s"), "s");

    assertThat(result.counts()).doesNotContainKey("CiliumLoadBalancerIPPool");
    assertThat(result.notes()).anyMatch(n -> n.startsWith("CiliumLoadBalancerIPPool: not installed"));
    // v2 refused, v2alpha1 served (empty in this server: the example's object is a v2 one)
    assertThat(result.counts()).containsEntry("CiliumBGPClusterConfig", 0);
    assertThat(result.notes()).noneMatch(n -> n.startsWith("CiliumBGPClusterConfig"));
  }

  @Test
  void aFolderWithFilesIsRefusedAndLeftAlone(@TempDir Path tmp) throws IOException {
    Files.writeString(tmp.resolve("keep.txt"), "mine");
    assertThatThrownBy(() -> new LiveCollector(client, s -> {}).collect(tmp, "x"))
        .isInstanceOf(InputException.class).hasMessageContaining("is not empty");
    try (Stream<Path> s = Files.list(tmp)) {
      assertThat(s.map(p -> p.getFileName().toString())).containsExactly("keep.txt");
    }
  }

  private static String read(Path p) {
    try {
      return Files.readString(p);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static List<String> names(List<? extends KubeObject<?>> objects) {
    return objects.stream().map(o -> o.namespace() + "/" + o.name()).sorted().toList();
  }
}
