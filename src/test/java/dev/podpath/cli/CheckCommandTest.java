package dev.podpath.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckCommandTest {

  private static final String EXAMPLES = "src/test/resources/examples/";

  @Test
  void skipUnreachableWithoutAdnrFailsWithTheAgentsMessageAtItsLine() {
    CliRun run = CliRun.of("check", EXAMPLES + "cilium-skip-unreachable-without-adnr");
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.out())
        .contains("Cilium agent: WOULD NOT START")
        .contains("cilium/values.yaml:7  cilium/direct-routing-skip-unreachable-needs-adnr")
        .contains("Flag direct-routing-skip-unreachable cannot be enabled when auto-direct-node-routes is not enabled.");
  }

  @Test
  void jsonFollowsTheOutputContract() {
    CliRun run = CliRun.of("check", "--format", "json", EXAMPLES + "cilium-skip-unreachable-without-adnr");
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.out())
        .contains("\"verdict\" : \"fail\"")
        .contains("\"code\" : \"cilium/direct-routing-skip-unreachable-needs-adnr\"")
        .contains("\"file\" : \"cilium/values.yaml\"")
        .contains("\"line\" : 7");
  }

  @Test
  void aMissingSnapshotIsExitTwoWithoutStackTrace() {
    CliRun run = CliRun.of("check", "does/not/exist");
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).startsWith("error: ").doesNotContain("Exception").doesNotContain("\tat ");
    assertThat(run.out()).isEmpty();
  }

  @Test
  void malformedYamlIsExitTwoWithFileAndLine(@TempDir Path dir) throws IOException {
    Files.createDirectories(dir.resolve("cilium"));
    Files.writeString(dir.resolve("cilium/values.yaml"), "routingMode: native\nbpf: [1, 2\nipv6:\n  enabled: true\n");
    CliRun run = CliRun.of("check", dir.toString());
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("cilium/values.yaml:").doesNotContain("\tat ");
    assertThat(run.out()).isEmpty();
  }

  @Test
  void unknownOptionIsAUsageErrorWithExitTwo() {
    CliRun run = CliRun.of("check", "--nope", EXAMPLES + "cilium-seed-coredns-bgp");
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("Unknown option").contains("--help");
  }
}
