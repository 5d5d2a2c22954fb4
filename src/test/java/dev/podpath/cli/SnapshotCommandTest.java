package dev.podpath.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.podpath.ingest.collect.ExampleApiServer;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Stream;
import dev.podpath.testing.SnapshotCopy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@EnableKubernetesMockClient(crud = true)
class SnapshotCommandTest {

  static final Path EXAMPLE = Path.of("examples/cluster-101");
  static final ObjectMapper JSON = new ObjectMapper();

  KubernetesClient client;

  @Test
  void aCollectedSnapshotPlusTheHostFilesGivesTheExamplesDiagnosis(@TempDir Path tmp) throws IOException {
    ExampleApiServer.load(client, EXAMPLE);
    Path out = tmp.resolve("live");

    CliRun run = CliRun.of("snapshot", "--kubeconfig", kubeconfig(tmp, client.getConfiguration().getMasterUrl()).toString(), "-o", out.toString());

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).contains("Wrote " + out).contains("Cilium version: 1.18.6").contains("note: hosts/NAME/host.yaml");
    assertThat(run.err()).contains("get/list only").doesNotContain("\tat ");
    SnapshotCopy.copy(EXAMPLE.resolve("hosts"), out.resolve("hosts"));
    Files.copy(EXAMPLE.resolve("cilium/values.yaml"), out.resolve("cilium/values.yaml"));

    JsonNode live = JSON.readTree(CliRun.of("check", "--format", "json", out.toString()).out());
    JsonNode original = JSON.readTree(CliRun.of("check", "--format", "json", EXAMPLE.toString()).out());
    assertThat(live.get("verdict")).isEqualTo(original.get("verdict"));
    assertThat(verdicts(live)).isEqualTo(verdicts(original)).hasSize(58);
    assertThat(codes(live)).isEqualTo(codes(original));
  }

  @Test
  void anUnreachableApiServerIsExitTwoAndWritesNothing(@TempDir Path tmp) throws IOException {
    Path out = tmp.resolve("never");
    CliRun run = CliRun.of("snapshot", "--kubeconfig", kubeconfig(tmp, "http://127.0.0.1:1").toString(), "-o", out.toString());
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("cannot read from the cluster").doesNotContain("\tat ");
    try (Stream<Path> s = Files.list(tmp)) {
      assertThat(s.map(p -> p.getFileName().toString())).containsExactly("kubeconfig");
    }
  }

  private static List<String> verdicts(JsonNode check) {
    List<String> v = new ArrayList<>();
    check.get("intents").forEach(i -> v.add(i.get("name").asText() + "=" + i.get("verdict").asText()));
    return v.stream().sorted().toList();
  }

  private static TreeSet<String> codes(JsonNode check) {
    TreeSet<String> c = new TreeSet<>();
    // input/* findings name files, which differ between the two folders by design (one file per kind here)
    check.get("findings").forEach(f -> {
      if (!f.get("code").asText().startsWith("input/")) {
        c.add(f.get("code").asText() + " " + f.get("host").asText());
      }
    });
    return c;
  }

  private static Path kubeconfig(Path dir, String server) throws IOException {
    Path k = dir.resolve("kubeconfig");
    Files.writeString(k, """
        apiVersion: v1
        kind: Config
        clusters:
        - name: test
          cluster:
            server: %s
            insecure-skip-tls-verify: true
        contexts:
        - name: test
          context:
            cluster: test
            user: test
            namespace: default
        current-context: test
        users:
        - name: test
          user:
            token: not-a-secret
        """.formatted(server));
    return k;
  }
}
