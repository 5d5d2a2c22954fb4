package dev.podpath.ingest.frr;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/** The FRR configs of ../shared/corpus (real homelab files; tests only read them). */
final class FrrCorpus {

  static final Path ROOT = Path.of("..", "..", "shared", "corpus");
  static final Path ALT_ROOT = Path.of("..", "shared", "corpus");

  private FrrCorpus() {}

  static Path root() {
    Path r = Files.isDirectory(ALT_ROOT) ? ALT_ROOT : ROOT;
    Assumptions.assumeTrue(Files.isDirectory(r), "corpus ../shared/corpus absent");
    return r;
  }

  static boolean isFrrConfig(Path p) {
    String n = p.getFileName().toString();
    return n.endsWith("frr.conf")
        || n.endsWith(".unifi-frr.conf")
        || n.endsWith(".opnsense-frr.conf")
        || n.equals("bgp.conf")
        || n.equals("bgp-v6.conf")
        || n.equals("bgp.cfg")
        || n.equals("bgp-config.conf");
  }

  static List<Path> files() {
    Path root = root();
    try (Stream<Path> s = Files.walk(root)) {
      List<Path> l = s.filter(Files::isRegularFile).filter(FrrCorpus::isFrrConfig).sorted().collect(Collectors.toList());
      Assumptions.assumeFalse(l.isEmpty(), "no FRR configs in the corpus");
      return l;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static FrrParseResult parse(Path f) {
    try {
      return FrrConfigParser.parse(Files.readString(f), root().relativize(f).toString(), FrrVersion.DEBIAN_BOOKWORM);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
