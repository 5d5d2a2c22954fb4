package dev.podpath.cli;

import dev.podpath.testing.SnapshotCopy;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.podpath.analysis.Check;
import dev.podpath.analysis.Verdict;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FixCommandTest {

  static final String CLUSTER = TraceCommandTest.CLUSTER;
  static final String[] KEEP = {"--keep", "cilium.autoDirectNodeRoutes", "--keep", "cilium.socketLB.hostNamespaceOnly"};

  @Test
  void seedWithKeepReturnsTheBirdFixAndItsCopyPassesCheck(@TempDir Path tmp) {
    Path out = tmp.resolve("patched");
    CliRun r = CliRun.of(concat(new String[] {"fix", CLUSTER}, KEEP, new String[] {"--apply", out.toString()}));
    assertThat(r.exitCode()).as(r.err()).isEqualTo(0);
    assertThat(r.out()).contains("Fix 1: 2 edits, 58 of 58 intents hold, 6 files");
    assertThat(r.out()).doesNotContain("autoDirectNodeRoutes: false -> true").doesNotContain("hostNamespaceOnly: true -> false");
    assertThat(r.out()).contains("-    import none;").contains("+    import filter { if net ~ [ fd00:101:224::/80,");
    assertThat(r.out()).contains("--- a/hosts/solwk03/bird.conf");
    assertThat(r.err()).contains("fix: [1]").contains("ACCEPTED");
    // the patched copy passes check; the snapshot itself is untouched
    assertThat(Check.run(out).verdict()).isEqualTo(Verdict.PASS);
    assertThat(Check.run(Path.of(CLUSTER)).verdict()).isEqualTo(Verdict.FAIL);
  }

  @Test
  void seedWithoutKeepAlsoListsAutoDirectNodeRoutesFirstWithItsTradeOff() {
    CliRun r = CliRun.of("fix", CLUSTER);
    assertThat(r.exitCode()).as(r.err()).isEqualTo(0);
    assertThat(r.out()).contains("Fix 1: 1 edit, 58 of 58 intents hold, cluster-wide")
        .contains("cilium autoDirectNodeRoutes: false -> true").contains("trade-off: cluster-wide")
        .contains("-autoDirectNodeRoutes: false").contains("+autoDirectNodeRoutes: true")
        .contains("+  auto-direct-node-routes: \"true\"")
        .contains("Fix 2: 2 edits, 58 of 58 intents hold, 6 files");
    // options A and B alone are never proposed: the simulation shows they repair nothing
    assertThat(r.out()).doesNotContain("Fix 3");
    assertThat(r.err()).contains("bpf.masquerade: false -> true: 25 of 58 hold");
  }

  @Test
  void noFixWithinTheBudgetExitsOneAndListsTheClosest() {
    // `--keep host`: no static routes either (they are the last resort, tried when nothing else works)
    CliRun r = CliRun.of(concat(new String[] {"fix", CLUSTER, "--max-edits", "1", "--keep", "host"}, KEEP, new String[0]));
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.out()).contains("No verified fix within 1 edit. Closest candidates:");
    assertThat(r.out()).contains("1 edit, 43 of 58 intents hold, 6 files");
  }

  @Test
  void onlyTheCiliumEditCanFixWhenBirdsImportIsTheOperatorsOwnFilter(@TempDir Path tmp) throws IOException {
    Path copy = SnapshotCopy.copy(Path.of(CLUSTER), tmp.resolve("where"));
    try (Stream<Path> s = Files.list(copy.resolve("hosts"))) {
      for (Path h : s.toList()) {
        Path bird = h.resolve("bird.conf");
        if (Files.exists(bird)) {
          Files.writeString(bird, Files.readString(bird).replace("    import none;\n    export filter to_pve;",
              "    import where net.len = 128;\n    export filter to_pve;"));
        }
      }
    }
    CliRun r = CliRun.of("fix", copy.toString(), "--max-edits", "2");
    assertThat(r.exitCode()).as(r.err()).isEqualTo(0);
    assertThat(r.out()).contains("1 verified fix").contains("cilium autoDirectNodeRoutes: false -> true");
    assertThat(r.out()).doesNotContain("+    import filter");

    CliRun kept = CliRun.of("fix", copy.toString(), "--max-edits", "2", "--keep", "cilium.autoDirectNodeRoutes", "--keep", "host");
    assertThat(kept.exitCode()).isEqualTo(1);
    assertThat(kept.out()).contains("Closest candidates:");
  }

  @Test
  void intentsKeepForbidsLikeTheFlag(@TempDir Path tmp) throws IOException {
    Path copy = SnapshotCopy.copy(Path.of(CLUSTER), tmp.resolve("kept"));
    Files.writeString(copy.resolve("intents.yaml"), "keep:\n  - cilium.autoDirectNodeRoutes\n");
    CliRun r = CliRun.of("fix", copy.toString(), "--max-edits", "2");
    assertThat(r.exitCode()).as(r.err()).isEqualTo(0);
    assertThat(r.out()).contains("cilium.autoDirectNodeRoutes: kept (cilium.autoDirectNodeRoutes at intents.yaml:2)")
        .contains("Fix 1: 2 edits, 58 of 58 intents hold, 6 files").doesNotContain("Fix 2");
  }

  @Test
  void jsonShape() throws IOException {
    CliRun r = CliRun.of(concat(new String[] {"fix", CLUSTER, "--format", "json"}, KEEP, new String[0]));
    assertThat(r.exitCode()).isEqualTo(0);
    JsonNode j = new ObjectMapper().readTree(r.out());
    assertThat(j.get("found").asBoolean()).isTrue();
    assertThat(j.get("before").get("holds").asInt()).isEqualTo(25);
    assertThat(j.get("before").get("total").asInt()).isEqualTo(58);
    JsonNode fix = j.get("fixes").get(0);
    assertThat(fix.get("holds").asInt()).isEqualTo(58);
    assertThat(fix.get("edits")).hasSize(2);
    assertThat(fix.get("edits").get(0).get("key").asText()).startsWith("bird.");
    assertThat(fix.get("files")).hasSize(6);
    assertThat(fix.get("diff").asText()).contains("+++ b/hosts/solcp01/bird.conf");
    assertThat(j.get("notTried").toString()).contains("cilium.autoDirectNodeRoutes: kept");
    assertThat(j.get("search").get("candidates").asInt()).isPositive();
  }

  @Test
  void frrSnapshotWithTheFixKeptHasNoFixExitsOneAndListsTheClosest() {
    CliRun r = CliRun.of("fix", "src/test/resources/fix/frr-activate", "--keep", "frr.r1.activate");
    assertThat(r.exitCode()).as(r.err()).isEqualTo(1);
    assertThat(r.out()).contains("frr.r1.activate: kept (frr.r1.activate at --keep frr.r1.activate)")
        .contains("No verified fix within 3 edits. Closest candidates:")
        .contains("1 edit, 7 of 9 intents hold").contains("LAST RESORT: host.yaml static routes");
    assertThat(r.err()).contains("no fix without static routes; trying the last resort");
  }

  @Test
  void applyRefusesANonEmptyDirectory(@TempDir Path tmp) throws IOException {
    Files.writeString(tmp.resolve("x"), "x");
    CliRun r = CliRun.of(concat(new String[] {"fix", CLUSTER, "--max-edits", "1", "--apply", tmp.toString()},
        new String[0], new String[0]));
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).contains("exists and is not empty");
  }

  private static String[] concat(String[] a, String[] b, String[] c) {
    return Stream.of(a, b, c).flatMap(Stream::of).toArray(String[]::new);
  }
}
