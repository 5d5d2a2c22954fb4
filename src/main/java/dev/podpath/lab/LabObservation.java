package dev.podpath.lab;

import dev.podpath.core.net.IpPrefix;
import java.time.Duration;
import java.util.List;

/**
 * Everything observed on the real side at one moment: sessions, daemon RIBs and kernel FIBs of
 * every host, and whether the run had converged (sessions settled and tables unchanged for the
 * quiet period) after {@code elapsed} since the daemons started.
 */
public record LabObservation(
    List<ObservedSession> sessions,
    List<ObservedBgpRoute> bgpRoutes,
    List<ObservedKernelRoute> kernelRoutes,
    boolean converged,
    Duration elapsed) {

  public LabObservation {
    sessions = List.copyOf(sessions);
    bgpRoutes = List.copyOf(bgpRoutes);
    kernelRoutes = List.copyOf(kernelRoutes);
  }

  public List<ObservedSession> sessionsOf(String host) {
    return sessions.stream().filter(s -> s.host().equals(host)).toList();
  }

  public List<ObservedBgpRoute> bgpRoutesOf(String host) {
    return bgpRoutes.stream().filter(r -> r.host().equals(host)).toList();
  }

  public List<ObservedKernelRoute> kernelRoutesOf(String host) {
    return kernelRoutes.stream().filter(r -> r.host().equals(host)).toList();
  }

  /** Kernel routes of {@code host} for exactly {@code prefix} (any table). */
  public List<ObservedKernelRoute> kernelRoutes(String host, IpPrefix prefix) {
    return kernelRoutes.stream().filter(r -> r.host().equals(host) && r.prefix().equals(prefix)).toList();
  }

  /** Daemon routes of {@code host} for exactly {@code prefix}. */
  public List<ObservedBgpRoute> bgpRoutes(String host, IpPrefix prefix) {
    return bgpRoutes.stream().filter(r -> r.host().equals(host) && r.prefix().equals(prefix)).toList();
  }

  /** The state without timing, for "did anything change" comparisons. */
  LabObservation withoutTiming() {
    return new LabObservation(sessions, bgpRoutes, kernelRoutes, false, Duration.ZERO);
  }
}
