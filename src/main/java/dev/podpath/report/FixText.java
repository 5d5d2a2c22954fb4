package dev.podpath.report;

import dev.podpath.analysis.fix.FixCandidate;
import dev.podpath.analysis.fix.FixMove;
import dev.podpath.analysis.fix.FixResult;
import dev.podpath.analysis.fix.Patch;
import java.util.List;

/** `podpath fix` as text: each verified fix with its rationale and diff, or the closest candidates. */
public final class FixText {

  private FixText() {}

  public static String render(FixResult r) {
    StringBuilder b = new StringBuilder();
    b.append("podpath fix ").append(r.baseline().snapshot().name()).append('\n');
    b.append("Before: ").append(r.baselineHolds()).append(" of ").append(r.total()).append(" intents hold\n");
    b.append("Searched ").append(r.tried()).append(" candidates (up to ").append(r.maxEdits()).append(" edits) in ")
        .append(r.millis()).append(" ms, ").append(r.millisPerCandidate()).append(" ms each\n");
    if (!r.skipped().isEmpty()) {
      b.append("Not tried:\n");
      r.skipped().forEach(s -> b.append("  ").append(s).append('\n'));
    }
    if (!r.found()) {
      b.append("\nNo verified fix within ").append(r.maxEdits()).append(r.maxEdits() == 1 ? " edit" : " edits").append(". Closest candidates:\n");
      for (FixCandidate c : r.closest()) {
        b.append("  ");
        candidate(b, c, "    ");
        if (c.after() != null) {
          List<String> failing = c.after().intents().stream().filter(i -> !i.passed()).map(i -> i.name()).toList();
          b.append("    still failing: ").append(String.join(", ", failing.subList(0, Math.min(5, failing.size()))))
              .append(failing.size() > 5 ? " and " + (failing.size() - 5) + " more" : "").append('\n');
        }
      }
      return b.toString();
    }
    b.append('\n').append(r.accepted().size()).append(r.accepted().size() == 1 ? " verified fix" : " verified fixes")
        .append(" (best first):\n");
    for (int i = 0; i < r.accepted().size(); i++) {
      FixCandidate c = r.accepted().get(i);
      Patch p = r.patches().get(i);
      b.append("\nFix ").append(i + 1).append(": ");
      candidate(b, c, "  ");
      b.append('\n').append(p.diff());
    }
    return b.toString();
  }

  private static void candidate(StringBuilder b, FixCandidate c, String in) {
    b.append(c.moves().size()).append(c.moves().size() == 1 ? " edit, " : " edits, ").append(c.holds()).append(" of ")
        .append(c.total()).append(" intents hold");
    b.append(c.clusterWide() ? ", cluster-wide" : ", " + c.files().size() + " files");
    if (!c.agentStarts()) {
      b.append(", the Cilium agent does not start");
    }
    if (!c.newErrors().isEmpty()) {
      b.append(", ").append(c.newErrors().size()).append(" new errors (first: ").append(c.newErrors().get(0).code()).append(')');
    }
    if (!c.broken().isEmpty()) {
      b.append(", breaks ").append(c.broken().size()).append(" intents");
    }
    b.append('\n');
    for (FixMove m : c.moves()) {
      b.append(in).append("- ").append(m.lastResort() ? "LAST RESORT: " : "").append(m.label()).append('\n');
      b.append(in).append("  trade-off: ").append(m.tradeOff()).append(m.changesStatedDesign()
          ? "; changes a value the operator explained in a comment" : "").append('\n');
    }
    if (!c.repaired().isEmpty()) {
      b.append(in).append("repairs ").append(c.repaired().size()).append(" failing intents\n");
    }
  }
}
