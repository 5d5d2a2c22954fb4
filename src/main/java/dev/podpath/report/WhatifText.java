package dev.podpath.report;

import dev.podpath.analysis.whatif.Edit;
import dev.podpath.analysis.whatif.TraceChange;
import dev.podpath.analysis.whatif.WhatIfResult;
import dev.podpath.core.Finding;
import java.util.List;
import java.util.Locale;

/** `podpath whatif` for a terminal: the edits, then only what changed, then the verdict after. */
public final class WhatifText {

  /** Failing paths shown per intent that changed. */
  static final int PROBLEMS_SHOWN = 3;

  private WhatifText() {}

  public static String render(WhatIfResult r) {
    StringBuilder sb = new StringBuilder();
    sb.append("podpath whatif ").append(r.before().snapshot().name()).append('\n');
    for (Edit e : r.edits()) {
      sb.append("  --set ").append(e.text()).append('\n');
    }
    for (Finding n : r.edited().notes()) {
      sb.append("  note: ").append(n.message()).append('\n');
    }
    sb.append('\n');

    sb.append("Cilium agent: ").append(starts(r.startsBefore())).append(" -> ").append(starts(r.startsAfter())).append('\n');
    if (!r.startsAfter()) {
      sb.append("  (the agent exits at startup: the intents below are walked as if it ran)\n");
    }
    if (r.settings().isEmpty()) {
      sb.append("  no effective setting changed\n");
    } else {
      TextTable t = new TextTable("flag", "before", "after", "set by");
      r.settings().forEach(c -> t.row(c.flag(), show(c.before()), show(c.after()), c.setBy()));
      sb.append("  effective settings that changed:\n").append(t.render("    "));
    }
    sb.append('\n');

    sb.append("Intents: ").append(r.holding(false)).append(" -> ").append(r.holding(true)).append(" of ")
        .append(r.after().intents().size()).append(" hold\n");
    List<WhatIfResult.IntentChange> changed = r.changedIntents();
    if (changed.isEmpty()) {
      sb.append("  no intent changed its verdict or how it fails\n");
    }
    for (WhatIfResult.IntentChange c : changed) {
      String verdicts = c.before().toUpperCase(Locale.ROOT) + " -> " + c.after().toUpperCase(Locale.ROOT);
      sb.append("  ").append(verdicts).append("  ").append(c.name())
          .append(c.failsDifferently() ? "  (fails differently)" : "").append('\n');
      if (!c.after().equals("pass")) {
        List<String> p = c.problems();
        p.stream().limit(PROBLEMS_SHOWN).forEach(x -> sb.append("      - ").append(x).append('\n'));
        if (p.size() > PROBLEMS_SHOWN) {
          sb.append("      ... and ").append(p.size() - PROBLEMS_SHOWN).append(" more\n");
        }
      }
    }
    long unchanged = r.intents().size() - changed.size();
    if (unchanged > 0) {
      sb.append("  ").append(unchanged).append(" intent").append(unchanged == 1 ? "" : "s").append(" unchanged\n");
    }
    sb.append('\n');

    findings(sb, "Findings added", r.addedFindings());
    findings(sb, "Findings removed", r.removedFindings());

    sb.append("Verdict: ").append(r.before().verdict().label().toUpperCase(Locale.ROOT)).append(" -> ")
        .append(r.after().verdict().label().toUpperCase(Locale.ROOT)).append('\n');
    return sb.toString();
  }

  /** The traced flow before -> after, per backend: summaries and the steps only one walk took. */
  public static String traceChange(TraceChange c) {
    StringBuilder sb = new StringBuilder("Trace before -> after:\n");
    String flow = null;
    for (TraceChange.PathChange p : c.paths()) {
      if (!p.flow().equals(flow)) {
        flow = p.flow();
        sb.append("  ").append(flow).append('\n');
      }
      sb.append("    ").append(p.backend().isEmpty() ? "path" : p.backend()).append(p.changed() ? "" : "  (unchanged)")
          .append('\n');
      if (!p.changed()) {
        continue;
      }
      p.removed().forEach(x -> sb.append("      - ").append(x).append('\n'));
      p.added().forEach(x -> sb.append("      + ").append(x).append('\n'));
      if (p.before().equals(p.after())) {
        sb.append("      outcome unchanged: ").append(outcome(p.after(), p.backend())).append('\n');
      } else {
        sb.append("      before: ").append(outcome(p.before(), p.backend())).append('\n');
        sb.append("      after:  ").append(outcome(p.after(), p.backend())).append('\n');
      }
    }
    return sb.toString();
  }

  private static String outcome(String summary, String backend) {
    return !backend.isEmpty() && summary.startsWith(backend + ": ") ? summary.substring(backend.length() + 2) : summary;
  }

  private static void findings(StringBuilder sb, String title, List<Finding> fs) {
    sb.append(title).append(" (").append(fs.size()).append(")\n");
    for (Finding f : fs) {
      sb.append("  ").append(f.severity().label()).append("  ").append(f.where().isKnown() ? f.where() : "-");
      if (!f.host().isEmpty()) {
        sb.append(" [").append(f.host()).append(']');
      }
      sb.append("  ").append(f.code()).append('\n');
      String msg = f.message().split("\n")[0];
      sb.append("      ").append(msg.length() > 300 ? msg.substring(0, 297) + "..." : msg).append('\n');
    }
    sb.append('\n');
  }

  private static String starts(boolean starts) {
    return starts ? "starts" : "WOULD NOT START";
  }

  private static String show(String v) {
    return v.isEmpty() ? "<unset>" : v;
  }
}
