package dev.podpath.analysis.intent;

import dev.podpath.core.Finding;
import dev.podpath.core.SourceRef;
import java.util.List;

/** One evaluated flow intent: verdict, every flow's outcome, where it was written, and its findings. */
public record IntentResult(String name, Verdict verdict, String description, List<FlowOutcome> flows, SourceRef where,
    List<Finding> findings) {

  public IntentResult {
    flows = List.copyOf(flows);
    findings = List.copyOf(findings);
  }

  public boolean passed() {
    return verdict != Verdict.FAIL;
  }
}
