package dev.podpath.analysis;

import dev.podpath.core.Finding;
import dev.podpath.core.Severity;
import dev.podpath.ingest.Snapshot;
import dev.podpath.ingest.cilium.CiliumVersion;
import dev.podpath.model.cilium.AgentStartupResult;
import java.util.List;

/**
 * Everything `podpath check` found: the snapshot as loaded, what the Cilium agent does with its
 * settings, and every finding from every stage, sorted.
 */
public record CheckResult(Simulation simulation, List<Finding> findings, List<dev.podpath.analysis.intent.IntentResult> intents) {

  public Snapshot snapshot() {
    return simulation.snapshot();
  }

  public CiliumVersion ciliumVersion() {
    return simulation.ciliumVersion();
  }

  public AgentStartupResult agent() {
    return simulation.agent();
  }


  public CheckResult {
    findings = findings.stream().sorted(Finding.ORDER).toList();
    intents = List.copyOf(intents);
  }

  /** Fails on any failing intent or error finding. */
  public Verdict verdict() {
    boolean intentFails = intents.stream().anyMatch(i -> !i.passed());
    return intentFails || findings.stream().anyMatch(f -> f.severity() == Severity.ERROR) ? Verdict.FAIL : Verdict.PASS;
  }

  public long count(Severity s) {
    return findings.stream().filter(f -> f.severity() == s).count();
  }
}
