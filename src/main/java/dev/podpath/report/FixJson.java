package dev.podpath.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.podpath.analysis.fix.FixCandidate;
import dev.podpath.analysis.fix.FixMove;
import dev.podpath.analysis.fix.FixResult;
import dev.podpath.analysis.fix.Patch;

/** `podpath fix --format json`: {found, before, search, fixes[], closest[], notTried[]}. */
public final class FixJson {

  private FixJson() {}

  public static String render(FixResult r) {
    ObjectNode root = Json.object();
    root.put("snapshot", r.baseline().snapshot().name());
    root.put("found", r.found());
    ObjectNode before = root.putObject("before");
    before.put("holds", r.baselineHolds());
    before.put("total", r.total());
    ObjectNode search = root.putObject("search");
    search.put("candidates", r.tried());
    search.put("maxEdits", r.maxEdits());
    search.put("millis", r.millis());
    search.put("millisPerCandidate", r.millisPerCandidate());
    ArrayNode fixes = root.putArray("fixes");
    for (int i = 0; i < r.accepted().size(); i++) {
      ObjectNode f = candidate(r.accepted().get(i));
      Patch p = r.patches().get(i);
      f.put("diff", p.diff());
      f.putArray("files").addAll(p.files().keySet().stream().map(Json.array()::textNode).toList());
      fixes.add(f);
    }
    ArrayNode closest = root.putArray("closest");
    if (!r.found()) {
      r.closest().forEach(c -> closest.add(candidate(c)));
    }
    ArrayNode skipped = root.putArray("notTried");
    r.skipped().forEach(skipped::add);
    return Json.write(root);
  }

  private static ObjectNode candidate(FixCandidate c) {
    ObjectNode o = Json.object();
    o.put("holds", c.holds());
    o.put("total", c.total());
    o.put("accepted", c.accepted());
    o.put("agentStarts", c.agentStarts());
    o.put("clusterWide", c.clusterWide());
    o.put("radius", c.radius());
    ArrayNode edits = o.putArray("edits");
    for (FixMove m : c.moves()) {
      ObjectNode e = edits.addObject();
      e.put("key", m.key());
      e.put("change", m.label());
      e.put("tradeOff", m.tradeOff());
      e.put("changesStatedDesign", m.changesStatedDesign());
      e.put("lastResort", m.lastResort());
      ArrayNode lines = e.putArray("lines");
      m.edits().forEach(x -> lines.add(x.text()));
    }
    ArrayNode repaired = o.putArray("repaired");
    c.repaired().forEach(repaired::add);
    ArrayNode failing = o.putArray("stillFailing");
    if (c.after() != null) {
      c.after().intents().stream().filter(i -> !i.passed()).forEach(i -> failing.add(i.name()));
    }
    o.set("newErrors", Json.findings(c.newErrors()));
    return o;
  }
}
