package dev.podpath.analysis.intent;

import dev.podpath.core.Finding;
import java.util.List;

/** A flow intent with its concrete flows and what resolution found (e.g. a selector matching nothing). */
public record ResolvedIntent(FlowIntent intent, List<ResolvedFlow> flows, List<Finding> findings) {

  public ResolvedIntent {
    flows = List.copyOf(flows);
    findings = List.copyOf(findings);
  }
}
