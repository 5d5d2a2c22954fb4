package dev.podpath.analysis.intent;

import dev.podpath.core.SourceRef;
import dev.podpath.dataplane.FlowSpec;
import java.util.List;

/**
 * One concrete flow of an intent: the walk's input, a readable label, and the lines it came from
 * (the intent's line first, then the source object's and the destination object's).
 */
public record ResolvedFlow(FlowSpec flow, String label, List<SourceRef> refs) {

  public ResolvedFlow {
    refs = List.copyOf(refs);
  }
}
