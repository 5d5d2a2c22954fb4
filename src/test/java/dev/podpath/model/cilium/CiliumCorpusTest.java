package dev.podpath.model.cilium;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.podpath.core.InputException;
import dev.podpath.ingest.cilium.CiliumConfigReader;
import dev.podpath.ingest.cilium.CiliumVersion;
import dev.podpath.ingest.yaml.YamlReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every Cilium values file of the shared real-world corpus either reads (with warnings) or is
 * refused with a clean file:line problem (templated ${VAR} values may be), never another exception.
 */
class CiliumCorpusTest {

  // ../shared/corpus from the main checkout; helpers' worktrees sit one level deeper (/work/wt/NAME)
  private static final Path CORPUS = Stream.of(Path.of("..", "shared", "corpus"), Path.of("..", "..", "shared", "corpus"))
      .filter(Files::isDirectory).findFirst().orElse(Path.of("..", "shared", "corpus"));
  private static final Set<String> NAMES = Set.of("helmrelease.yaml", "values.yaml", "cilium-values.yaml");

  @TestFactory
  Stream<DynamicTest> everyCorpusValuesFileReadsOrFailsCleanly() throws IOException {
    assumeTrue(Files.isDirectory(CORPUS), "shared corpus not present");
    List<Path> files;
    try (Stream<Path> s = Files.walk(CORPUS)) {
      files = s.filter(Files::isRegularFile)
          .filter(p -> NAMES.contains(p.getFileName().toString()))
          .filter(p -> p.toString().contains("cilium"))
          .sorted().toList();
    }
    assertThat(files).isNotEmpty();
    return files.stream().map(p -> DynamicTest.dynamicTest(CORPUS.relativize(p).toString(), () -> {
      String name = CORPUS.relativize(p).toString();
      for (CiliumVersion version : CiliumVersion.values()) {
        try {
          AgentStartupResult r = AgentStartup.evaluate(
              CiliumConfigReader.read(YamlReader.readFile(p, name), null, version));
          assertThat(r.effective()).isNotNull();
          r.findings().forEach(f -> assertThat(f.where().file()).isIn(name, ""));
        } catch (InputException e) {
          assertThat(e.problems()).allSatisfy(pr -> {
            assertThat(pr.where().file()).isEqualTo(name);
            assertThat(pr.where().line()).isPositive();
          });
        }
      }
    }));
  }
}
