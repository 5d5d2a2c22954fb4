package dev.podpath.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Golden answers (style.md, tier 3): for every example snapshot the whole `check --format json`
 * output is compared to a reviewed file under src/test/resources/golden/. When a change is
 * intended, regenerate with {@code mvn test -Dtest=GoldenCheckTest -Dpodpath.updateGolden=true}
 * and review the diff before committing it.
 */
class GoldenCheckTest {

  private static final Path GOLDEN = Path.of("src/test/resources/golden");
  private static final boolean UPDATE = Boolean.getBoolean("podpath.updateGolden");

  @TestFactory
  Stream<DynamicTest> everyExampleMatchesItsGoldenAnswer() throws IOException {
    List<Path> snapshots = new ArrayList<>();
    for (Path base : List.of(Path.of("examples"), Path.of("src/test/resources/examples"))) {
      if (Files.isDirectory(base)) {
        try (Stream<Path> s = Files.list(base)) {
          s.filter(Files::isDirectory).sorted().forEach(snapshots::add);
        }
      }
    }
    assertThat(snapshots).isNotEmpty();
    return snapshots.stream().map(dir -> DynamicTest.dynamicTest(dir.toString(), () -> compare(dir)));
  }

  private static void compare(Path dir) throws IOException {
    CliRun run = CliRun.of("check", "--format", "json", dir.toString());
    assertThat(run.exitCode()).as("exit code; stderr: %s", run.err()).isIn(0, 1);
    Path golden = GOLDEN.resolve(dir.getFileName() + ".check.json");
    if (UPDATE) {
      Files.createDirectories(GOLDEN);
      Files.writeString(golden, run.out());
      return;
    }
    assertThat(golden).as("golden file (generate with -Dpodpath.updateGolden=true, then review)").exists();
    assertThat(run.out()).isEqualTo(Files.readString(golden));
  }
}
