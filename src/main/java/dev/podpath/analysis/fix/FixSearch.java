package dev.podpath.analysis.fix;

import dev.podpath.analysis.Check;
import dev.podpath.analysis.CheckResult;
import dev.podpath.analysis.Simulation;
import dev.podpath.analysis.intent.IntentPlan;
import dev.podpath.analysis.intent.IntentResult;
import dev.podpath.analysis.intent.KeepSetting;
import dev.podpath.analysis.whatif.Edit;
import dev.podpath.analysis.whatif.WhatIf;
import dev.podpath.controlplane.assembly.ParsedConfigs;
import dev.podpath.core.Finding;
import dev.podpath.ingest.Snapshot;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The `fix` search: single moves first, then pairs (and so on up to {@code maxEdits}) of the moves
 * that improved something on their own, first without the last-resort moves (host.yaml static
 * routes), then, only when that finds nothing, with them; every candidate is proven by a full {@link Check} of the
 * edited snapshot (the parsed snapshot is loaded once). A candidate that contains an accepted one
 * is never tried: it is not minimal.
 */
public final class FixSearch {

  private FixSearch() {}

  public static FixResult run(Snapshot snapshot, List<KeepSetting> keepFlags, int maxEdits, Consumer<String> progress) {
    long start = System.nanoTime();
    ParsedConfigs parses = ParsedConfigs.shared(); // every candidate re-parses only the configs its edits change
    CheckResult baseline = Check.run(Simulation.of(snapshot, parses));
    List<KeepSetting> keep = new ArrayList<>(keepFlags);
    keep.addAll(IntentPlan.of(snapshot, baseline.simulation().daemons()).keep());
    MoveCatalog.Moves moves = MoveCatalog.of(baseline, new Keep(keep));
    progress.accept("fix: " + moves.moves().size() + " candidate moves, " + moves.skipped().size() + " pruned; baseline "
        + holds(baseline) + " of " + baseline.intents().size() + " intents hold");

    // static routes are the last resort: tried only when no other fix is found
    List<FixMove> regular = moves.moves().stream().filter(m -> !m.lastResort()).toList();
    List<String> skipped = new ArrayList<>(moves.skipped());
    Map<Set<String>, FixCandidate> tried = new LinkedHashMap<>();
    long searchStart = System.nanoTime();
    List<FixCandidate> accepted = search(snapshot, baseline, regular, maxEdits, tried, parses, progress);
    if (regular.size() < moves.moves().size()) {
      if (accepted.isEmpty()) {
        progress.accept("fix: no fix without static routes; trying the last resort (host.yaml static routes) too");
        accepted = search(snapshot, baseline, moves.moves(), maxEdits, tried, parses, progress);
      } else {
        moves.moves().stream().filter(FixMove::lastResort)
            .forEach(m -> skipped.add(m.key() + ": last resort, not tried (a fix without static routes was found)"));
      }
    }
    long searchMillis = (System.nanoTime() - searchStart) / 1_000_000;
    accepted.sort(FixCandidate.RANK);
    List<Patch> patches = accepted.stream().map(c -> Patch.of(snapshot, c)).toList();
    List<FixCandidate> closest = tried.values().stream().filter(c -> !c.accepted()).sorted(FixCandidate.CLOSEST).limit(5).toList();
    progress.accept("fix: " + tried.size() + " candidates in " + (System.nanoTime() - start) / 1_000_000 + " ms");
    return new FixResult(baseline, accepted, patches, closest, skipped, tried.size(), maxEdits, searchMillis);
  }

  /**
   * Singles, then pairs and triples of the moves that improved something on their own, stopping at
   * the first size past 1 that has an accepted candidate. {@code tried} holds every candidate
   * evaluated so far (by its set of labels): a second pass re-uses the first one's results.
   */
  private static List<FixCandidate> search(Snapshot snapshot, CheckResult baseline, List<FixMove> moves, int maxEdits,
      Map<Set<String>, FixCandidate> tried, ParsedConfigs parses, Consumer<String> progress) {
    List<FixCandidate> accepted = new ArrayList<>();
    List<List<FixMove>> frontier = new ArrayList<>();
    List<FixMove> improving = new ArrayList<>();
    for (FixMove m : moves) {
      frontier.add(List.of(m));
    }
    for (int size = 1; size <= maxEdits && !frontier.isEmpty(); size++) {
      List<List<FixMove>> untried = frontier.stream().filter(combo -> !tried.containsKey(key(combo))).toList();
      List<Supplier<FixCandidate>> results = CandidatePool.evaluateAll(untried, combo -> evaluate(snapshot, baseline, combo, parses));
      for (int i = 0; i < untried.size(); i++) {
        FixCandidate c = results.get(i).get();
        tried.put(key(untried.get(i)), c);
        progress.accept("fix: [" + tried.size() + "] " + String.join(" + ", untried.get(i).stream().map(FixMove::label).toList())
            + ": " + c.holds() + " of " + c.total() + " hold" + (c.agentStarts() ? "" : ", agent does not start")
            + (c.newErrors().isEmpty() ? "" : ", " + c.newErrors().size() + " new errors, first: " + c.newErrors().get(0).code() + " at " + c.newErrors().get(0).where()) + (c.accepted() ? " ACCEPTED" : "")
            + " (" + c.millis() + " ms)");
      }
      for (List<FixMove> combo : frontier) {
        FixCandidate c = tried.get(key(combo));
        if (c.accepted()) {
          accepted.add(c);
        } else if (size == 1 && c.agentStarts() && c.broken().isEmpty()
            && (c.holds() > holds(baseline) || flowsHeld(c.after()) > flowsHeld(baseline))) {
          improving.add(combo.get(0));
        }
      }
      if (size + 1 > maxEdits || (!accepted.isEmpty() && size >= 2)) {
        break;
      }
      frontier = grow(frontier, improving, accepted);
    }
    return accepted;
  }

  /** A combination's identity: the set of its moves' labels (order does not matter). */
  private static Set<String> key(List<FixMove> combo) {
    return new TreeSet<>(combo.stream().map(FixMove::label).toList());
  }

  /** The next size: each combination plus one improving move after its last, skipping supersets of accepted ones. */
  private static List<List<FixMove>> grow(List<List<FixMove>> frontier, List<FixMove> improving, List<FixCandidate> accepted) {
    List<List<FixMove>> out = new ArrayList<>();
    Set<Set<String>> seen = new HashSet<>();
    for (List<FixMove> combo : frontier) {
      for (FixMove m : improving) {
        if (combo.stream().anyMatch(c -> c.key().equals(m.key()))) {
          continue;
        }
        List<FixMove> next = new ArrayList<>(combo);
        next.add(m);
        Set<String> keys = new LinkedHashSet<>();
        next.forEach(x -> keys.add(x.label()));
        boolean superset = accepted.stream().anyMatch(a -> next.containsAll(a.moves()));
        if (!superset && next.stream().allMatch(x -> improving.contains(x)) && seen.add(keys.stream().sorted().collect(
            java.util.stream.Collectors.toCollection(LinkedHashSet::new)))) {
          out.add(next);
        }
      }
    }
    return out;
  }

  static FixCandidate evaluate(Snapshot snapshot, CheckResult baseline, List<FixMove> combo, ParsedConfigs parses) {
    long t = System.nanoTime();
    List<Edit> edits = new ArrayList<>();
    combo.forEach(m -> edits.addAll(m.edits()));
    dev.podpath.analysis.whatif.EditedSnapshot edited = WhatIf.apply(snapshot, edits);
    CheckResult after = Check.run(Simulation.of(edited.snapshot(), parses));
    Set<String> failedBefore = new HashSet<>();
    Set<String> heldBefore = new HashSet<>();
    baseline.intents().forEach(i -> (i.passed() ? heldBefore : failedBefore).add(i.name()));
    List<String> repaired = new ArrayList<>();
    List<String> broken = new ArrayList<>();
    for (IntentResult i : after.intents()) {
      if (i.passed() && failedBefore.contains(i.name())) {
        repaired.add(i.name());
      } else if (!i.passed() && heldBefore.contains(i.name())) {
        broken.add(i.name());
      }
    }
    Set<String> oldErrors = new HashSet<>();
    baseline.findings().stream().filter(MoveCatalog::isError).forEach(f -> oldErrors.add(f.code() + "|" + f.message()));
    List<Finding> newErrors = after.findings().stream().filter(MoveCatalog::isError)
        .filter(f -> !oldErrors.contains(f.code() + "|" + f.message()))
        // a stand-in line of an edited value is shown as the edit that wrote it
        .map(f -> new Finding(f.code(), f.severity(), f.message(), edited.origins().getOrDefault(f.where(), f.where()), f.host()))
        .toList();
    int holds = (int) holds(after);
    return new FixCandidate(combo, holds, after.intents().size(), repaired, broken, newErrors,
        !after.agent().startupFails(), (System.nanoTime() - t) / 1_000_000, after);
  }

  /** Single flows that work: a move that repairs one family of a dual-stack intent still counts as progress. */
  private static long flowsHeld(CheckResult r) {
    return r.intents().stream().flatMap(i -> i.flows().stream()).filter(f -> f.passed()).count();
  }

  private static long holds(CheckResult r) {
    return r.intents().stream().filter(IntentResult::passed).count();
  }
}
