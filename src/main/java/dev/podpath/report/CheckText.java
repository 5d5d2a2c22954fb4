package dev.podpath.report;

import dev.podpath.analysis.CheckResult;
import dev.podpath.core.Severity;
import dev.podpath.model.cilium.SettingDifference;

/** `podpath check` for a terminal: what was read, what the agent runs with, findings, verdict. */
public final class CheckText {

  private CheckText() {}

  public static String render(CheckResult r) {
    StringBuilder sb = new StringBuilder();
    sb.append("podpath check ").append(r.snapshot().name())
        .append("  (Cilium ").append(r.ciliumVersion().toString()).append(", ")
        .append(r.snapshot().hosts().size()).append(" hosts, ")
        .append(r.snapshot().kubernetes().nodes().size()).append(" nodes)\n\n");

    sb.append("Cilium agent: ")
        .append(r.agent().startupFails() ? "WOULD NOT START" : "starts with these settings")
        .append('\n');
    if (!r.agent().differences().isEmpty()) {
      TextTable t = new TextTable("flag", "written", "set by", "agent runs with", "because");
      for (SettingDifference d : r.agent().differences()) {
        t.row(d.flag(), show(d.written()), d.writtenBy().describe(), show(d.effective()), d.ruleId());
      }
      sb.append("  effective settings that differ from what is written:\n").append(t.render("    "));
    }
    sb.append('\n');

    var sessions = r.simulation().controlPlane().sessions();
    long up = sessions.stream().filter(x -> x.established()).count();
    sb.append("BGP sessions: ").append(up).append(" of ").append(sessions.size())
        .append(" configured neighbors Established (details: podpath sessions)\n\n");

    sb.append(IntentsReport.text(r.intents())).append('\n');

    String findings = FindingsText.render(r.findings());
    if (!findings.isEmpty()) {
      sb.append(findings).append('\n');
    }
    sb.append("Verdict: ").append(r.verdict().label().toUpperCase(java.util.Locale.ROOT))
        .append(" (").append(r.count(Severity.ERROR)).append(" errors, ")
        .append(r.count(Severity.WARNING)).append(" warnings, ")
        .append(r.count(Severity.INFO)).append(" infos)\n");
    return sb.toString();
  }

  private static String show(String v) {
    return v.isEmpty() ? "<unset>" : v;
  }
}
