package dev.podpath.bench;

import dev.podpath.analysis.Check;
import dev.podpath.analysis.Simulation;
import dev.podpath.analysis.intent.EndpointText;
import dev.podpath.analysis.intent.Expectation;
import dev.podpath.analysis.intent.FlowIntent;
import dev.podpath.analysis.intent.FlowRunner;
import dev.podpath.analysis.intent.IntentPlan;
import dev.podpath.analysis.intent.ResolvedFlow;
import dev.podpath.core.SourceRef;
import dev.podpath.dataplane.FlowSpec;
import dev.podpath.dataplane.Protocol;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * examples/cluster-101 simulated up to the FIBs, with the intent plan and the FlowRunner that
 * `check` uses (analysis.Check.runner).
 */
public record Cluster101(Simulation sim, IntentPlan plan, FlowRunner runner, FlowSpec corednsToApiserver) {

  /** The founding case's flow: CoreDNS pod -> svc default/kubernetes:443 (IPv6 ClusterIP). */
  public static final String FROM = "pod:kube-system/coredns-76899f5fd7-6wrtg";
  public static final String TO = "svc:default/kubernetes:443";

  public static Path root() {
    // the benchmark runs from the repository root (see BENCHMARKS.md); a fork inherits it
    Path p = Path.of(System.getProperty("podpath.example", "examples/cluster-101"));
    if (!Files.isDirectory(p)) {
      throw new IllegalStateException(p.toAbsolutePath() + " is not a directory: run from the repository root");
    }
    return p;
  }

  public static Cluster101 load() {
    Simulation sim = Simulation.of(root());
    IntentPlan plan = IntentPlan.of(sim.snapshot(), sim.daemons());
    FlowRunner runner = Check.runner(sim, plan);
    SourceRef here = SourceRef.file("bench");
    FlowIntent intent = new FlowIntent("bench", EndpointText.parse(FROM, here), EndpointText.parse(TO, here),
        Expectation.REACHABLE, Protocol.TCP, FlowIntent.DEFAULT_PORT, null, null, here, false);
    FlowSpec flow = plan.resolver().resolve(intent).flows().stream().map(ResolvedFlow::flow).findFirst()
        .orElseThrow(() -> new IllegalStateException("no flow for " + FROM + " -> " + TO));
    return new Cluster101(sim, plan, runner, flow);
  }
}
