package dev.podpath.ingest.bird;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.podpath.ingest.yaml.YamlDocument;
import dev.podpath.ingest.yaml.YamlReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every BIRD config of the shared corpus parses without a crash, gets a status, and podpath's
 * "BIRD accepts this file" verdict equals `bird -p -c` of the installed bird (2.0.12) when present.
 */
class BirdCorpusTest {

  // ../shared/corpus from the main checkout; a worktree one level deeper finds it at ../../shared
  static final Path CORPUS = Files.isDirectory(Path.of("..", "shared", "corpus"))
      ? Path.of("..", "shared", "corpus")
      : Path.of("..", "..", "shared", "corpus");
  static final Path BIRD = Path.of("/usr/sbin/bird");

  record Sample(String name, String text, dev.podpath.core.SourceRef origin) {}

  static List<Sample> samples() throws IOException {
    List<Sample> out = new ArrayList<>();
    Path tilly = CORPUS.resolve("tillycode__homelab-v2");
    if (Files.isDirectory(tilly)) {
      try (Stream<Path> s = Files.walk(tilly)) {
        for (Path p : s.filter(f -> f.toString().endsWith("bird.nix.extracted-bird.conf")).sorted().toList()) {
          out.add(new Sample(CORPUS.relativize(p).toString(), Files.readString(p), dev.podpath.core.SourceRef.of(CORPUS.relativize(p).toString(), 1)));
        }
      }
    }
    List<Path> yamls = new ArrayList<>();
    Path ext = CORPUS.resolve("siderolabs__extensions/network/bird2");
    if (Files.isDirectory(ext)) {
      try (Stream<Path> s = Files.list(ext)) {
        s.filter(f -> f.toString().endsWith(".yaml")).sorted().forEach(yamls::add);
      }
    }
    Path soul = CORPUS.resolve("soulwhisper__homelab-ops/docs/decisions/bgp.md.bird2-extensionserviceconfig.yaml");
    if (Files.exists(soul)) {
      yamls.add(soul);
    }
    for (Path y : yamls) {
      String name = CORPUS.relativize(y).toString();
      for (YamlDocument d : YamlReader.readFile(y, name)) {
        if (!(d.root() instanceof Map<?, ?> m) || !"ExtensionServiceConfig".equals(m.get("kind"))) {
          continue;
        }
        List<?> files = d.getList("configFiles");
        for (int i = 0; i < files.size(); i++) {
          Object content = files.get(i) instanceof Map<?, ?> f ? f.get("content") : null;
          if (content != null) {
            // `content: |` block: line 1 of the text is the line after the key
            out.add(new Sample(name + "#configFiles[" + i + "]", content.toString(),
                dev.podpath.core.SourceRef.of(name, d.lineOf("configFiles[" + i + "].content") + 1)));
          }
        }
      }
    }
    return out;
  }

  @TestFactory
  Stream<DynamicTest> everyCorpusConfigParses() throws IOException {
    assumeTrue(Files.isDirectory(CORPUS), "shared corpus absent");
    List<Sample> samples = samples();
    assertThat(samples).hasSizeGreaterThanOrEqualTo(6);
    return samples.stream().map(s -> DynamicTest.dynamicTest(s.name(), () -> {
      for (BirdVersion v : BirdVersion.values()) {
        BirdParseResult r = BirdConfigParser.parse(s.text(), s.origin(), IncludeResolver.none(), v);
        assertThat(r.status()).isNotNull();
        assertThat(r.status()).isNotEqualTo(ParseStatus.FAILED);
        assertThat(r.config().protocols()).isNotEmpty();
        r.warnings().forEach(f -> {
          assertThat(f.where().line()).isPositive();
          assertThat(f.where().file()).isEqualTo(s.origin().file());
        });
      }
      BirdParseResult r = BirdConfigParser.parse(s.text(), s.origin(), IncludeResolver.none(), BirdVersion.V2_0_12);
      // test output only: the per-file status table for the fidelity doc
      System.out.println("corpus " + s.name() + ": " + r.status() + ", accepted by BIRD 2.0.12: " + r.acceptedByBird()
          + ", findings: " + r.warnings().stream().map(f -> f.where().line() + " " + f.message()).toList());
      if (Files.isExecutable(BIRD)) {
        assertThat(r.acceptedByBird()).as("podpath vs `bird -p -c` on %s: %s", s.name(), r.warnings()).isEqualTo(birdAccepts(s.text()));
      }
    }));
  }

  /** Runs the real parser (`bird -p -c FILE` only parses; it starts nothing). */
  static boolean birdAccepts(String text) throws IOException, InterruptedException {
    Path f = Files.createTempFile("pp-bird-corpus", ".conf");
    try {
      Files.writeString(f, text, StandardCharsets.UTF_8);
      Process p = new ProcessBuilder(BIRD.toString(), "-p", "-c", f.toString()).redirectErrorStream(true).start();
      p.getInputStream().readAllBytes();
      assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
      return p.exitValue() == 0;
    } finally {
      Files.deleteIfExists(f);
    }
  }
}
