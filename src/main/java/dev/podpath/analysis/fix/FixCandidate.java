package dev.podpath.analysis.fix;

import dev.podpath.analysis.CheckResult;
import dev.podpath.core.Finding;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * One set of moves and what `check` says about the snapshot with them applied.
 *
 * @param holds intents that hold after the moves, of {@code total}
 * @param repaired failing intents (before) that hold after
 * @param broken intents that held before and fail after
 * @param newErrors error findings that were not there before
 * @param agentStarts whether the Cilium agent starts with the edited settings
 * @param millis time to apply the edits and run check
 */
public record FixCandidate(List<FixMove> moves, int holds, int total, List<String> repaired, List<String> broken,
    List<Finding> newErrors, boolean agentStarts, long millis, CheckResult after) {

  public FixCandidate {
    moves = List.copyOf(moves);
    repaired = List.copyOf(repaired);
    broken = List.copyOf(broken);
    newErrors = List.copyOf(newErrors);
  }

  /** Accepted: the agent starts, every intent holds and no new error appears. */
  public boolean accepted() {
    return agentStarts && holds == total && newErrors.isEmpty();
  }

  public int radius() {
    return moves.stream().mapToInt(FixMove::radius).sum();
  }

  public boolean clusterWide() {
    return moves.stream().anyMatch(FixMove::clusterWide);
  }

  public Set<String> files() {
    Set<String> out = new TreeSet<>();
    moves.forEach(m -> out.addAll(m.files()));
    return out;
  }

  public List<String> keys() {
    List<String> out = new ArrayList<>();
    moves.forEach(m -> out.add(m.key()));
    return out;
  }

  /**
   * Fewest moves, then fewest last-resort moves (static routes), then smallest blast radius (a
   * cluster-wide flag reaches every node, so it ranks after per-file changes: issue 6 "a bird filter
   * on one peer before a cluster-wide Cilium flag"), then moves that keep the operator's stated
   * design, then name.
   */
  static final Comparator<FixCandidate> RANK = Comparator.comparingInt((FixCandidate c) -> c.moves().size())
      .thenComparingLong(c -> c.moves().stream().filter(FixMove::lastResort).count())
      .thenComparingLong(c -> c.moves().stream().filter(FixMove::clusterWide).count())
      .thenComparingInt(FixCandidate::radius)
      .thenComparingLong(c -> c.moves().stream().filter(FixMove::changesStatedDesign).count())
      .thenComparing(c -> String.join(",", c.keys()));

  /** Closest first: most intents holding, then fewest new errors, then the usual rank. */
  static final Comparator<FixCandidate> CLOSEST = Comparator.comparingInt((FixCandidate c) -> -c.holds())
      .thenComparingInt(c -> c.newErrors().size())
      .thenComparing(RANK);
}
