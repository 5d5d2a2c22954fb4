package dev.podpath.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.podpath.lab.LabPreconditions;
import dev.podpath.lab.LabTopology;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * The seed's cluster booted for real: six Talos-like nodes (bird2 + the Cilium stand-in + pods)
 * and pve01's FRR with its VRF flattened (docs/fidelity/lab.md "VRF flattening"); and issue #6's
 * promise that the patch `fix --apply` writes passes check and agrees with the real daemons.
 */
@Tag("lab")
class LabExamplesLabTest {

  @BeforeEach
  void labAvailable() {
    List<String> missing = LabPreconditions.missing(new LabTopology(List.of(), List.of(), List.of()));
    assumeTrue(missing.isEmpty(), () -> "lab unavailable: " + missing);
  }

  @ParameterizedTest
  @ValueSource(strings = {"cluster-101", "cluster-101-fixed"})
  @Timeout(300)
  void theSeedsClusterBootsAndAgreesWithTheSimulation(String example) {
    Path dir = Path.of("examples", example);
    assumeTrue(Files.isDirectory(dir), "example not present");
    CliRun r = CliRun.of("lab", dir.toString());
    assertThat(r.err()).contains("note: host pve01: VRF vrf_evpnz1 runs as the namespace's main table");
    assertThat(r.out()).as(r.out() + r.err())
        .contains(dir + ": real daemons agree with the simulation").contains("vrf-flattened-default x");
    assertThat(r.exitCode()).isZero();
  }

  @Test
  @Timeout(300)
  void theAcceptedFixAppliedPassesCheckAndAgreesWithTheRealDaemons(@TempDir Path tmp) {
    Path patched = tmp.resolve("patched");
    CliRun fix = CliRun.of("fix", "examples/cluster-101", "--keep", "cilium.autoDirectNodeRoutes",
        "--keep", "cilium.socketLB.hostNamespaceOnly", "--apply", patched.toString());
    assertThat(fix.exitCode()).as(fix.out() + fix.err()).isZero();
    CliRun check = CliRun.of("check", patched.toString());
    assertThat(check.exitCode()).as(check.out()).isZero();
    CliRun lab = CliRun.of("lab", patched.toString());
    assertThat(lab.out()).as(lab.out() + lab.err()).contains("real daemons agree with the simulation");
    assertThat(lab.exitCode()).isZero();
  }
}
