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
public record CheckResult(Simulation simulation, List<Finding> findings) {

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
  }

  /** Fails on any error finding (a failing intent is an error finding too). */
  public Verdict verdict() {
    return findings.stream().anyMatch(f -> f.severity() == Severity.ERROR) ? Verdict.FAIL : Verdict.PASS;
  }

  public long count(Severity s) {
    return findings.stream().filter(f -> f.severity() == s).count();
  }
}
