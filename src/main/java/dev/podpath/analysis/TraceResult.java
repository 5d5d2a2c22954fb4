package dev.podpath.analysis;

import dev.podpath.core.Finding;
import dev.podpath.dataplane.FlowTrace;
import java.util.List;

/**
 * What `podpath trace` found: the endpoints as written, one traced flow per source address x
 * destination address of a common family (each with a path per backend), and notes from
 * resolving the endpoints.
 */
public record TraceResult(String from, String to, List<TracedFlow> flows, List<Finding> notes) {

  public TraceResult {
    flows = List.copyOf(flows);
    notes = List.copyOf(notes);
  }

  /** One concrete flow: its readable label (e.g. {@code pod kube-system/coredns-0@w1 [fd00::5] -> svc ...}) and its walk. */
  public record TracedFlow(String label, FlowTrace trace) {}

  /** Whether every path of every flow works (exit 0). */
  public boolean works() {
    return flows.stream().allMatch(f -> f.trace().works());
  }

  public long workingPaths() {
    return flows.stream().mapToLong(f -> f.trace().workingPaths()).sum();
  }

  public long paths() {
    return flows.stream().mapToLong(f -> f.trace().paths().size()).sum();
  }
}
