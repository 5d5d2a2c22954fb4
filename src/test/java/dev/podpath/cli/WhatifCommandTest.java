package dev.podpath.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.podpath.analysis.Simulation;
import dev.podpath.analysis.Trace;
import dev.podpath.analysis.TraceResult;
import dev.podpath.analysis.whatif.EditText;
import dev.podpath.analysis.whatif.WhatIf;
import dev.podpath.analysis.whatif.WhatIfResult;
import dev.podpath.dataplane.PathTrace;
import dev.podpath.dataplane.Step;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WhatifCommandTest {

  static final String CLUSTER = TraceCommandTest.CLUSTER;
  static final String OPTION_A = "cilium.socketLB.hostNamespaceOnly=false";
  static final String OPTION_B = "cilium.bpf.masquerade=true";

  @Test
  void optionAMovesTheTranslationToBpfSockButTheReplyStillHasNoRoute() {
    WhatIfResult r = WhatIf.run(Path.of(CLUSTER), List.of(EditText.parse(OPTION_A)));
    assertThat(r.settings()).anySatisfy(c -> {
      assertThat(c.flag()).isEqualTo("bpf-lb-sock-hostns-only");
      assertThat(c.before()).isEqualTo("true");
      assertThat(c.after()).isEqualTo("false");
      assertThat(c.setBy()).contains("--set " + OPTION_A);
    });
    assertThat(r.startsAfter()).isTrue();

    TraceResult before = trace(r.before().simulation());
    TraceResult after = trace(r.after().simulation());
    for (PathTrace p : before.flows().get(0).trace().paths()) {
      assertThat(translation(p).actor()).startsWith("bpf_lxc from-container");
    }
    for (PathTrace p : after.flows().get(0).trace().paths()) {
      Step t = translation(p);
      assertThat(t.actor()).startsWith("bpf_sock");
      assertThat(r.shown(t.where()).file()).isEqualTo("--set " + OPTION_A);
      assertThat(p.forward()).noneMatch(s -> s.kind() == Step.Kind.DNAT && s.actor().startsWith("bpf_lxc"));
    }
    // what the simulation says about the founding case: the translation moves, the reply route does not
    assertThat(after.works()).isEqualTo(before.works());
    for (int i = 0; i < before.flows().get(0).trace().paths().size(); i++) {
      PathTrace b = before.flows().get(0).trace().paths().get(i);
      PathTrace a = after.flows().get(0).trace().paths().get(i);
      assertThat(a.disposition()).isEqualTo(b.disposition());
      assertThat(a.endedAt()).isEqualTo(b.endedAt());
      assertThat(a.endedIn()).isEqualTo(b.endedIn());
    }
    // every intent keeps its verdict
    assertThat(r.intents()).allSatisfy(c -> assertThat(c.verdictChanged()).as(c.name()).isFalse());
  }

  @Test
  void optionBSwitchesMasqueradeToBpfWhichExcludesTheNativeRoutingCidr() {
    WhatIfResult r = WhatIf.run(Path.of(CLUSTER), List.of(EditText.parse(OPTION_B)));
    assertThat(r.settings()).extracting(WhatIfResult.SettingChange::flag).contains("enable-bpf-masquerade");
    TraceResult before = trace(r.before().simulation());
    TraceResult after = trace(r.after().simulation());
    assertThat(before.flows().get(0).trace().paths().get(0).forward())
        .anyMatch(s -> s.actor().startsWith("iptables"));
    assertThat(after.flows().get(0).trace().paths().get(0).forward())
        .noneMatch(s -> s.actor().startsWith("iptables"))
        .anyMatch(s -> s.actor().startsWith("bpf_host") && s.kind() == Step.Kind.SKIP);
    assertThat(after.works()).isEqualTo(before.works());
    assertThat(r.passes()).isEqualTo(r.before().verdict() == dev.podpath.analysis.Verdict.PASS);
  }

  @Test
  void cliReportsOptionAWithTheSetAsTheSourceAndExitsOnTheEditedVerdict() throws Exception {
    CliRun run = CliRun.of("whatif", CLUSTER, "--set", OPTION_A, "--format", "json");
    WhatIfResult r = WhatIf.run(Path.of(CLUSTER), List.of(EditText.parse(OPTION_A)));
    assertThat(run.exitCode()).isEqualTo(r.passes() ? 0 : 1);
    JsonNode root = new ObjectMapper().readTree(run.out());
    assertThat(root.get("verdict").get("after").asText()).isEqualTo(r.after().verdict().label());
    assertThat(root.get("cilium").get("changed").toString()).contains("bpf-lb-sock-hostns-only");
    assertThat(root.get("notes").toString()).contains("whatif/configmap-rerendered").contains("cilium/cilium-config.yaml:13");
    assertThat(root.get("intents")).hasSize(r.intents().size());

    CliRun text = CliRun.of("whatif", CLUSTER, "--set", OPTION_A, "--from", TraceCommandTest.COREDNS, "--to",
        TraceCommandTest.KUBERNETES);
    assertThat(text.out()).contains("Cilium agent: starts -> starts").contains("Trace after the edits:")
        .contains("      - request solwk01 bpf_lxc from-container")
        .contains("      + request solwk01 bpf_sock connect6 dnat")
        .contains("(--set " + OPTION_A + ")");
  }

  @Test
  void skipUnreachableWithoutAdnrStopsTheAgentAndTheFindingPointsAtTheSet() {
    CliRun run = CliRun.of("whatif", CLUSTER, "--set", "cilium.directRoutingSkipUnreachable=true");
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.out()).contains("Cilium agent: starts -> WOULD NOT START")
        .contains("--set cilium.directRoutingSkipUnreachable=true  cilium/direct-routing-skip-unreachable-needs-adnr")
        .contains("Verdict: FAIL -> FAIL");
  }

  @Test
  void editsOnASmallSnapshotWithoutConfigMapFixTheAgentAndWarnOnUnknownKeys() {
    String snap = "src/test/resources/examples/cilium-skip-unreachable-without-adnr";
    CliRun broken = CliRun.of("check", snap);
    assertThat(broken.out()).contains("WOULD NOT START");
    CliRun run = CliRun.of("whatif", snap, "--set", "cilium.directRoutingSkipUnreachable=false", "--set",
        "cilium.socketLb.enabled=true");
    assertThat(run.out()).contains("Cilium agent: WOULD NOT START -> starts")
        .contains("cilium/direct-routing-skip-unreachable-needs-adnr")
        .contains("--set cilium.socketLb.enabled=true  cilium/unknown-helm-key");
  }

  @Test
  void editsAddKeysThatWereNotWritten(@TempDir Path dir) throws IOException {
    Files.createDirectories(dir.resolve("cilium"));
    Files.writeString(dir.resolve("cilium/values.yaml"), "routingMode: native\nipv4NativeRoutingCIDR: 10.0.0.0/8\n");
    CliRun run = CliRun.of("whatif", dir.toString(), "--set", "cilium.bpf.masquerade=true", "--format", "json");
    assertThat(run.out()).contains("\"flag\" : \"enable-bpf-masquerade\"")
        .contains("helm bpf.masquerade (--set cilium.bpf.masquerade=true)");
    assertThat(Files.readString(dir.resolve("cilium/values.yaml"))).doesNotContain("bpf");
  }

  @Test
  void badEditsAreExitTwo() {
    assertThat(CliRun.of("whatif", CLUSTER, "--set", "socketLB.hostNamespaceOnly=false").err())
        .contains("a key starts with cilium.");
    assertThat(CliRun.of("whatif", CLUSTER, "--set", "cilium.bpf.masquerade").exitCode()).isEqualTo(2);
    CliRun bird = CliRun.of("whatif", CLUSTER, "--set", "bird.solwk01.x=1");
    assertThat(bird.exitCode()).isEqualTo(2);
    assertThat(bird.err()).contains("bird edits are not supported yet");
    CliRun map = CliRun.of("whatif", CLUSTER, "--set", "cilium.bpf={a: 1}");
    assertThat(map.exitCode()).isEqualTo(2);
    assertThat(map.err()).contains("must be a scalar").doesNotContain("\tat ");
    assertThat(CliRun.of("whatif", CLUSTER).exitCode()).isEqualTo(2);
  }

  private static TraceResult trace(Simulation sim) {
    return Trace.run(sim, TraceCommandTest.COREDNS, TraceCommandTest.KUBERNETES, Trace.Options.defaults());
  }

  /** The step that translated the ClusterIP to a backend (bpf_sock at connect() or bpf_lxc per packet). */
  private static Step translation(PathTrace p) {
    return p.forward().stream().filter(s -> s.kind() == Step.Kind.DNAT).findFirst().orElseThrow();
  }
}
