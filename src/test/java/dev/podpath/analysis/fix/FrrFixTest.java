package dev.podpath.analysis.fix;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.podpath.analysis.Check;
import dev.podpath.analysis.CheckResult;
import dev.podpath.analysis.Simulation;
import dev.podpath.analysis.intent.IntentResult;
import dev.podpath.analysis.intent.KeepSetting;
import dev.podpath.analysis.whatif.Edit;
import dev.podpath.analysis.whatif.FrrConfigEdit;
import dev.podpath.analysis.whatif.FrrEditKind;
import dev.podpath.analysis.whatif.HostRouteEdit;
import dev.podpath.core.Finding;
import dev.podpath.core.Severity;
import dev.podpath.core.SourceRef;
import dev.podpath.ingest.Snapshot;
import dev.podpath.ingest.SnapshotLoader;
import dev.podpath.ingest.frr.FrrConfigParser;
import dev.podpath.report.FixJson;
import dev.podpath.report.FixText;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One small broken snapshot per frr.conf / host.yaml edit kind (src/test/resources/fix/frr-KIND and host-static-route: two
 * nodes with bird, one router r1): the search repairs it with exactly that edit, the patched copy
 * passes check, and with the edit kept (`--keep`) the next-best edit is chosen.
 */
class FrrFixTest {

  static final Path FIX = Path.of("src/test/resources/fix");
  static final Path BGPD = Path.of("/usr/lib/frr/bgpd");

  /**
   * @param kind the FRR edit kind, or null for the host.yaml static route
   * @param added the diff's added lines, in order; {@code removed} its removed lines
   * @param keep the keep key that forbids the edit; {@code nextKey} the key of the edit chosen then
   */
  record Case(String dir, String key, FrrEditKind kind, String file, List<String> added, List<String> removed, String keep,
      String nextKey) {
    @Override
    public String toString() {
      return dir;
    }
  }

  static Stream<Case> cases() {
    return Stream.of(
        new Case("frr-ebgp-requires-policy", "frr.r1.ebgp-requires-policy", FrrEditKind.NO_EBGP_REQUIRES_POLICY, "hosts/r1/frr.conf",
            List.of(" no bgp ebgp-requires-policy"), List.of(), "frr.r1.ebgp-requires-policy", "frr.r1.route-map"),
        // the operator wrote `bgp ebgp-requires-policy` with a comment: a policy ranks before lifting it
        new Case("frr-route-map", "frr.r1.route-map", FrrEditKind.PERMIT_ROUTE_MAP, "hosts/r1/frr.conf",
            List.of("route-map PERMIT-ALL permit 10", "exit", "!", "  neighbor fd00:10::1 route-map PERMIT-ALL in",
                "  neighbor fd00:10::2 route-map PERMIT-ALL in"), List.of(), "frr.route-map", "frr.r1.ebgp-requires-policy"),
        new Case("frr-prefix-list", "frr.r1.prefix-list", FrrEditKind.PREFIX_LIST_ENTRY, "hosts/r1/frr.conf",
            List.of("ipv6 prefix-list NODES seq 10 permit fd00:10:244:2::/64"), List.of(), "frr.r1", "host.r1.routes"),
        new Case("frr-next-hop-self", "frr.r1.next-hop-self", FrrEditKind.NEXT_HOP_SELF, "hosts/r1/frr.conf",
            List.of("  neighbor fd00:20::2 next-hop-self"), List.of(), "frr.r1.next-hop-self", "host.w2.routes"),
        new Case("frr-allowas-in", "frr.r1.allowas-in", FrrEditKind.ALLOWAS_IN, "hosts/r1/frr.conf",
            List.of("  neighbor fd00:10::1 allowas-in", "  neighbor fd00:10::2 allowas-in"), List.of(), "frr.allowas-in",
            "host.r1.routes"),
        // r1's route-map would rewrite bird's next hop 127.0.0.1, but the NEXT_HOP attribute check comes first
        new Case("frr-allow-martian-nexthop", "frr.r1.allow-martian-nexthop", FrrEditKind.ALLOW_MARTIAN_NEXTHOP, "hosts/r1/frr.conf",
            List.of(" bgp allow-martian-nexthop"), List.of(), "frr.r1.allow-martian-nexthop", "host.r1.routes"),
        new Case("frr-activate", "frr.r1.activate", FrrEditKind.ACTIVATE, "hosts/r1/frr.conf",
            List.of("  neighbor fd00:10::2 activate"), List.of(), null, null),
        new Case("host-static-route", "host.r1.routes", null, "hosts/r1/host.yaml",
            List.of("routes:", "  - to: fd00:10:244:2::/64  # podpath fix: last resort", "    via: fd00:10::2",
                "  - to: fd00:10:244:1::/64  # podpath fix: last resort", "    via: fd00:10::1"), List.of(), "host.r1",
            "host.w1,w2.routes"));
  }

  @TempDir
  Path tmp;

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void repairsWithExactlyThatEdit(Case c) throws IOException {
    Snapshot s = SnapshotLoader.load(FIX.resolve(c.dir()));
    FixResult r = FixSearch.run(s, List.of(), 3, line -> {});
    assertThat(r.found()).as(FixText.render(r)).isTrue();
    FixCandidate best = r.accepted().get(0);
    assertThat(best.moves()).hasSize(1);
    FixMove m = best.moves().get(0);
    assertThat(m.key()).isEqualTo(c.key());
    assertThat(best.files()).containsExactly(c.file());
    if (c.kind() != null) {
      assertThat(m.edits()).allSatisfy(e -> assertThat(((FrrConfigEdit) e).kind()).isEqualTo(c.kind()));
      assertThat(m.lastResort()).isFalse();
    } else {
      assertThat(m.edits()).allSatisfy(e -> assertThat(e).isInstanceOf(HostRouteEdit.class));
      assertThat(m.lastResort()).isTrue();
      assertThat(FixText.render(r)).contains("LAST RESORT: host.yaml static routes");
      assertThat(FixJson.render(r)).contains("\"lastResort\" : true");
    }
    Patch p = r.patches().get(0);
    assertThat(diffLines(p.diff(), "+")).containsExactlyElementsOf(c.added());
    assertThat(diffLines(p.diff(), "-")).containsExactlyElementsOf(c.removed());
    assertPatchedCopyPasses(s, p, c.file());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void keptTheNextBestEditIsChosen(Case c) throws IOException {
    assumeTrue(c.keep() != null, "activate: see noFixWithinThreeEditsSaysSoAndListsTheClosest");
    Snapshot s = SnapshotLoader.load(FIX.resolve(c.dir()));
    FixResult r = FixSearch.run(s, List.of(new KeepSetting(c.keep(), SourceRef.file("--keep " + c.keep()))), 3, line -> {});
    assertThat(r.skipped()).anyMatch(x -> x.startsWith(c.key() + ": kept"));
    assertThat(r.found()).as(FixText.render(r)).isTrue();
    assertThat(r.accepted()).allSatisfy(a -> assertThat(a.keys()).doesNotContain(c.key()));
    assertThat(r.accepted().get(0).keys()).containsExactly(c.nextKey());
    Patch p = r.patches().get(0);
    assertPatchedCopyPasses(s, p, r.accepted().get(0).files().iterator().next());
  }

  /** Moves come only from what the failing traces point at: no other FRR edit kind is offered. */
  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void onlyTheMovesTheTracesPointAtAreGenerated(Case c) {
    CheckResult baseline = Check.run(Simulation.of(SnapshotLoader.load(FIX.resolve(c.dir()))));
    List<String> frr = MoveCatalog.of(baseline, new Keep(List.of())).moves().stream().map(FixMove::key)
        .filter(k -> k.startsWith("frr.")).toList();
    if (c.key().endsWith("ebgp-requires-policy") || c.key().endsWith("route-map")) {
      assertThat(frr).containsExactly("frr.r1.ebgp-requires-policy", "frr.r1.route-map");
    } else if (c.kind() == null) {
      assertThat(frr).isEmpty();
    } else {
      assertThat(frr).containsExactly(c.key());
    }
  }

  @Test
  void noFixWithinThreeEditsSaysSoAndListsTheClosest() {
    // r1 does not activate w2 in ipv6 and the operator keeps that: static routes repair the pods'
    // path but no edit brings the session up (a default intent)
    Snapshot s = SnapshotLoader.load(FIX.resolve("frr-activate"));
    FixResult r = FixSearch.run(s, List.of(new KeepSetting("frr.r1.activate", SourceRef.file("--keep frr.r1.activate"))), 3,
        line -> {});
    assertThat(r.found()).isFalse();
    assertThat(r.closest()).isNotEmpty();
    assertThat(r.closest().get(0).holds()).isGreaterThan((int) r.baselineHolds()).isLessThan(r.total());
    assertThat(r.closest().get(0).moves()).allMatch(FixMove::lastResort);
    assertThat(FixText.render(r)).contains("No verified fix within 3 edits. Closest candidates:")
        .contains("LAST RESORT: host.yaml static routes");
  }

  /** A session down for want of a common family is reason enough for `activate`, with no failing path. */
  @Test
  void aSessionCheckAloneAsksForActivate() throws IOException {
    Path copy = tmp.resolve("session-only");
    Patch.writeCopy(SnapshotLoader.load(FIX.resolve("frr-activate")), new Patch(Map.of(), ""), copy);
    Files.writeString(copy.resolve("intents.yaml"), """
        checks:
          - name: r1 to w2
            session: {host: r1, peer: "fd00:10::2", daemon: frr}
        """);
    Snapshot s = SnapshotLoader.load(copy);
    CheckResult baseline = Check.run(Simulation.of(s));
    assertThat(baseline.intents()).hasSize(1).noneMatch(IntentResult::passed);
    assertThat(DeadEnd.of(baseline)).isEmpty();
    FixResult r = FixSearch.run(s, List.of(), 3, line -> {});
    assertThat(r.found()).isTrue();
    assertThat(r.accepted().get(0).keys()).containsExactly("frr.r1.activate");
  }

  /**
   * A next hop of r1's own set by its route-map (bgp_update_martian_nexthop runs after it): `bgp allow-martian-nexthop`
   * skips that check only from FRR 9.0 (commit 6cddc4c866), so the move is offered for a 9.1 file only.
   */
  @ParameterizedTest(name = "frr version {0}")
  @org.junit.jupiter.params.provider.ValueSource(strings = {"8.4.4", "9.1"})
  void aSelfNextHopAsksForAllowMartianOnlyFromFrr90(String version) throws IOException {
    Path copy = tmp.resolve("self-" + version);
    Patch.writeCopy(SnapshotLoader.load(FIX.resolve("frr-allow-martian-nexthop")), new Patch(Map.of(), ""), copy);
    Path frr = copy.resolve("hosts/r1/frr.conf");
    Files.writeString(frr, Files.readString(frr).replace("frr version 8.4.4", "frr version " + version)
        .replace("set ip next-hop peer-address", "set ip next-hop 10.0.10.254"));
    for (String w : List.of("w1", "w2")) {
      Path bird = copy.resolve("hosts/" + w + "/bird.conf");
      Files.writeString(bird, Files.readString(bird).replace("next hop keep;", "next hop self;"));
    }
    CheckResult baseline = Check.run(Simulation.of(SnapshotLoader.load(copy)));
    assertThat(baseline.findings()).anyMatch(f -> f.message().contains("martian or self next-hop 10.0.10.254"));
    List<String> frrKeys = MoveCatalog.of(baseline, new Keep(List.of())).moves().stream().map(FixMove::key)
        .filter(k -> k.startsWith("frr.")).toList();
    if (version.startsWith("9")) {
      assertThat(frrKeys).containsExactly("frr.r1.allow-martian-nexthop");
    } else {
      assertThat(frrKeys).isEmpty();
    }
  }

  @Test
  void lastResortRanksAfterEveryOtherEditOfTheSameSize() {
    FixMove frr = new FixMove("frr.r1.x", "x", List.of(new FrrConfigEdit("r1", "f", FrrEditKind.ACTIVATE, 1, 0, "a", "a")),
        java.util.Set.of("f", "g", "h"), false, false, "");
    FixMove route = new FixMove("host.r1.routes", "y", List.of(new HostRouteEdit("r1", "f", List.of(), 1, 0, "b", "b")),
        java.util.Set.of("f"), false, false, "");
    FixCandidate a = new FixCandidate(List.of(route), 1, 1, List.of(), List.of(), List.of(), true, 0, null);
    FixCandidate b = new FixCandidate(List.of(frr), 1, 1, List.of(), List.of(), List.of(), true, 0, null);
    List<FixCandidate> l = new ArrayList<>(List.of(a, b));
    l.sort(FixCandidate.RANK);
    assertThat(l).containsExactly(b, a); // despite its larger blast radius
  }

  private void assertPatchedCopyPasses(Snapshot s, Patch p, String file) throws IOException {
    Path out = tmp.resolve("patched-" + System.nanoTime());
    Patch.writeCopy(s, p, out);
    CheckResult after = Check.run(Simulation.of(SnapshotLoader.load(out)));
    assertThat(after.intents()).allMatch(IntentResult::passed);
    assertThat(after.findings()).noneMatch(f -> f.severity() == Severity.ERROR);
    for (Map.Entry<String, String> f : p.files().entrySet()) {
      if (!f.getKey().endsWith("frr.conf")) {
        continue;
      }
      // podpath's own parser: no warning the original did not have
      List<String> before = messages(FrrConfigParser.parse(Files.readString(s.root().resolve(f.getKey())), f.getKey()).warnings());
      assertThat(messages(FrrConfigParser.parse(f.getValue(), f.getKey()).warnings())).isSubsetOf(before);
      bgpdAccepts(out.resolve(f.getKey()));
    }
  }

  /** FRR 8.4 `bgpd -C` reports a refused line ("No such command on config line N", "% ...") and still exits 0. */
  private static void bgpdAccepts(Path conf) throws IOException {
    assumeTrue(Files.isExecutable(BGPD), "bgpd is not installed");
    assumeTrue("root".equals(System.getProperty("user.name")), "bgpd -C needs root");
    Process proc = new ProcessBuilder(BGPD.toString(), "-C", "-f", conf.toString()).redirectErrorStream(true).start();
    String output;
    try {
      output = new String(proc.getInputStream().readAllBytes());
      proc.waitFor();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException(e);
    }
    assertThat(output.lines().filter(l -> l.contains("config line") || l.startsWith("%")).toList()).as(output).isEmpty();
  }

  private static List<String> messages(List<Finding> fs) {
    return fs.stream().filter(f -> f.severity() != Severity.INFO).map(f -> f.code() + " " + f.message()).toList();
  }

  private static List<String> diffLines(String diff, String sign) {
    return diff.lines().filter(l -> l.startsWith(sign) && !l.startsWith(sign.repeat(3))).map(l -> l.substring(1)).toList();
  }
}
