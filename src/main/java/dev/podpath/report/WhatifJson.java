package dev.podpath.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.podpath.analysis.TraceResult;
import dev.podpath.analysis.whatif.Edit;
import dev.podpath.analysis.whatif.TraceChange;
import dev.podpath.analysis.whatif.WhatIfResult;

/**
 * `podpath whatif --format json`: {"verdict":{"before","after"}, "edits":[...], "notes":[finding],
 * "cilium":{"startsBefore","startsAfter","changed":[{flag,before,after,setBy}]},
 * "intents":[{name,before,after,failsDifferently,problems}], "findingsAdded":[...],
 * "findingsRemoved":[...], "findingsAfter":[...]} (findings in the output contract's shape).
 */
public final class WhatifJson {

  private WhatifJson() {}

  public static String render(WhatIfResult r) {
    return render(r, null, null);
  }

  /**
   * With {@code traceAfter} and {@code change} (both may be null): also "traceAfter", the trace
   * JSON of a flow after the edits, and "traceChange", its paths before -> after.
   */
  public static String render(WhatIfResult r, TraceResult traceAfter, TraceChange change) {
    ObjectNode root = Json.object();
    ObjectNode v = root.putObject("verdict");
    v.put("before", r.before().verdict().label());
    v.put("after", r.after().verdict().label());
    ArrayNode edits = root.putArray("edits");
    for (Edit e : r.edits()) {
      ObjectNode o = edits.addObject();
      o.put("set", e.text());
      o.put("origin", e.origin().file());
    }
    root.set("notes", Json.findings(r.edited().notes()));
    ObjectNode cilium = root.putObject("cilium");
    cilium.put("startsBefore", r.startsBefore());
    cilium.put("startsAfter", r.startsAfter());
    ArrayNode changed = cilium.putArray("changed");
    for (WhatIfResult.SettingChange c : r.settings()) {
      ObjectNode o = changed.addObject();
      o.put("flag", c.flag());
      o.put("before", c.before());
      o.put("after", c.after());
      o.put("setBy", c.setBy());
    }
    ArrayNode intents = root.putArray("intents");
    for (WhatIfResult.IntentChange c : r.intents()) {
      ObjectNode o = intents.addObject();
      o.put("name", c.name());
      o.put("before", c.before());
      o.put("after", c.after());
      o.put("changed", c.verdictChanged());
      o.put("failsDifferently", c.failsDifferently());
      ArrayNode p = o.putArray("problems");
      c.problems().forEach(p::add);
    }
    root.set("findingsAdded", Json.findings(r.addedFindings()));
    root.set("findingsRemoved", Json.findings(r.removedFindings()));
    root.set("findingsAfter", Json.findings(r.afterFindings()));
    if (traceAfter != null) {
      root.set("traceAfter", TraceJson.node(traceAfter, r::shown));
    }
    if (change != null) {
      ArrayNode tc = root.putArray("traceChange");
      for (TraceChange.PathChange p : change.paths()) {
        ObjectNode o = tc.addObject();
        o.put("flow", p.flow());
        o.put("backend", p.backend());
        o.put("before", r.shownText(p.before()));
        o.put("after", r.shownText(p.after()));
        ArrayNode rm = o.putArray("stepsRemoved");
        p.removed().forEach(rm::add);
        ArrayNode ad = o.putArray("stepsAdded");
        p.added().forEach(ad::add);
      }
    }
    return Json.write(root);
  }
}
