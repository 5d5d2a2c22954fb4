package dev.podpath.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.podpath.analysis.intent.IntentResult;
import dev.podpath.core.Finding;
import dev.podpath.dataplane.Direction;
import dev.podpath.dataplane.Disposition;
import dev.podpath.dataplane.PathTrace;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The founding case (docs/seed.md) end to end: every verdict here is derived by the engine from
 * the example's files; nothing in the example states it. The ground truth is the real bird2/FRR
 * run recorded in examples/cluster-101/README.md ("Observed with real bird2 ...").
 */
class SeedDiagnosisTest {

  private static CheckResult broken;
  private static CheckResult fixed;

  @BeforeAll
  static void run() {
    broken = Check.run(Path.of("examples/cluster-101"));
    fixed = Check.run(Path.of("examples/cluster-101-fixed"));
  }

  @Test
  void everySessionOfTheSeedIsEstablishedAsTheOperatorSaw() {
    // seed: "Peers: 1. Cilium (passive, ::1) ESTABLISHED 2. PVE VRF (fd00:101::fffe) ESTABLISHED"
    var sessions = broken.simulation().controlPlane().sessions();
    assertThat(sessions).hasSize(24).allMatch(s -> s.established());
  }

  @Test
  void coreDnsReachesNoApiServerBecauseTheRepliesHaveNoRoute() {
    for (String node : List.of("solwk01", "solwk02")) {
      IntentResult r = intent(broken, "pod@" + node + " -> svc default/kubernetes:443");
      assertThat(r.passed()).isFalse();
      List<PathTrace> paths = r.flows().stream().filter(f -> f.trace() != null)
          .flatMap(f -> f.trace().paths().stream()).filter(p -> p.backend() != null && p.forward().size() > 0)
          .filter(p -> p.forward().get(0).before().dst().v6()).toList();
      assertThat(paths).as("one path per API server backend").hasSize(3);
      for (PathTrace p : paths) {
        // the request arrives on the control plane; the reply leaves towards the home router
        assertThat(p.works()).isFalse();
        assertThat(p.endedIn()).isEqualTo(Direction.REPLY);
        assertThat(p.endedAt()).startsWith("solcp0");
        assertThat(p.disposition()).isEqualTo(Disposition.EXITS_NETWORK);
      }
    }
  }

  @Test
  void theResponsibleLineIsBirdsImportFromThePve() {
    List<Finding> notLearned = broken.findings().stream()
        .filter(f -> f.code().equals("route/not-learned") && f.host().equals("solcp01")).toList();
    assertThat(notLearned).isNotEmpty();
    assertThat(notLearned.get(0).where().file()).isEqualTo("hosts/solcp01/bird.conf");
    assertThat(notLearned).anySatisfy(f -> assertThat(f.message())
        .contains("fd00:101:224:0:3::/80 (solwk01's pods)")
        .contains("rejected by import filter at hosts/solcp01/bird.conf:61")
        .contains("learned by pve01/frr")
        .contains("auto-direct-node-routes is off"));
  }

  @Test
  void theFixedClusterPassesEveryDefaultIntent() {
    assertThat(fixed.intents()).isNotEmpty().allMatch(IntentResult::passed);
    assertThat(fixed.verdict()).isEqualTo(Verdict.PASS);
  }

  private static IntentResult intent(CheckResult r, String name) {
    return r.intents().stream().filter(i -> i.name().equals(name)).findFirst()
        .orElseThrow(() -> new AssertionError("no intent " + name + " in " + r.intents().stream().map(IntentResult::name).toList()));
  }
}
