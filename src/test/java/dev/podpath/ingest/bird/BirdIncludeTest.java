package dev.podpath.ingest.bird;

import static org.assertj.core.api.Assertions.assertThat;

import dev.podpath.core.Finding;
import dev.podpath.core.SourceRef;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `include` is lexical and relative to the including file (conf/cf-lex.l cf_include). */
class BirdIncludeTest {

  static BirdParseResult parse(String text, Map<String, String> files) {
    return BirdConfigParser.parse(text + "protocol device {}\n", "hosts/n1/bird.conf", p -> Optional.ofNullable(files.get(p)), BirdVersion.V2_0_12);
  }

  @Test
  void includedStatementsKeepTheirOwnFileAndLine() {
    BirdParseResult r = parse("""
        router id 1.1.1.1;
        include "filters/pods.conf";
        protocol kernel { ipv6 { export filter pods; }; }
        """, Map.of("hosts/n1/filters/pods.conf", "\n\nfilter pods { if net ~ [ fd00::/8+ ] then accept; reject; }\n"));
    assertThat(r.warnings()).isEmpty();
    assertThat(r.config().filters().get("pods").where()).isEqualTo(SourceRef.of("hosts/n1/filters/pods.conf", 3));
    assertThat(r.config().protocols().get(0).where()).isEqualTo(SourceRef.of("hosts/n1/bird.conf", 3));
  }

  @Test
  void unknownLineInIncludedFileIsReportedThere() {
    BirdParseResult r = parse("include \"x.conf\";\n", Map.of("hosts/n1/x.conf", "router id 1.1.1.1;\nnonsense here;\n"));
    assertThat(r.warnings()).singleElement().satisfies(f -> {
      assertThat(f.where()).isEqualTo(SourceRef.of("hosts/n1/x.conf", 2));
      assertThat(f.message()).contains("`nonsense here;`");
    });
  }

  @Test
  void missingIncludeIsAnErrorAtTheIncludeLine() {
    BirdParseResult r = parse("router id 1.1.1.1;\ninclude \"nope.conf\";\n", Map.of());
    assertThat(r.acceptedByBird()).isFalse();
    assertThat(r.warnings()).singleElement().satisfies(f -> {
      assertThat(f.where()).isEqualTo(SourceRef.of("hosts/n1/bird.conf", 2));
      assertThat(f.message()).contains("hosts/n1/nope.conf is missing");
    });
  }

  @Test
  void escapingAndAbsoluteIncludesAreRefused() {
    BirdParseResult r = parse("include \"../../../etc/passwd\";\ninclude \"/etc/bird/x.conf\";\n",
        Map.of("etc/passwd", "router id 1.1.1.1;"));
    assertThat(r.warnings()).extracting(Finding::message).allMatch(m -> m.contains("outside the snapshot"));
    assertThat(r.warnings()).hasSize(2);
    assertThat(r.config().routerId()).isNull();
  }

  @Test
  void includeCycleIsDetected() {
    BirdParseResult r = parse("include \"a.conf\";\n",
        Map.of("hosts/n1/a.conf", "include \"b.conf\";\n", "hosts/n1/b.conf", "include \"a.conf\";\n"));
    assertThat(r.warnings()).singleElement().satisfies(f -> {
      assertThat(f.message()).contains("include cycle");
      assertThat(f.where()).isEqualTo(SourceRef.of("hosts/n1/b.conf", 1));
    });
  }

  @Test
  void directoryResolverStaysInsideTheSnapshot(@TempDir Path root) throws Exception {
    Files.createDirectories(root.resolve("hosts/n1"));
    Files.writeString(root.resolve("hosts/n1/inc.conf"), "router id 9.9.9.9;\n");
    Path outside = Files.createTempFile("outside", ".conf");
    Files.writeString(outside, "router id 6.6.6.6;\n");
    Files.createSymbolicLink(root.resolve("hosts/n1/link.conf"), outside);
    IncludeResolver res = IncludeResolver.directory(root);
    assertThat(res.read("hosts/n1/inc.conf")).contains("router id 9.9.9.9;\n");
    assertThat(res.read("hosts/n1/link.conf")).isEmpty();
    assertThat(res.read("hosts/n1/none.conf")).isEmpty();
  }

  @Test
  void embeddedConfigLinesAreShiftedToTheEnclosingFile() {
    // a bird.conf inside a Talos ExtensionServiceConfig whose `content: |` block starts at line 8
    BirdParseResult r = BirdConfigParser.parse("router id 1.1.1.1;\nprotocol device { }\nwibble;\n",
        SourceRef.of("talos/w1.yaml", 8), IncludeResolver.none(), BirdVersion.V2_18);
    assertThat(r.config().protocols().get(0).where()).isEqualTo(SourceRef.of("talos/w1.yaml", 9));
    assertThat(r.warnings()).singleElement().satisfies(f -> {
      assertThat(f.where()).isEqualTo(SourceRef.of("talos/w1.yaml", 10));
      assertThat(f.message()).contains("`wibble;`");
    });
    assertThat(r.lineText(SourceRef.of("talos/w1.yaml", 9))).isEqualTo("protocol device { }");
  }

  @Test
  void pathsResolveRelativeToTheIncludingFile() {
    assertThat(IncludeExpander.resolve("hosts/n1/bird.conf", "x.conf")).isEqualTo("hosts/n1/x.conf");
    assertThat(IncludeExpander.resolve("hosts/n1/bird.conf", "../common/f.conf")).isEqualTo("hosts/common/f.conf");
    assertThat(IncludeExpander.resolve("bird.conf", "../x.conf")).isNull();
    assertThat(IncludeExpander.resolve("hosts/n1/bird.conf", "/etc/x")).isNull();
  }
}
