package dev.podpath.report;

import dev.podpath.analysis.TraceResult;
import dev.podpath.core.Finding;
import dev.podpath.core.SourceRef;
import dev.podpath.dataplane.Direction;
import dev.podpath.dataplane.FlowTrace;
import dev.podpath.dataplane.PathTrace;
import dev.podpath.dataplane.Step;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * `podpath trace` for a terminal: per flow, per backend, the request and the reply as a ladder,
 * one line per step (host, program or table, what it did, the rule or route, the config line);
 * a rewritten header gets a continuation line "before => after". A dot marks a new host, a cross
 * the step where the path died, a tick the step where it succeeded.
 */
public final class TraceText {

  static final String NEW_HOST = "●";
  static final String SAME_HOST = "│";
  static final String DIED = "✗";
  static final String DONE = "✓";

  /** Longer program names overflow their row rather than widen every row. */
  static final int ACTOR_MAX = 26;

  private TraceText() {}

  public static String render(TraceResult r) {
    return render(r, UnaryOperator.identity());
  }

  /** {@code refs} rewrites the config lines shown (whatif shows its edits as "--set ..."). */
  public static String render(TraceResult r, UnaryOperator<SourceRef> refs) {
    StringBuilder sb = new StringBuilder();
    for (TraceResult.TracedFlow f : r.flows()) {
      flow(sb, f, refs);
      sb.append('\n');
    }
    for (Finding n : r.notes()) {
      sb.append("note: ").append(n.message()).append('\n');
    }
    sb.append("Result: ").append(r.works() ? "WORKS" : "FAILS").append(" — ").append(r.workingPaths()).append(" of ")
        .append(r.paths()).append(r.paths() == 1 ? " path works" : " paths work")
        .append(r.flows().size() > 1 ? " (" + r.flows().size() + " flows)" : "").append('\n');
    return sb.toString();
  }

  private static void flow(StringBuilder sb, TraceResult.TracedFlow f, UnaryOperator<SourceRef> refs) {
    FlowTrace t = f.trace();
    sb.append("trace ").append(f.label()).append('\n');
    if (t.service() != null) {
      sb.append("service ").append(t.service().name()).append(": ").append(backends(t)).append('\n');
    }
    int n = t.paths().size();
    for (int i = 0; i < n; i++) {
      PathTrace p = t.paths().get(i);
      sb.append('\n');
      if (p.backend() != null) {
        sb.append("backend ").append(i + 1).append(" of ").append(n).append(": ").append(p.backend()).append('\n');
      }
      ladder(sb, p, refs);
      sb.append("  => ").append(p.works() ? "WORKS: " : "FAILS: ").append(outcome(p)).append('\n');
    }
    sb.append("\ndisposition: ").append(t.disposition());
    if (t.service() != null) {
      sb.append(" — ").append(backends(t));
    }
    sb.append('\n');
  }

  private static String backends(FlowTrace t) {
    if (t.service().backends().isEmpty()) {
      return "no backends";
    }
    return t.workingPaths() + " of " + t.paths().size() + " backend" + (t.paths().size() == 1 ? " works" : "s work");
  }

  private static String outcome(PathTrace p) {
    if (p.works()) {
      return p.disposition() + (p.endedIn() == Direction.REQUEST ? " (the request leaves the model at " + p.endedAt() + ")"
          : " (request delivered, reply back at the client)");
    }
    return p.disposition() + " — " + (p.endedIn() == Direction.REPLY ? "request delivered, reply dies at "
        : "request dies at ") + p.endedAt();
  }

  private static void ladder(StringBuilder sb, PathTrace p, UnaryOperator<SourceRef> refs) {
    List<Step> all = new ArrayList<>(p.forward());
    all.addAll(p.reply());
    int hostW = 0;
    int actorW = 0;
    int kindW = 0;
    for (Step s : all) {
      hostW = Math.max(hostW, s.host().length());
      actorW = Math.max(actorW, Math.min(ACTOR_MAX, s.actor().length()));
      kindW = Math.max(kindW, kind(s).length());
    }
    Step last = p.lastStep();
    int indentW = 4 + 2 + hostW + 2 + actorW + 2 + kindW + 2;
    String cont = " ".repeat(indentW);
    section(sb, "request", p.forward(), last, p.works(), hostW, actorW, kindW, cont, refs);
    if (p.reply().isEmpty()) {
      if (!p.works() && p.endedIn() == Direction.REQUEST) {
        sb.append("  reply    (none: the request did not arrive)\n");
      }
    } else {
      section(sb, "reply", p.reply(), last, p.works(), hostW, actorW, kindW, cont, refs);
    }
  }

  private static void section(StringBuilder sb, String title, List<Step> steps, Step last, boolean works, int hostW,
      int actorW, int kindW, String cont, UnaryOperator<SourceRef> refs) {
    if (steps.isEmpty()) {
      return;
    }
    sb.append("  ").append(pad(title, 8)).append(' ').append(steps.get(0).before()).append('\n');
    String prevHost = null;
    for (Step s : steps) {
      String glyph = s == last ? (works ? DONE : DIED) : s.host().equals(prevHost) ? SAME_HOST : NEW_HOST;
      prevHost = s.host();
      StringBuilder l = new StringBuilder("    ").append(glyph).append(' ')
          .append(pad(s.host(), hostW)).append("  ").append(pad(s.actor(), actorW)).append("  ")
          .append(pad(kind(s), kindW)).append("  ").append(s.rule());
      SourceRef where = refs.apply(s.where());
      if (where.isKnown()) {
        l.append("  (").append(where).append(')');
      }
      sb.append(l.toString().stripTrailing()).append('\n');
      if (s.rewrote()) {
        String bar = s == last ? " " : SAME_HOST;
        sb.append("    ").append(bar).append(cont.substring(5)).append(s.before()).append("  =>  ").append(s.after()).append('\n');
      }
    }
  }

  private static String kind(Step s) {
    return s.kind().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
  }

  private static String pad(String s, int w) {
    return s.length() >= w ? s : s + " ".repeat(w - s.length());
  }
}
