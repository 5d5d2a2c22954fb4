package dev.podpath.report.html;

import static dev.podpath.report.html.Html.esc;

import dev.podpath.analysis.CheckResult;
import dev.podpath.analysis.intent.FlowOutcome;
import dev.podpath.analysis.intent.IntentResult;
import dev.podpath.controlplane.FibEntry;
import dev.podpath.controlplane.KernelFib;
import dev.podpath.controlplane.KernelRouteText;
import dev.podpath.controlplane.SessionResult;
import dev.podpath.controlplane.spi.RoutingDaemon;
import dev.podpath.core.Finding;
import dev.podpath.core.Severity;
import dev.podpath.core.SourceRef;
import dev.podpath.dataplane.PathTrace;
import dev.podpath.dataplane.Step;
import dev.podpath.ingest.kubernetes.KubeObject;
import dev.podpath.model.cilium.SettingDifference;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * `podpath report`: the whole of `check` as one HTML page an operator can open, attach to an
 * issue or keep from CI. Self-contained (inline style and SVG, no script, no external resource),
 * so it renders the same offline and leaks nothing when opened. Failing things come first and
 * open; what holds is folded.
 */
public final class HtmlReport {

  private HtmlReport() {}

  public static String render(CheckResult r) {
    StringBuilder h = new StringBuilder(64 * 1024);
    String name = r.snapshot().name();
    h.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>podpath report: ").append(esc(name)).append("</title>\n");
    h.append("<style>\n").append(STYLE).append("</style>\n</head>\n<body>\n");
    summary(h, r);
    h.append("<h2>Topology and BGP sessions</h2>\n");
    h.append(TopologySvg.render(r.simulation().network(), r.simulation().controlPlane().sessions(), daemons(r), nodes(r), troubled(r)));
    findings(h, r.findings());
    intents(h, r.intents());
    sessions(h, r.simulation().controlPlane().sessions());
    cilium(h, r);
    fibs(h, r.simulation().controlPlane().fibs());
    h.append("<footer>podpath: offline verification of Kubernetes + Cilium + BGP networks. Every row names the file and line it comes from.</footer>\n");
    h.append("</body>\n</html>\n");
    return h.toString();
  }

  private static void summary(StringBuilder h, CheckResult r) {
    boolean pass = r.verdict() == dev.podpath.analysis.Verdict.PASS;
    long intentsHeld = r.intents().stream().filter(IntentResult::passed).count();
    List<SessionResult> sessions = r.simulation().controlPlane().sessions();
    long up = sessions.stream().filter(SessionResult::established).count();
    h.append("<h1>podpath report: ").append(esc(r.snapshot().name())).append(" <span class=\"verdict ").append(pass ? "pass" : "fail").append("\">")
        .append(pass ? "PASS" : "FAIL").append("</span></h1>\n");
    h.append("<ul class=\"summary\">\n");
    h.append("<li>Cilium ").append(esc(r.ciliumVersion())).append(": agent ").append(r.agent().startupFails() ? "<b class=\"bad\">would not start</b>" : "starts")
        .append("</li>\n");
    h.append("<li>").append(r.snapshot().hosts().size()).append(" hosts, ").append(r.snapshot().kubernetes().nodes().size()).append(" Kubernetes nodes</li>\n");
    h.append("<li>BGP sessions: ").append(up).append(" of ").append(sessions.size()).append(" configured neighbors Established</li>\n");
    h.append("<li>Intents: ").append(intentsHeld).append(" of ").append(r.intents().size()).append(" hold</li>\n");
    h.append("<li>Findings: ").append(r.count(Severity.ERROR)).append(" errors, ").append(r.count(Severity.WARNING)).append(" warnings, ")
        .append(r.count(Severity.INFO)).append(" infos</li>\n</ul>\n");
  }

  private static void findings(StringBuilder h, List<Finding> findings) {
    h.append("<h2>Findings</h2>\n");
    if (findings.isEmpty()) {
      h.append("<p>None.</p>\n");
      return;
    }
    h.append("<table>\n<tr><th>severity</th><th>where</th><th>host</th><th>code</th><th>message</th></tr>\n");
    for (Finding f : findings) {
      h.append("<tr class=\"").append(f.severity().label()).append("\"><td>").append(f.severity().label()).append("</td><td>").append(where(f.where()))
          .append("</td><td>").append(esc(f.host())).append("</td><td><code>").append(esc(f.code())).append("</code></td><td>").append(esc(f.message()))
          .append("</td></tr>\n");
    }
    h.append("</table>\n");
  }

  private static void intents(StringBuilder h, List<IntentResult> intents) {
    h.append("<h2>Intents</h2>\n");
    List<IntentResult> failing = intents.stream().filter(i -> !i.passed()).toList();
    for (IntentResult i : failing) {
      h.append("<details open class=\"intent fail\"><summary><b>FAIL</b> ").append(esc(i.name())).append(" <span class=\"dim\">")
          .append(esc(i.description())).append("</span></summary>\n");
      for (FlowOutcome f : i.flows()) {
        if (f.passed()) {
          continue;
        }
        h.append("<p class=\"flow\">").append(esc(f.label())).append(": ").append(esc(f.summary())).append("</p>\n");
        if (f.trace() != null) {
          for (PathTrace p : f.trace().paths()) {
            h.append("<p class=\"path ").append(p.works() ? "ok" : "bad").append("\">").append(esc(p.summary())).append("</p>\n");
            steps(h, "forward", p.forward());
            steps(h, "reply", p.reply());
          }
        }
      }
      h.append("</details>\n");
    }
    List<IntentResult> holding = intents.stream().filter(IntentResult::passed).toList();
    h.append("<details class=\"intent pass\"><summary>").append(holding.size()).append(" intents hold</summary>\n<ul>\n");
    holding.forEach(i -> h.append("<li>").append(esc(i.name())).append(" <span class=\"dim\">").append(esc(i.description())).append("</span></li>\n"));
    h.append("</ul>\n</details>\n");
  }

  private static void steps(StringBuilder h, String direction, List<Step> steps) {
    if (steps.isEmpty()) {
      return;
    }
    h.append("<table class=\"steps\">\n<tr><th colspan=\"6\">").append(direction).append("</th></tr>\n");
    for (Step s : steps) {
      h.append("<tr><td>").append(esc(s.host())).append("</td><td>").append(esc(s.kind().name().toLowerCase(java.util.Locale.ROOT))).append("</td><td>")
          .append(esc(s.actor())).append("</td><td>").append(esc(s.rule())).append("</td><td>").append(esc(s.after())).append("</td><td>")
          .append(where(s.where())).append("</td></tr>\n");
    }
    h.append("</table>\n");
  }

  private static void sessions(StringBuilder h, List<SessionResult> sessions) {
    h.append("<h2>BGP sessions</h2>\n<table>\n<tr><th>host</th><th>daemon</th><th>neighbor</th><th>peer</th><th>state</th><th>why</th><th>config</th></tr>\n");
    for (SessionResult s : sessions.stream().sorted(SessionResult.ORDER).toList()) {
      h.append("<tr class=\"").append(s.established() ? "up" : "down").append("\"><td>").append(esc(s.host())).append("</td><td>").append(esc(s.daemon()))
          .append("</td><td>").append(esc(s.neighborId())).append("</td><td>").append(s.peerHost() == null ? "-" : esc(s.peerHost() + "/" + s.peerDaemon()))
          .append("</td><td>").append(s.established() ? "Established" : "down").append("</td><td>").append(s.established() ? "" : esc(s.message()))
          .append("</td><td>").append(where(s.where())).append("</td></tr>\n");
    }
    h.append("</table>\n");
  }

  private static void cilium(StringBuilder h, CheckResult r) {
    List<SettingDifference> diffs = r.agent().differences();
    if (diffs.isEmpty()) {
      return;
    }
    h.append("<h2>Cilium: settings the agent runs with that differ from what is written</h2>\n<table>\n")
        .append("<tr><th>flag</th><th>written</th><th>set by</th><th>agent runs with</th><th>because</th></tr>\n");
    for (SettingDifference d : diffs) {
      h.append("<tr><td><code>").append(esc(d.flag())).append("</code></td><td>").append(esc(d.written())).append("</td><td>")
          .append(esc(d.writtenBy().describe())).append("</td><td>").append(esc(d.effective())).append("</td><td><code>").append(esc(d.ruleId()))
          .append("</code></td></tr>\n");
    }
    h.append("</table>\n");
  }

  private static void fibs(StringBuilder h, Map<String, KernelFib> fibs) {
    h.append("<h2>Kernel forwarding tables</h2>\n");
    for (Map.Entry<String, KernelFib> e : fibs.entrySet()) {
      List<FibEntry> entries = e.getValue().entries();
      h.append("<details><summary>").append(esc(e.getKey())).append(" (").append(entries.size()).append(" routes)</summary>\n<table>\n")
          .append("<tr><th>route</th><th>installed by</th><th>because of</th></tr>\n");
      for (FibEntry f : entries) {
        h.append("<tr><td><code>").append(esc(KernelRouteText.of(f.route()))).append("</code></td><td>").append(esc(f.installer())).append("</td><td>")
            .append(where(f.route().where())).append("</td></tr>\n");
      }
      h.append("</table>\n</details>\n");
    }
  }

  private static String where(SourceRef w) {
    return w.isKnown() ? "<code>" + esc(w) + "</code>" : "";
  }

  private static Map<String, List<String>> daemons(CheckResult r) {
    Map<String, List<String>> byHost = new TreeMap<>();
    for (RoutingDaemon d : r.simulation().daemons()) {
      byHost.computeIfAbsent(d.host(), k -> new ArrayList<>()).add(d.name());
    }
    return byHost;
  }

  private static Set<String> nodes(CheckResult r) {
    return r.snapshot().kubernetes().nodes().stream().map(KubeObject::name).collect(Collectors.toSet());
  }

  private static Set<String> troubled(CheckResult r) {
    return r.findings().stream().filter(f -> f.severity() == Severity.ERROR && !f.host().isEmpty()).map(Finding::host).collect(Collectors.toSet());
  }

  private static final String STYLE = """
      body { font: 14px/1.45 system-ui, sans-serif; margin: 24px; color: #1b1b1b; }
      h1 { font-size: 22px; } h2 { font-size: 17px; margin-top: 28px; border-bottom: 1px solid #ddd; }
      .verdict { padding: 2px 10px; border-radius: 4px; color: white; font-size: 15px; }
      .verdict.pass { background: #2e7d32; } .verdict.fail { background: #c62828; }
      .bad { color: #c62828; } .dim { color: #666; font-weight: normal; }
      table { border-collapse: collapse; margin: 6px 0 12px; } td, th { border: 1px solid #ddd; padding: 3px 8px; text-align: left; vertical-align: top; }
      tr.error td:first-child, tr.down td:nth-child(5) { color: #c62828; font-weight: bold; }
      tr.warning td:first-child { color: #b26a00; font-weight: bold; } tr.up td:nth-child(5) { color: #2e7d32; }
      table.steps { font-size: 12.5px; margin-left: 16px; } p.path.bad { color: #c62828; } p.path.ok { color: #2e7d32; }
      details { margin: 6px 0; } summary { cursor: pointer; } details.fail > summary b { color: #c62828; }
      svg.topology { display: block; max-width: 100%; height: auto; border: 1px solid #eee; }
      svg .host rect { fill: #eef3fb; stroke: #5c7aa6; } svg .host.router rect { fill: #f5efe6; stroke: #8a6d3b; }
      svg .host.troubled rect { stroke: #c62828; stroke-width: 2.5; }
      svg .name { font-weight: bold; font-size: 13px; } svg .role, svg .iface, svg .segment { font-size: 11px; fill: #555; }
      svg .daemon { font-size: 11.5px; } svg .legend { font-size: 12px; }
      svg .bus { stroke: #444; stroke-width: 4; } svg .drop { stroke: #888; stroke-width: 1.5; }
      svg .session { fill: none; stroke-width: 2; } svg .session.down { stroke-dasharray: 6 4; }
      footer { margin-top: 32px; color: #777; font-size: 12px; }
      """;
}
