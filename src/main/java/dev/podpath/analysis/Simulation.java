package dev.podpath.analysis;

import dev.podpath.controlplane.ControlPlane;
import dev.podpath.controlplane.ControlPlaneResult;
import dev.podpath.controlplane.spi.RoutingDaemon;
import dev.podpath.controlplane.assembly.DaemonsFromSnapshot;
import dev.podpath.controlplane.assembly.ParsedConfigs;
import dev.podpath.controlplane.cilium.CiliumAgentRoutes;
import dev.podpath.controlplane.cilium.CiliumBgpResolution;
import dev.podpath.controlplane.cilium.CiliumBgpResolver;
import dev.podpath.controlplane.cilium.CiliumBgpSpeaker;
import dev.podpath.controlplane.cilium.CiliumNodeRoutingResolution;
import dev.podpath.controlplane.cilium.CiliumNodeRoutingResolver;
import dev.podpath.ingest.cilium.AgentFlag;
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

  /**
   * Which BIRD release's rules apply when snapshot.yaml names none: Debian's 2.0.12, the version
   * the lab checks against (Talos' extension ships 2.17/2.18: set `birdVersion` for those).
   */
  public static final BirdVersion DEFAULT_BIRD_VERSION = BirdVersion.V2_0_12;

  public static Simulation of(Path root) {
    return of(SnapshotLoader.load(root));
  }

  public static Simulation of(Snapshot snapshot) {
    return of(snapshot, agentOf(snapshot));
  }

  /**
   * As {@link #of(Snapshot)}, taking bird.conf / frr.conf parses from {@code parses}: for many
   * edited copies of one snapshot (the `fix` search), where an edit re-parses only what it changed.
   */
  public static Simulation of(Snapshot snapshot, ParsedConfigs parses) {
    return of(snapshot, agentOf(snapshot), parses, d -> {});
  }

  /** The first stage on its own: what the Cilium agent makes of the snapshot's settings. */
  public static AgentStartupResult agentOf(Snapshot snapshot) {
    CiliumVersion version = CiliumVersion.nearest(snapshot.ciliumVersion(), SourceRef.file("snapshot.yaml"));
    CiliumConfig cilium = CiliumConfigReader.read(snapshot.ciliumValues(), snapshot.ciliumConfigMap(), version);
    return AgentStartup.evaluate(cilium);
  }

  /** The later stages (network, daemons, Cilium's speakers and routes, control plane) for a known agent. */
  public static Simulation of(Snapshot snapshot, AgentStartupResult agent) {
    return of(snapshot, agent, ParsedConfigs.none(), d -> {});
  }

  /**
   * The same, with {@code configure} applied to every routing daemon before the control plane
   * runs (the lab replays the real daemons' timing-dependent choices this way).
   */
  public static Simulation of(Snapshot snapshot, AgentStartupResult agent, java.util.function.Consumer<RoutingDaemon> configure) {
    return of(snapshot, agent, ParsedConfigs.none(), configure);
  }

  private static Simulation of(Snapshot snapshot, AgentStartupResult agent, ParsedConfigs parses,
      java.util.function.Consumer<RoutingDaemon> configure) {
    CiliumVersion version = agent.config().version();
    List<Finding> findings = new ArrayList<>(snapshot.findings());
    findings.addAll(agent.findings());

    Network network = Network.of(List.copyOf(snapshot.hosts().values()));
    BirdVersion bird = snapshot.birdVersion().isEmpty() ? DEFAULT_BIRD_VERSION : BirdVersion.nearest(snapshot.birdVersion());
    if (bird == null) {
      bird = DEFAULT_BIRD_VERSION;
    }
    DaemonsFromSnapshot.Result configured = DaemonsFromSnapshot.build(snapshot, network, bird, parses);
    findings.addAll(configured.findings());
    List<RoutingDaemon> daemons = new ArrayList<>(configured.daemons());

    // Cilium's BGP speaker per node (from the CRDs) and the kernel routes the agent installs
    CiliumBgpResolution bgp = CiliumBgpResolver.resolve(snapshot, agent.effective());
    findings.addAll(bgp.findings());
    bgp.nodes().values().forEach(cfg -> daemons.add(new CiliumBgpSpeaker(cfg)));
    SourceRef routingLine = agent.config().flag(AgentFlag.AUTO_DIRECT_NODE_ROUTES).source().where();
    CiliumNodeRoutingResolution routing = CiliumNodeRoutingResolver.resolve(snapshot, agent.effective(), routingLine);
    findings.addAll(routing.findings());
    List<CiliumAgentRoutes> agents = routing.nodes().values().stream().map(CiliumAgentRoutes::new).toList();

    daemons.forEach(configure);
    ControlPlaneResult cp = ControlPlane.compute(network, daemons, agents);
    findings.addAll(cp.findings());
    return new Simulation(snapshot, version, agent, network, daemons, cp, findings);
  }
}
