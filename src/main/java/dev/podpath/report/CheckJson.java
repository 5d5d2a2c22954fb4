package dev.podpath.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.podpath.analysis.CheckResult;
import dev.podpath.model.cilium.SettingDifference;

/**
 * `podpath check --format json`, the output contract of docs/design.md:
 * {"verdict", "findings":[{code,severity,message,file,line,host}], "sessions":[...], "intents":[...]}
 * plus "snapshot" and "cilium" (effective settings that differ from what is written).
 */
public final class CheckJson {

  private CheckJson() {}

  public static String render(CheckResult r) {
    ObjectNode root = Json.object();
    root.put("verdict", r.verdict().label());
    ObjectNode snap = root.putObject("snapshot");
    snap.put("name", r.snapshot().name());
    snap.put("ciliumVersion", r.ciliumVersion().toString());
    ObjectNode cilium = root.putObject("cilium");
    cilium.put("starts", !r.agent().startupFails());
    ArrayNode diffs = cilium.putArray("differences");
    for (SettingDifference d : r.agent().differences()) {
      ObjectNode o = diffs.addObject();
      o.put("flag", d.flag());
      o.put("written", d.written());
      o.put("writtenBy", d.writtenBy().describe());
      o.put("effective", d.effective());
      o.put("rule", d.ruleId());
    }
    root.set("findings", Json.findings(r.findings()));
    root.set("sessions", SessionsReport.json(r.simulation().controlPlane().sessions()));
    root.set("intents", IntentsReport.json(r.intents()));
    return Json.write(root);
  }
}
