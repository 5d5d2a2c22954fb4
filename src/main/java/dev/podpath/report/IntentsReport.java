package dev.podpath.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.podpath.analysis.intent.FlowOutcome;
import dev.podpath.analysis.intent.IntentResult;
import dev.podpath.dataplane.PathTrace;
import dev.podpath.dataplane.Step;
import java.util.List;

/** Intents for `check`: one line per intent, failing flows with the path that broke. */
public final class IntentsReport {

  private IntentsReport() {}

  public static String text(List<IntentResult> intents) {
    long passed = intents.stream().filter(IntentResult::passed).count();
    StringBuilder sb = new StringBuilder();
    sb.append("Intents: ").append(passed).append(" of ").append(intents.size()).append(" hold\n");
    for (IntentResult r : intents) {
      if (r.passed()) {
        continue;
      }
      sb.append("  FAIL ").append(r.name()).append('\n');
      for (FlowOutcome f : r.flows()) {
        if (f.passed()) {
          continue;
        }
        sb.append("       ").append(f.summary()).append('\n');
      }
    }
    return sb.toString();
  }

  /** The output contract's intents: {"name","verdict","trace":[...]} (plus description and flows). */
  public static ArrayNode json(List<IntentResult> intents) {
    ArrayNode a = Json.array();
    for (IntentResult r : intents) {
      ObjectNode o = a.addObject();
      o.put("name", r.name());
      o.put("verdict", r.verdict().name().toLowerCase(java.util.Locale.ROOT));
      o.put("description", r.description());
      o.put("file", r.where().file());
      o.put("line", r.where().line());
      ArrayNode flows = o.putArray("trace");
      for (FlowOutcome f : r.flows()) {
        ObjectNode fo = flows.addObject();
        fo.put("flow", f.label());
        fo.put("passed", f.passed());
        fo.put("summary", f.summary());
        ArrayNode problems = fo.putArray("problems");
        f.problems().forEach(problems::add);
        if (f.trace() != null) {
          ArrayNode paths = fo.putArray("paths");
          for (PathTrace p : f.trace().paths()) {
            ObjectNode po = paths.addObject();
            po.put("summary", p.summary());
            po.put("works", p.works());
            po.set("forward", steps(p.forward()));
            po.set("reply", steps(p.reply()));
          }
        }
      }
    }
    return a;
  }

  static ArrayNode steps(List<Step> steps) {
    ArrayNode a = Json.array();
    for (Step s : steps) {
      ObjectNode o = a.addObject();
      o.put("host", s.host());
      o.put("kind", s.kind().name().toLowerCase(java.util.Locale.ROOT));
      o.put("actor", s.actor());
      o.put("rule", s.rule());
      o.put("before", s.before().toString());
      o.put("after", s.after().toString());
      o.put("file", s.where().file());
      o.put("line", s.where().line());
    }
    return a;
  }
}
