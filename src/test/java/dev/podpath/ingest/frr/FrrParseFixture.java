package dev.podpath.ingest.frr;

import dev.podpath.core.Finding;
import java.util.List;
import java.util.stream.Collectors;

/** Small helpers shared by the FRR grammar tests. */
final class FrrParseFixture {

  private FrrParseFixture() {}

  static FrrParseResult parse(String text) {
    return FrrConfigParser.parse(text, "hosts/r1/frr.conf", FrrVersion.DEBIAN_BOOKWORM);
  }

  static FrrConfig config(String text) {
    FrrParseResult r = parse(text);
    if (r.status() != ParseStatus.PASSED) {
      throw new AssertionError("expected PASSED, got " + r.status() + ": " + r.warnings());
    }
    return r.config();
  }

  /** Line numbers of warnings that say a line was not understood or was refused. */
  static List<Integer> problemLines(FrrParseResult r) {
    return r.warnings().stream()
        .filter(f -> f.code().equals("input/unsupported-line") || f.code().equals("input/rejected-line"))
        .map(f -> f.where().line())
        .distinct()
        .sorted()
        .collect(Collectors.toList());
  }

  static String messages(List<Finding> fs) {
    return fs.stream().map(f -> f.where() + " " + f.code() + " " + f.message()).collect(Collectors.joining("\n"));
  }
}
