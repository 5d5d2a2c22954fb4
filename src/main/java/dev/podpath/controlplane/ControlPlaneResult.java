package dev.podpath.controlplane;

import dev.podpath.controlplane.spi.RibEntry;
import dev.podpath.core.Finding;
import java.util.List;
import java.util.SortedMap;

/**
 * What the control plane computed: every configured session from each end, each host's kernel
 * FIB, each daemon's RIB (by {@link DaemonRef#key()}), findings, and how the fixed points went.
 *
 * @param outerIterations sessions -> routes -> FIBs iterations run (Batfish's topology iterations)
 * @param exchangeRounds route exchange rounds run, over all outer iterations
 * @param converged false when a fixed point was not reached (oscillation or iteration limit: see findings)
 */
public record ControlPlaneResult(
    List<SessionResult> sessions,
    List<EstablishedSession> established,
    SortedMap<String, KernelFib> fibs,
    SortedMap<String, List<RibEntry>> ribs,
    List<Finding> findings,
    int outerIterations,
    int exchangeRounds,
    boolean converged) {

  public ControlPlaneResult {
    sessions = List.copyOf(sessions);
    established = List.copyOf(established);
    findings = List.copyOf(findings);
  }

  public KernelFib fib(String host) {
    return fibs.get(host);
  }
}
