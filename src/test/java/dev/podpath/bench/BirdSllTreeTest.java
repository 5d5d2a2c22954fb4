package dev.podpath.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.podpath.ingest.bird.BirdLexer;
import dev.podpath.ingest.bird.BirdParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.antlr.v4.runtime.BailErrorStrategy;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.atn.PredictionMode;
import org.antlr.v4.runtime.misc.ParseCancellationException;
import org.junit.jupiter.api.Test;

/**
 * Backs BirdConfigParser's two-stage parse (a speed fix, BENCHMARKS.md): on every BIRD config in
 * the examples, the test snapshots and the shared corpus, an SLL parse that succeeds gives the
 * same tree as the LL parse used before, and every one of them takes the fast path.
 */
class BirdSllTreeTest {

  static List<Path> configs() throws IOException {
    List<Path> roots = List.of(Path.of("examples"), Path.of("src", "test", "resources"), Path.of("..", "shared", "corpus"),
        Path.of("..", "..", "shared", "corpus"));
    List<Path> out = new ArrayList<>();
    for (Path r : roots) {
      if (!Files.isDirectory(r)) {
        continue;
      }
      try (Stream<Path> s = Files.walk(r)) {
        s.filter(p -> p.getFileName().toString().matches("(?i).*bird.*\\.conf")).sorted().forEach(out::add);
      }
    }
    return out;
  }

  static BirdParser parser(String text, boolean sll) {
    BirdLexer lexer = new BirdLexer(CharStreams.fromString(text));
    lexer.removeErrorListeners();
    BirdParser p = new BirdParser(new CommonTokenStream(lexer));
    p.removeErrorListeners();
    if (sll) {
      p.setErrorHandler(new BailErrorStrategy());
      p.getInterpreter().setPredictionMode(PredictionMode.SLL);
    }
    return p;
  }

  @Test
  void sllTreesEqualLlTrees() throws IOException {
    List<Path> files = configs();
    assertThat(files).hasSizeGreaterThanOrEqualTo(13);
    int fast = 0;
    for (Path f : files) {
      String text = Files.readString(f);
      BirdParser ll = parser(text, false);
      String expected = ll.bird_config().toStringTree(ll);
      BirdParser sll = parser(text, true);
      try {
        assertThat(sll.bird_config().toStringTree(sll)).as(f.toString()).isEqualTo(expected);
        fast++;
      } catch (ParseCancellationException e) {
        // SLL gave up: BirdConfigParser falls back to the LL parse, nothing to compare
      }
    }
    assertThat(fast).as("configs parsed on the SLL path, of " + files).isEqualTo(files.size());
  }
}
