package dev.podpath.analysis.fix;

import dev.podpath.analysis.CheckResult;
import java.util.List;

/**
 * What the fix search found: the baseline check, every accepted candidate in rank order (with its
 * patch), the closest rejected candidates when none was accepted, the moves pruned without
 * simulation, and how long each candidate took.
 */
public record FixResult(CheckResult baseline, List<FixCandidate> accepted, List<Patch> patches, List<FixCandidate> closest,
    List<String> skipped, int tried, int maxEdits, long millis) {

  public FixResult {
    accepted = List.copyOf(accepted);
    patches = List.copyOf(patches);
    closest = List.copyOf(closest);
    skipped = List.copyOf(skipped);
  }

  public boolean found() {
    return !accepted.isEmpty();
  }

  public long baselineHolds() {
    return baseline.intents().stream().filter(i -> i.passed()).count();
  }

  public int total() {
    return baseline.intents().size();
  }

  public long millisPerCandidate() {
    return tried == 0 ? 0 : millis / tried;
  }
}
