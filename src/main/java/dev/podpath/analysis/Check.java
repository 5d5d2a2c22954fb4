package dev.podpath.analysis;

import dev.podpath.analysis.intent.FlowRunner;
import dev.podpath.analysis.intent.IntentPlan;
import dev.podpath.analysis.intent.IntentResult;
import dev.podpath.analysis.intent.SessionEvaluation;
import dev.podpath.controlplane.SessionResult;
import dev.podpath.core.Finding;
import dev.podpath.core.Severity;
import dev.podpath.dataplane.DatapathSettings;
import dev.podpath.dataplane.PacketWalk;
import dev.podpath.dataplane.assembly.FibForwardingTables;
import dev.podpath.dataplane.assembly.SettingsFromAgent;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The `check` pipeline: simulate the snapshot up to the kernel FIBs, then judge every intent
 * (intents.yaml, or the defaults of docs/design.md) by walking packets and their replies.
 * Input errors surface as {@link dev.podpath.core.InputException}.
 */
public final class Check {

  private Check() {}

  public static CheckResult run(Path root) {
    return run(Simulation.of(root));
  }

  public static CheckResult run(Simulation sim) {
    IntentPlan plan = IntentPlan.of(sim.snapshot(), sim.daemons());
    FlowRunner runner = runner(sim, plan);
    List<IntentResult> results = new ArrayList<>(plan.evaluate(runner));
    List<SessionEvaluation.Observed> observed = sim.controlPlane().sessions().stream()
        .map(s -> new SessionEvaluation.Observed(s.host(), s.daemon(), s.neighborId(), s.peerAddress(), s.established(),
            s.established() ? null : s.toFinding()))
        .toList();
    results.addAll(SessionEvaluation.evaluate(plan.sessionIntents(), observed));
    results.sort(java.util.Comparator.comparing(IntentResult::name));

    Set<Finding> findings = new LinkedHashSet<>(sim.findings());
    findings.addAll(plan.findings());
    results.forEach(r -> findings.addAll(r.findings()));
    // the root causes: for each path that died for want of a route, which config line is responsible
    MissingRoute missing = new MissingRoute(sim);
    for (IntentResult r : results) {
      for (var flow : r.flows()) {
        if (flow.passed() || flow.trace() == null) {
          continue;
        }
        flow.trace().paths().forEach(p -> missing.explain(p).ifPresent(findings::add));
      }
    }
    // a session no intent asks for is still worth knowing about when it is down
    for (SessionResult s : sim.controlPlane().sessions()) {
      if (!s.established() && !findings.contains(s.toFinding())) {
        Finding f = s.toFinding();
        findings.add(new Finding(f.code(), Severity.WARNING, f.message(), f.where(), f.host()));
      }
    }
    return new CheckResult(sim, List.copyOf(findings), results);
  }

  /** Binds the packet walk to this snapshot's settings, FIBs, services and endpoints. */
  public static FlowRunner runner(Simulation sim, IntentPlan plan) {
    DatapathSettings settings = SettingsFromAgent.of(sim.agent());
    Set<String> nodes = new TreeSet<>();
    sim.snapshot().kubernetes().nodes().forEach(n -> nodes.add(n.name()));
    FibForwardingTables tables = new FibForwardingTables(sim.network(), sim.controlPlane(), nodes);
    return flow -> PacketWalk.trace(flow, settings, tables, plan.resolver().services(), plan.resolver().endpoints());
  }
}
