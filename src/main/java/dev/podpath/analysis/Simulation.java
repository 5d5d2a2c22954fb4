package dev.podpath.analysis;

import dev.podpath.controlplane.ControlPlane;
import dev.podpath.controlplane.ControlPlaneResult;
import dev.podpath.controlplane.spi.RoutingDaemon;
import dev.podpath.controlplane.assembly.DaemonsFromSnapshot;
import dev.podpath.core.Finding;
import dev.podpath.core.SourceRef;
import dev.podpath.ingest.Snapshot;
import dev.podpath.ingest.SnapshotLoader;
import dev.podpath.ingest.bird.BirdVersion;
import dev.podpath.ingest.cilium.CiliumConfig;
import dev.podpath.ingest.cilium.CiliumConfigReader;
import dev.podpath.ingest.cilium.CiliumVersion;
import dev.podpath.model.cilium.AgentStartup;
import dev.podpath.model.cilium.AgentStartupResult;
import dev.podpath.model.network.Network;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A snapshot run through every stage up to the kernel FIBs: the loaded files, the Cilium agent's
 * effective settings, the network, the routing daemons, and the control plane's fixed point.
 * `check`, `sessions`, `routes` and `trace` all start from one.
 */
public record Simulation(
    Snapshot snapshot,
    CiliumVersion ciliumVersion,
    AgentStartupResult agent,
    Network network,
    List<RoutingDaemon> daemons,
    ControlPlaneResult controlPlane,
    List<Finding> findings) {

  public Simulation {
    daemons = List.copyOf(daemons);
    findings = List.copyOf(findings);
  }

  /** Which BIRD release's rules apply: Debian's 2.0.12, the version the lab can check against. */
  public static final BirdVersion BIRD_VERSION = BirdVersion.V2_0_12;

  public static Simulation of(Path root) {
    return of(SnapshotLoader.load(root));
  }

  public static Simulation of(Snapshot snapshot) {
    CiliumVersion version = CiliumVersion.nearest(snapshot.ciliumVersion(), SourceRef.file("snapshot.yaml"));
    CiliumConfig cilium = CiliumConfigReader.read(snapshot.ciliumValues(), snapshot.ciliumConfigMap(), version);
    AgentStartupResult agent = AgentStartup.evaluate(cilium);
    List<Finding> findings = new ArrayList<>(snapshot.findings());
    findings.addAll(agent.findings());

    Network network = Network.of(List.copyOf(snapshot.hosts().values()));
    DaemonsFromSnapshot.Result daemons = DaemonsFromSnapshot.build(snapshot, network, BIRD_VERSION);
    findings.addAll(daemons.findings());
    ControlPlaneResult cp = ControlPlane.compute(network, daemons.daemons(), List.of());
    findings.addAll(cp.findings());
    return new Simulation(snapshot, version, agent, network, daemons.daemons(), cp, findings);
  }
}
