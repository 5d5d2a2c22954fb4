package dev.podpath.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.podpath.lab.LabPreconditions;
import dev.podpath.lab.LabTopology;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

class LabCommandTest {

  @Test
  void aVrfThatCannotBeFlattenedIsRefusedWithExitTwoAndTheReason(@org.junit.jupiter.api.io.TempDir java.nio.file.Path tmp)
      throws Exception {
    // refused before anything is booted, so this runs on any machine
    java.nio.file.Path dir = tmp.resolve("snap");
    try (var s = java.nio.file.Files.walk(java.nio.file.Path.of("examples", "cluster-101"))) {
      for (java.nio.file.Path p : s.toList()) {
        java.nio.file.Path t = dir.resolve(java.nio.file.Path.of("examples", "cluster-101").relativize(p).toString());
        if (java.nio.file.Files.isDirectory(p)) {
          java.nio.file.Files.createDirectories(t);
        } else {
          java.nio.file.Files.copy(p, t);
        }
      }
    }
    // pve01's default instance gets a real neighbor: its default VRF would matter, so no flattening
    java.nio.file.Path frr = dir.resolve("hosts/pve01/frr.conf");
    java.nio.file.Files.writeString(frr, java.nio.file.Files.readString(frr)
        .replace(" neighbor VTEP peer-group\n", " neighbor VTEP peer-group\n neighbor 192.168.101.9 remote-as 65009\n"));
    CliRun run = CliRun.of("lab", dir.toString());
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).startsWith("error: the lab cannot run here:")
        .contains("host pve01 puts interfaces in VRF vrf_evpnz1, this kernel has no vrf link type, and the VRF cannot be"
            + " flattened: hosts/pve01/frr.conf: line 19: the default instance has neighbor 192.168.101.9, which could establish")
        .doesNotContain("\tat ");
    assertThat(run.out()).isEmpty();
  }

  @Test
  void snapshotAndGenerateExcludeEachOther() {
    CliRun run = CliRun.of("lab", "examples/cluster-101", "--generate", "3");
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("mutually exclusive");
  }

  @Test
  void oneOfThemIsRequired() {
    CliRun run = CliRun.of("lab");
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("Missing required");
  }

  @Test
  @Tag("lab")
  void aGeneratedTopologyIsBootedComparedAndPrintedAsJson() {
    assumeTrue(LabPreconditions.missing(new LabTopology(List.of(), List.of(), List.of())).isEmpty(), "lab unavailable");
    // seed 1: ten sessions, FRR and bird, agreed with the simulation in every run (2026-11-26)
    CliRun run = CliRun.of("lab", "--generate", "1", "--format", "json");
    assertThat(run.out()).contains("\"snapshot\" : \"random-1 (seed 1)\"").contains("\"seed\" : 1")
        .contains("\"agrees\" : true").contains("\"differences\" : [ ]").contains("\"observation\"");
    assertThat(run.exitCode()).isEqualTo(0);
  }

  @Test
  @Tag("lab")
  void aDifferenceIsExitOneWithTheSeedToReplay() {
    assumeTrue(LabPreconditions.missing(new LabTopology(List.of(), List.of(), List.of())).isEmpty(), "lab unavailable");
    // seed 43: r7's zebra installs the global next hop where the simulation takes the link-local
    // one of another router (open seed, docs/fidelity/lab.md; differed in every run of 2026-11-26)
    CliRun run = CliRun.of("lab", "--generate", "43");
    assertThat(run.out()).contains("host r7:").contains("route-next-hop  fib main fd00:a:3::/48 bgp")
        .contains("simulated: via fe80::3:1 dev eth0").contains("real daemons DIFFER");
    assertThat(run.err()).contains("replay with: podpath lab --generate 43");
    assertThat(run.exitCode()).isEqualTo(1);
  }
}
