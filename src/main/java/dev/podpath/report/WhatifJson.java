package dev.podpath.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.podpath.analysis.TraceResult;
import dev.podpath.analysis.whatif.Edit;
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
    return render(r, null);
  }

  /** With {@code traceAfter} (may be null): also "traceAfter", the trace JSON of a flow after the edits. */
  public static String render(WhatIfResult r, TraceResult traceAfter) {
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
    return Json.write(root);
  }
}
