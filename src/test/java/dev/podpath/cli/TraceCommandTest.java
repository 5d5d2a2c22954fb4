package dev.podpath.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.podpath.analysis.Simulation;
import dev.podpath.analysis.Trace;
import dev.podpath.analysis.TraceResult;
import dev.podpath.dataplane.Direction;
import dev.podpath.dataplane.PathTrace;
import dev.podpath.ingest.kubernetes.KubernetesObjects;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TraceCommandTest {

  static final String CLUSTER = "examples/cluster-101";
  static final String COREDNS = "pod:kube-system/coredns-76899f5fd7-6wrtg";
  static final String KUBERNETES = "svc:default/kubernetes:443";

  @Test
  void corednsToTheKubernetesServiceFailsWhereTheWalkSaysTheReplyDies() throws Exception {
    CliRun run = CliRun.of("trace", CLUSTER, "--from", COREDNS, "--to", KUBERNETES, "--format", "json");
    assertThat(run.exitCode()).isEqualTo(1);
    JsonNode root = new ObjectMapper().readTree(run.out());
    assertThat(root.get("works").asBoolean()).isFalse();

    // the same walk, run directly: the CLI must report what it found, path by path
    TraceResult direct = Trace.run(Simulation.of(Path.of(CLUSTER)), COREDNS, KUBERNETES, Trace.Options.defaults());
    JsonNode flows = root.get("flows");
    assertThat(flows).hasSize(direct.flows().size());
    Set<String> controlPlane = controlPlaneNodes();
    for (int f = 0; f < flows.size(); f++) {
      JsonNode paths = flows.get(f).get("paths");
      var walked = direct.flows().get(f).trace();
      assertThat(flows.get(f).get("disposition").asText()).isEqualTo(walked.disposition().name());
      assertThat(paths).hasSize(walked.paths().size());
      for (int i = 0; i < paths.size(); i++) {
        PathTrace p = walked.paths().get(i);
        JsonNode jp = paths.get(i);
        assertThat(jp.get("works").asBoolean()).isFalse();
        assertThat(jp.get("disposition").asText()).isEqualTo(p.disposition().name());
        assertThat(jp.get("endedAt").asText()).isEqualTo(p.endedAt());
        // the request arrives; the reply dies on the control-plane node that runs the backend
        assertThat(p.endedIn()).isEqualTo(Direction.REPLY);
        assertThat(controlPlane).contains(p.endedAt());
        assertThat(p.endedAt()).isEqualTo(p.backend().node());
        JsonNode reply = jp.get("reply");
        assertThat(reply.get(reply.size() - 1).get("host").asText()).isEqualTo(p.endedAt());
      }
    }
  }

  @Test
  void textLadderShowsTheTranslationTheFibAndTheBackendCount() {
    CliRun run = CliRun.of("trace", CLUSTER, "--from", COREDNS, "--to", KUBERNETES);
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.out())
        .contains("service default/kubernetes: 0 of 3 backends work")
        .contains("bpf_lxc from-container")
        .contains("kernel FIB main")
        .contains(TraceTextGlyphs.DIED + " solcp01")
        .contains("=>  [")
        .contains("(cilium/cilium-config.yaml:13)")
        .contains("Result: FAILS");
  }

  @Test
  void aHostProcessReachesTheKubernetesServiceOnEveryBackend() {
    CliRun run = CliRun.of("trace", CLUSTER, "--from", "node:solwk01", "--to", KUBERNETES);
    assertThat(run.exitCode()).as(run.out()).isEqualTo(0);
    assertThat(run.out()).contains("3 of 3 backends work").contains("bpf_sock").contains("Result: WORKS");
  }

  @Test
  void podAtNodeIsThePodCheckUsesThere() {
    CliRun run = CliRun.of("trace", CLUSTER, "--from", "pod@solwk01", "--to", KUBERNETES);
    assertThat(run.out()).contains("coredns-76899f5fd7-6wrtg@solwk01");
  }

  @Test
  void anUnknownPodIsExitTwoWithCloseNames() {
    CliRun run = CliRun.of("trace", CLUSTER, "--from", "pod:kube-system/coredns-76899f5fd7-6wrtx", "--to", KUBERNETES);
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).startsWith("error: --from: no pod kube-system/coredns-76899f5fd7-6wrtx")
        .contains("did you mean: kube-system/coredns-76899f5fd7-6wrtg").doesNotContain("\tat ");
    assertThat(run.out()).isEmpty();
  }

  @Test
  void anUnknownServiceOrPortOrMalformedEndpointIsExitTwo() {
    CliRun svc = CliRun.of("trace", CLUSTER, "--from", COREDNS, "--to", "svc:default/kubernets:443");
    assertThat(svc.exitCode()).isEqualTo(2);
    assertThat(svc.err()).contains("--to: no Service default/kubernets").contains("default/kubernetes");
    CliRun port = CliRun.of("trace", CLUSTER, "--from", COREDNS, "--to", "svc:default/kubernetes:80");
    assertThat(port.exitCode()).isEqualTo(2);
    assertThat(port.err()).contains("has no port 80").contains("443");
    CliRun bad = CliRun.of("trace", CLUSTER, "--from", "coredns", "--to", KUBERNETES);
    assertThat(bad.exitCode()).isEqualTo(2);
    assertThat(bad.err()).contains("is not an endpoint");
    CliRun router = CliRun.of("trace", CLUSTER, "--from", "node:pve01", "--to", KUBERNETES);
    assertThat(router.exitCode()).isEqualTo(2);
    assertThat(router.err()).contains("router:pve01");
  }

  private static Set<String> controlPlaneNodes() {
    KubernetesObjects k = dev.podpath.ingest.SnapshotLoader.load(Path.of(CLUSTER)).kubernetes();
    Set<String> out = new HashSet<>();
    dev.podpath.dataplane.assembly.ClusterInventory.of(k).nodes().stream()
        .filter(dev.podpath.dataplane.assembly.ClusterNode::controlPlane).forEach(n -> out.add(n.name()));
    assertThat(out).isNotEmpty();
    return out;
  }

  /** The glyphs of TraceText (package dev.podpath.report), restated: a change there must show here. */
  static final class TraceTextGlyphs {
    static final String DIED = "✗";
  }
}
