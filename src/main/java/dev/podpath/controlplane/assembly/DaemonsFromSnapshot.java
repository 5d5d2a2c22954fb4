package dev.podpath.controlplane.assembly;

import dev.podpath.controlplane.EngineHostView;
import dev.podpath.controlplane.bird.BirdDaemon;
import dev.podpath.controlplane.frr.FrrDaemon;
import dev.podpath.controlplane.spi.RoutingDaemon;
import dev.podpath.core.Finding;
import dev.podpath.core.net.IfAddress;
import dev.podpath.core.net.IpAddr;
import dev.podpath.ingest.DaemonConfigFile;
import dev.podpath.ingest.Snapshot;
import dev.podpath.ingest.bird.BirdParseResult;
import dev.podpath.ingest.bird.BirdVersion;
import dev.podpath.ingest.frr.FrrParseResult;
import dev.podpath.ingest.host.AddressSpec;
import dev.podpath.ingest.host.HostSpec;
import dev.podpath.ingest.host.InterfaceSpec;
import dev.podpath.model.network.Network;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * Parses every bird.conf / frr.conf of a snapshot and makes the simulated daemons of the hosts
 * that run them. Parse warnings (unsupported lines, BIRD's own config errors) become findings;
 * a daemon whose config the real one would refuse still appears, and reports itself as down.
 */
public final class DaemonsFromSnapshot {

  /** The daemons and every finding their configs produced. */
  public record Result(List<RoutingDaemon> daemons, List<Finding> findings) {
    public Result {
      daemons = List.copyOf(daemons);
      findings = List.copyOf(findings);
    }
  }

  private DaemonsFromSnapshot() {}

  /**
   * @param birdVersion whose rules apply to every bird.conf (Debian's 2.0.12 is the lab oracle;
   *     Talos ships 2.17/2.18)
   */
  public static Result build(Snapshot snapshot, Network network, BirdVersion birdVersion) {
    return build(snapshot, network, birdVersion, ParsedConfigs.none());
  }

  /** As {@link #build(Snapshot, Network, BirdVersion)}, taking configs parsed before from {@code parses}. */
  public static Result build(Snapshot snapshot, Network network, BirdVersion birdVersion, ParsedConfigs parses) {
    List<RoutingDaemon> daemons = new ArrayList<>();
    List<Finding> findings = new ArrayList<>();
    List<IpAddr> everyAddress = everyAddress(snapshot);
    for (DaemonConfigFile file : snapshot.daemonConfigs()) {
      switch (file.daemon()) {
        case BIRD -> {
          BirdParseResult parsed = parses.bird(snapshot.root(), file.text(), file.origin(), birdVersion);
          parsed.warnings().forEach(w -> findings.add(onHost(w, file.host())));
          daemons.add(new BirdDaemon(file.host(), parsed, new EngineHostView(network, file.host(), null, file.host() + "/bird")));
        }
        case FRR -> {
          FrrParseResult parsed = parses.frr(file.text(), file.displayPath());
          parsed.warnings().forEach(w -> findings.add(onHost(w, file.host())));
          EngineHostView view = new EngineHostView(network, file.host(), null, file.host() + "/frr");
          // `bgp listen range`: any other host's address may connect (FrrDaemon models one passive neighbor each)
          List<IpAddr> candidates = everyAddress.stream().filter(a -> !view.isLocalAddress(a)).toList();
          daemons.add(new FrrDaemon(parsed.config(), view, candidates));
        }
      }
    }
    return new Result(daemons, findings);
  }

  private static Finding onHost(Finding f, String host) {
    return f.host().isEmpty() ? f.onHost(host) : f;
  }

  private static List<IpAddr> everyAddress(Snapshot snapshot) {
    TreeSet<IpAddr> all = new TreeSet<>();
    for (HostSpec h : snapshot.hosts().values()) {
      for (InterfaceSpec i : h.interfaces()) {
        for (AddressSpec a : i.addresses()) {
          IfAddress ifa = a.address();
          if (!ifa.address().isLoopback()) {
            all.add(ifa.address());
          }
        }
      }
    }
    return List.copyOf(all);
  }
}
