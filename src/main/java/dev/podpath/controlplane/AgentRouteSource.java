package dev.podpath.controlplane;

import dev.podpath.core.Finding;
import dev.podpath.model.routing.KernelRoute;
import java.util.List;

/**
 * Something outside BGP that installs kernel routes on a host and decides them by looking at the
 * host's routes (the Cilium agent: its ADNR routes depend on `ip route get <node IP>`). The engine
 * recomputes it in every outer iteration against the FIB of the previous one.
 */
public interface AgentRouteSource {

  String host();

  /** The installer name shown in the FIB, e.g. "cilium-agent". */
  String installer();

  /** How it writes routes (Cilium: netlink.RouteReplace). */
  InstallMode mode();

  Installed compute(KernelFib current);

  /** The routes to install and what the agent would log (errors it returns, skipped routes). */
  record Installed(List<KernelRoute> routes, List<Finding> findings) {
    public Installed {
      routes = List.copyOf(routes);
      findings = List.copyOf(findings);
    }
  }
}
