package dev.podpath.analysis.intent;

import dev.podpath.core.SourceRef;
import dev.podpath.dataplane.FlowTrace;
import java.util.List;

/**
 * One concrete flow of an intent after the walk: whether it met the expectation, the trace's
 * one-line summary, one line per path that went against the expectation (backend, host, step,
 * disposition), the full trace, and the lines the flow came from.
 */
public record FlowOutcome(String label, boolean passed, String summary, List<String> problems, FlowTrace trace,
    List<SourceRef> refs) {

  public FlowOutcome {
    problems = List.copyOf(problems);
    refs = List.copyOf(refs);
  }
}
