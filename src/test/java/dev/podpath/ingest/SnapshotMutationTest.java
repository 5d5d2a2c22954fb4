package dev.podpath.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.podpath.core.InputException;
import dev.podpath.core.InputProblem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import dev.podpath.testing.SnapshotCopy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Poor man's fuzzing of the whole loader: the minimal snapshot with one file mutated (a line
 * dropped, duplicated, or a value replaced by something of another type) either loads or is
 * refused with located problems. Any other exception is a podpath bug. Seeded, so reproducible.
 */
class SnapshotMutationTest {

  private static final String[] VALUES = {"", "[", "]", "{}", "[]", "-1", "x", "::", "true", "~", "'a'", "1.5",
      "99999999999999999999", "fd00::/129", "{a: b}", "[1, 2]", "&a x", "*a", "|", ">"};

  @TempDir Path work;

  @Test
  void mutatedSnapshotsLoadOrFailWithLocatedProblems() throws IOException {
    List<Path> files;
    try (Stream<Path> s = Files.walk(SnapshotLoaderTest.MINIMAL)) {
      files = s.filter(Files::isRegularFile).filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
    }
    Random rnd = new Random(Long.getLong("seed", 20261126));
    int refused = 0;
    for (int round = 0; round < 300; round++) {
      Path root = work.resolve("r" + round);
      SnapshotCopy.copy(SnapshotLoaderTest.MINIMAL, root);
      Path victim = root.resolve(SnapshotLoaderTest.MINIMAL.relativize(files.get(rnd.nextInt(files.size()))));
      List<String> lines = new ArrayList<>(Files.readAllLines(victim));
      int i = rnd.nextInt(lines.size());
      switch (rnd.nextInt(3)) {
        case 0 -> lines.remove(i);
        case 1 -> lines.add(i, lines.get(i));
        default -> {
          String l = lines.get(i);
          int colon = l.indexOf(": ");
          String v = VALUES[rnd.nextInt(VALUES.length)];
          lines.set(i, colon >= 0 ? l.substring(0, colon + 2) + v : l.replaceFirst("- .*", "- " + v));
        }
      }
      Files.write(victim, lines);
      try {
        SnapshotLoader.load(root);
      } catch (InputException e) {
        refused++;
        for (InputProblem p : e.problems()) {
          assertThat(p.where().isKnown()).as("round " + round + ": " + p).isTrue();
        }
      }
    }
    assertThat(refused).as("mutations must be caught sometimes").isGreaterThan(30);
  }
}
