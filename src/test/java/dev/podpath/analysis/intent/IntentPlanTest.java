package dev.podpath.analysis.intent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.podpath.core.Finding;
import dev.podpath.core.InputException;
import dev.podpath.core.SourceRef;
import dev.podpath.core.net.IpAddr;
import dev.podpath.ingest.Snapshot;
import dev.podpath.ingest.SnapshotLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Whole plans from snapshots on disk: intents.yaml present, keep-only, broken; session evaluation. */
class IntentPlanTest {

  static final Path MINIMAL = Path.of("src", "test", "resources", "snapshots", "minimal");

  static Path copyWithIntents(Path dir, String intentsYaml) throws IOException {
    try (Stream<Path> files = Files.walk(SmallSnapshot.DIR)) {
      for (Path p : files.toList()) {
        Path to = dir.resolve(SmallSnapshot.DIR.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(to);
        } else {
          Files.copy(p, to);
        }
      }
    }
    Files.writeString(dir.resolve("intents.yaml"), intentsYaml);
    return dir;
  }

  @Test
  void checksInIntentsYamlReplaceTheDefaults(@TempDir Path dir) throws IOException {
    Snapshot s = SnapshotLoader.load(copyWithIntents(dir, """
        keep: [cilium.socketLB.hostNamespaceOnly]
        checks:
          - name: coredns reaches the API
            from: pod:kube-system/coredns-0
            to: svc:default/kubernetes:443
        """));
    IntentPlan plan = IntentPlan.of(s, List.of());
    assertThat(plan.defaults()).isFalse();
    assertThat(plan.intents()).extracting(Intent::name).containsExactly("coredns reaches the API");
    assertThat(plan.keep()).extracting(KeepSetting::key).containsExactly("cilium.socketLB.hostNamespaceOnly");
  }

  @Test
  void aBrokenIntentsYamlIsAnInputErrorWithItsLine(@TempDir Path dir) throws IOException {
    Snapshot s = SnapshotLoader.load(copyWithIntents(dir, """
        checks:
          - name: x
            from: {pods: {}}
            to: node:w1
        """));
    assertThatThrownBy(() -> IntentPlan.of(s, List.of())).isInstanceOfSatisfying(InputException.class, e ->
        assertThat(e.problems()).extracting(p -> p.toString()).contains(
            "intents.yaml:3: unknown key 'pods' (an endpoint has one of pod, service, node, router, address)"));
  }

  @Test
  void keepOnlyFileStillGetsTheDefaultsAndARouterInAVrfIsSaidSo() {
    Snapshot s = SnapshotLoader.load(MINIMAL);
    IntentPlan plan = IntentPlan.of(s, List.of());
    assertThat(plan.defaults()).isTrue();
    assertThat(plan.keep()).extracting(KeepSetting::key).containsExactly("cilium.autoDirectNodeRoutes");
    // two nodes without pods: synthetic pods on both, so ClusterIP from both and one pod-to-pod pair
    assertThat(plan.flowIntents()).extracting(Intent::name).containsExactly(
        "pod@w1 -> svc default/kubernetes:443", "pod@w2 -> svc default/kubernetes:443", "pod@w1 -> pod@w2");

    FlowIntent fromRouter = new FlowIntent("r1 to w1", new Endpoint.RouterRef("r1", SourceRef.of("intents.yaml", 9)),
        new Endpoint.NodeSelector("w1", null, null, SourceRef.NONE), Expectation.REACHABLE,
        dev.podpath.dataplane.Protocol.TCP, 22, null, "d", SourceRef.of("intents.yaml", 8), false);
    ResolvedIntent r = plan.resolver().resolve(fromRouter);
    assertThat(r.flows()).hasSize(1);
    assertThat(r.findings()).extracting(Finding::code).containsExactly("intent/router-source-in-vrf");
    assertThat(r.findings().get(0).message()).contains("VRF vrf_evpnz1");
  }

  @Test
  void sessionIntentsAgainstTheEngineSessions() {
    SessionIntent byPeer = new SessionIntent("up", "w1", "bird", IpAddr.parse("fd00:101::fffe"), null, null, "d",
        SourceRef.of("intents.yaml", 3), false);
    SessionIntent byId = new SessionIntent("cilium", "w1", null, null, "cilium", null, "d", SourceRef.of("hosts/w1/bird.conf", 20), true);
    SessionIntent missing = new SessionIntent("ghost", "w2", null, IpAddr.parse("fd00:101::99"), null, null, "d",
        SourceRef.of("intents.yaml", 6), false);
    Finding down = Finding.error("bgp/session-down", "bird neighbor cilium on w1 is not Established", SourceRef.of("hosts/w1/bird.conf", 20));
    List<IntentResult> r = SessionEvaluation.evaluate(List.of(byPeer, byId, missing), List.of(
        new SessionEvaluation.Observed("w1", "bird", "upstream", IpAddr.parse("fd00:101::fffe"), true, null),
        new SessionEvaluation.Observed("w1", "bird", "cilium", IpAddr.parse("::1"), false, down)));
    assertThat(r).extracting(IntentResult::verdict).containsExactly(Verdict.PASS, Verdict.FAIL, Verdict.FAIL);
    assertThat(r.get(1).findings()).containsExactly(down);
    assertThat(r.get(2).findings()).extracting(Finding::code).containsExactly("intent/session-not-declared");
  }
}
