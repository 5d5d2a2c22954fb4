package dev.podpath.analysis;

import dev.podpath.core.Finding;
import dev.podpath.core.SourceRef;
import dev.podpath.ingest.Snapshot;
import dev.podpath.ingest.SnapshotLoader;
import dev.podpath.ingest.cilium.CiliumConfig;
import dev.podpath.ingest.cilium.CiliumConfigReader;
import dev.podpath.ingest.cilium.CiliumVersion;
import dev.podpath.model.cilium.AgentStartup;
import dev.podpath.model.cilium.AgentStartupResult;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The `check` pipeline: load the snapshot, run the Cilium agent's start-up validation, and
 * collect every stage's findings. Input errors surface as {@link dev.podpath.core.InputException}.
 */
public final class Check {

  private Check() {}

  public static CheckResult run(Path root) {
    Snapshot snapshot = SnapshotLoader.load(root);
    CiliumVersion version = CiliumVersion.nearest(snapshot.ciliumVersion(), SourceRef.file("snapshot.yaml"));
    CiliumConfig cilium = CiliumConfigReader.read(snapshot.ciliumValues(), snapshot.ciliumConfigMap(), version);
    AgentStartupResult agent = AgentStartup.evaluate(cilium);
    List<Finding> findings = new ArrayList<>(snapshot.findings());
    findings.addAll(agent.findings());
    return new CheckResult(snapshot, version, agent, findings);
  }
}
