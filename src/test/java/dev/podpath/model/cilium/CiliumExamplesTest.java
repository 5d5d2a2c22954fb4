package dev.podpath.model.cilium;

import static org.assertj.core.api.Assertions.assertThat;

import dev.podpath.ingest.cilium.CiliumConfigReader;
import dev.podpath.ingest.cilium.CiliumVersion;
import dev.podpath.ingest.yaml.YamlDocument;
import dev.podpath.ingest.yaml.YamlReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The example snapshots under src/test/resources/examples/cilium-*: each exercises one startup rule
 * and marks every finding it must produce with {@code # EXPECT:} on the line.
 */
class CiliumExamplesTest {

  private static final Path EXAMPLES = Path.of("src", "test", "resources", "examples");

  private static List<Path> examples() throws IOException {
    try (Stream<Path> s = Files.list(EXAMPLES)) {
      return s.filter(p -> p.getFileName().toString().startsWith("cilium-")).sorted().toList();
    }
  }

  @Test
  void thereAreAtLeastSixExamples() throws IOException {
    assertThat(examples()).hasSizeGreaterThanOrEqualTo(6);
  }

  @TestFactory
  Stream<DynamicTest> everyExampleProducesExactlyItsMarkedFindings() throws IOException {
    return examples().stream().map(dir -> DynamicTest.dynamicTest(dir.getFileName().toString(), () -> {
      YamlDocument snapshot = YamlReader.readFile(dir.resolve("snapshot.yaml"), "snapshot.yaml").get(0);
      assertThat(snapshot.getString("name")).isEqualTo(dir.getFileName().toString());
      CiliumVersion version = CiliumVersion.parse(snapshot.getString("ciliumVersion"), snapshot.refOf("ciliumVersion"));
      AgentStartupResult r = AgentStartup.evaluate(CiliumConfigReader.read(dir, version));
      ExpectMarkers.assertAll(r, read(dir.resolve(CiliumConfigReader.VALUES_FILE)),
          read(dir.resolve(CiliumConfigReader.CONFIGMAP_FILE)));
    }));
  }

  private static String read(Path p) throws IOException {
    return Files.exists(p) ? Files.readString(p) : null;
  }
}
