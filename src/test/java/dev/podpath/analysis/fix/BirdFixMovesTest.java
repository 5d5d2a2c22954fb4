package dev.podpath.analysis.fix;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.podpath.analysis.Check;
import dev.podpath.analysis.CheckResult;
import dev.podpath.analysis.Verdict;
import dev.podpath.analysis.intent.KeepSetting;
import dev.podpath.core.SourceRef;
import dev.podpath.ingest.Daemon;
import dev.podpath.ingest.DaemonConfigFile;
import dev.podpath.ingest.Snapshot;
import dev.podpath.ingest.SnapshotLoader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each bird.conf and Cilium BGP resource edit kind on a small broken snapshot (src/test/resources/fix/KIND: fix/base, two
 * nodes and the PVE router, with one setting broken): the search repairs it with exactly that edit,
 * the patched copy passes check and real bird accepts every patched config; with the kind kept
 * (`--keep bird.KIND`) the next-best edit is chosen.
 */
class BirdFixMovesTest {

  // the scenarios' snapshot.yaml notes say what each one breaks in fix/base

  static final Path FIX = Path.of("src/test/resources/fix");
  static final Path BIRD = Path.of("/usr/sbin/bird");

  /** kind dir, move key, the file the diff is of, lines the diff must hold, what wins when the key is kept (null: no fix). */
  static Stream<Arguments> kinds() {
    return Stream.of(
        Arguments.of("kernel-export", "bird.kernel-export", "hosts/solcp01/bird.conf",
            List.of("+      if net ~ [ fd00:101:224:0:3::/80 ] then accept;", "       if proto = \"pve\" then reject;"),
            "cilium.autoDirectNodeRoutes"),
        Arguments.of("gateway", "bird.gateway", "hosts/solcp01/bird.conf",
            // with the routing edit kept, only the last resort is left: a static route on the node
            List.of("-    gateway recursive;", "+    gateway direct;"), "host.solcp01.routes"),
        Arguments.of("multihop", "bird.multihop", "hosts/solwk01/bird.conf",
            List.of("   neighbor fd00:102::fffe as PVE_AS;", "+  multihop;"), null),
        Arguments.of("static-route", "bird.static-route", "hosts/solwk01/bird.conf",
            List.of("+", "+# podpath fix: reach BGP peer fd00:102::fffe (pve01) for the session pve", "+protocol static static_pve {",
                "+  ipv6;", "+  route fd00:102::fffe/128 via fd00:101::fffe;", "+}"), null),
        Arguments.of("allow-local-as", "bird.allow-local-as", "hosts/solcp01/bird.conf",
            List.of("   neighbor fd00:101::fffe as PVE_AS;", "+  allow local as 1;"), "cilium.autoDirectNodeRoutes"),
        Arguments.of("next-hop-self", "bird.next-hop-self", "hosts/solwk01/bird.conf",
            List.of("   neighbor fd00:101::fffe as PVE_AS;", "+    next hop self;"), "cilium.autoDirectNodeRoutes"),
        Arguments.of("talos-kernel-export", "bird.kernel-export", "talos/solcp01.yaml",
            List.of("+            if net ~ [ fd00:101:224:0:3::/80 ] then accept;", "             if proto = \"pve\" then reject;"),
            "cilium.autoDirectNodeRoutes"),
        Arguments.of("talos-import-filter", "bird.import-pod-cidrs-v6", "talos/solcp01.yaml",
            List.of("-          import none;",
                "+          import filter { if net ~ [ fd00:101:224::/80, fd00:101:224:0:3::/80 ] then accept; reject; };"),
            "cilium.autoDirectNodeRoutes"),
        Arguments.of("bgp-local-address", "cilium.bgp-resources.local-address", "kubernetes/cilium-bgp.yaml",
            List.of("-          localAddress: \"fd00:101::21\"   # the node address",
                "+          localAddress: \"::1\"            # the node address"), null),
        Arguments.of("bgp-families", "cilium.bgp-resources.families", "kubernetes/cilium-bgp.yaml",
            List.of("+    - afi: ipv4", "+      safi: unicast", "+      advertisements:", "+        matchLabels:", "+          advertise: bgp"),
            "cilium.autoDirectNodeRoutes"),
        Arguments.of("bgp-advertisement-labels", "cilium.bgp-resources.advertisement-labels", "kubernetes/cilium-bgp.yaml",
            List.of("-    advertise: bgp-pods", "+    advertise: bgp"), "cilium.autoDirectNodeRoutes"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("kinds")
  void theSearchRepairsTheSnapshotWithExactlyThatEdit(String kind, String key, String file, List<String> diffLines, String whenKept,
      @TempDir Path tmp) throws Exception {
    Snapshot s = SnapshotLoader.load(FIX.resolve(kind));
    FixResult r = FixSearch.run(s, List.of(), 3, line -> { });
    assertThat(r.baseline().verdict()).as("the broken snapshot fails").isEqualTo(Verdict.FAIL);
    assertThat(r.found()).isTrue();
    FixCandidate best = r.accepted().get(0);
    assertThat(best.keys()).containsExactly(key);
    Patch patch = r.patches().get(0);
    assertThat(patch.files().keySet()).containsExactly(file);
    assertThat(patch.diff()).contains("--- a/" + file, "+++ b/" + file);
    assertThat(patch.diff().lines()).containsAll(diffLines);
    // only the edit's lines change: every other line of the operator's file is kept as written
    long changed = patch.diff().lines().filter(l -> (l.startsWith("+") || l.startsWith("-")) && !l.startsWith("+++") && !l.startsWith("---")).count();
    assertThat(changed).isEqualTo(diffLines.stream().filter(l -> l.startsWith("+") || l.startsWith("-")).count());

    Path out = tmp.resolve("patched");
    Patch.writeCopy(s, patch, out);
    CheckResult after = Check.run(out);
    assertThat(after.verdict()).as(after.findings().toString()).isEqualTo(Verdict.PASS);
    assertThat(after.intents()).allMatch(i -> i.passed());
    birdAcceptsEveryPatchedConfig(out, patch, tmp);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("kinds")
  void keepingTheKindChoosesTheNextBestEdit(String kind, String key, String file, List<String> diffLines, String whenKept) {
    Snapshot s = SnapshotLoader.load(FIX.resolve(kind));
    FixResult r = FixSearch.run(s, List.of(new KeepSetting(key, SourceRef.file("--keep " + key))), 3, line -> { });
    assertThat(r.skipped()).anyMatch(x -> x.startsWith(key + ": kept"));
    assertThat(r.accepted()).noneMatch(c -> c.keys().contains(key));
    if (whenKept == null) {
      assertThat(r.found()).as("no other edit repairs " + kind).isFalse();
      assertThat(r.closest()).isNotEmpty();
    } else {
      assertThat(r.accepted().get(0).keys()).containsExactly(whenKept);
    }
  }

  @Test
  void keepingTheHostKeepsEveryBirdEditOfIt() {
    Snapshot s = SnapshotLoader.load(FIX.resolve("allow-local-as"));
    FixResult r = FixSearch.run(s, List.of(new KeepSetting("bird.solcp01", SourceRef.file("--keep bird.solcp01"))), 1, line -> { });
    assertThat(r.accepted()).allMatch(c -> c.files().stream().noneMatch(f -> f.contains("solcp01")));
    assertThat(r.skipped()).anyMatch(x -> x.startsWith("bird.allow-local-as: kept"));
  }

  @Test
  void theBaseSnapshotPassesAndNeedsNoMove() {
    CheckResult base = Check.run(FIX.resolve("base"));
    assertThat(base.verdict()).isEqualTo(Verdict.PASS);
    List<FixMove> moves = new java.util.ArrayList<>();
    BirdKnobs.of(base, new Keep(List.of()), moves, new java.util.ArrayList<>());
    assertThat(moves).isEmpty();
  }

  /** `bird -p -c FILE` (parse only) on every bird.conf the patch changed, embedded ones extracted from their Talos file. */
  static void birdAcceptsEveryPatchedConfig(Path copy, Patch patch, Path tmp) throws IOException, InterruptedException {
    assumeTrue(Files.isExecutable(BIRD), "bird is not installed");
    Snapshot patched = SnapshotLoader.load(copy);
    int n = 0;
    for (DaemonConfigFile f : patched.daemonConfigs()) {
      if (f.daemon() != Daemon.BIRD || !patch.files().containsKey(f.origin().file())) {
        continue;
      }
      Path conf = tmp.resolve("bird-" + (n++) + ".conf");
      Files.writeString(conf, f.text());
      Process p = new ProcessBuilder(BIRD.toString(), "-p", "-c", conf.toString()).redirectErrorStream(true).start();
      assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
      String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(p.exitValue()).as("bird -p " + f.displayPath() + ": " + output).isZero();
    }
    assertThat(n).as("patched bird configs checked")
        .isEqualTo(patch.files().keySet().stream().filter(f -> !f.startsWith("kubernetes/")).count());
  }
}
