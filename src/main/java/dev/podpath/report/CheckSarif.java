package dev.podpath.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.podpath.analysis.CheckResult;
import dev.podpath.analysis.intent.FlowOutcome;
import dev.podpath.analysis.intent.IntentResult;
import dev.podpath.core.Finding;
import dev.podpath.core.Severity;
import dev.podpath.core.SourceRef;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * `podpath check --format sarif`: SARIF 2.1.0 (OASIS), the format code-scanning tools (GitHub
 * code scanning, GitLab, IDE viewers) read, so a CI job can annotate the operator's own files.
 *
 * <p>One rule per finding code and one for failing intents ({@value #INTENT_RULE}); every result
 * points at the snapshot file and line behind it, relative to the base id {@value #BASE} that
 * {@code originalUriBaseIds} maps to the snapshot directory. A finding without a file (cluster-wide)
 * has no location, which SARIF allows.
 */
public final class CheckSarif {

  static final String BASE = "SNAPSHOT";
  static final String INTENT_RULE = "intent/fails";

  private CheckSarif() {}

  /**
   * @param snapshotDir where the snapshot was read from (its absolute file URI becomes the base)
   * @param toolVersion podpath's version, for {@code tool.driver.version}
   */
  public static String render(CheckResult r, Path snapshotDir, String toolVersion) {
    List<ObjectNode> results = new ArrayList<>();
    Map<String, Severity> rules = new LinkedHashMap<>();
    for (Finding f : r.findings()) {
      rules.merge(f.code(), f.severity(), CheckSarif::worse);
      results.add(result(f.code(), f.severity(), f.host().isEmpty() ? f.message() : f.host() + ": " + f.message(), f.where(), f.host()));
    }
    for (IntentResult i : r.intents()) {
      if (!i.passed()) {
        rules.merge(INTENT_RULE, Severity.ERROR, CheckSarif::worse);
        results.add(result(INTENT_RULE, Severity.ERROR, intentMessage(i), i.where(), ""));
      }
    }
    List<String> ruleIds = List.copyOf(rules.keySet()).stream().sorted().toList();
    for (ObjectNode res : results) {
      res.put("ruleIndex", ruleIds.indexOf(res.get("ruleId").asText()));
    }

    ObjectNode root = Json.object();
    root.put("$schema", "https://json.schemastore.org/sarif-2.1.0.json");
    root.put("version", "2.1.0");
    ObjectNode run = root.putArray("runs").addObject();
    ObjectNode driver = run.putObject("tool").putObject("driver");
    driver.put("name", "podpath");
    driver.put("version", toolVersion);
    ArrayNode ruleArray = driver.putArray("rules");
    for (String id : ruleIds) {
      ObjectNode rule = ruleArray.addObject();
      rule.put("id", id);
      rule.putObject("shortDescription").put("text", id.equals(INTENT_RULE) ? "A required path does not work both ways" : id);
      rule.putObject("defaultConfiguration").put("level", level(rules.get(id)));
    }
    run.putObject("originalUriBaseIds").putObject(BASE).put("uri", snapshotDir.toAbsolutePath().normalize().toUri().toString());
    ArrayNode resultArray = run.putArray("results");
    results.forEach(resultArray::add);
    return Json.write(root);
  }

  private static ObjectNode result(String ruleId, Severity severity, String message, SourceRef where, String host) {
    ObjectNode o = Json.object();
    o.put("ruleId", ruleId);
    o.put("level", level(severity));
    o.putObject("message").put("text", message);
    if (where.isKnown()) {
      ObjectNode physical = o.putArray("locations").addObject().putObject("physicalLocation");
      ObjectNode artifact = physical.putObject("artifactLocation");
      artifact.put("uri", where.file());
      artifact.put("uriBaseId", BASE);
      if (where.line() > 0) {
        physical.putObject("region").put("startLine", where.line());
      }
    }
    if (!host.isEmpty()) {
      o.putObject("properties").put("host", host);
    }
    return o;
  }

  private static String intentMessage(IntentResult i) {
    String flows = i.flows().stream().filter(f -> !f.passed()).map(FlowOutcome::summary).collect(Collectors.joining("; "));
    return "intent " + i.name() + " fails: " + flows;
  }

  /** SARIF levels: error, warning, note. */
  static String level(Severity s) {
    return switch (s) {
      case ERROR -> "error";
      case WARNING -> "warning";
      case INFO -> "note";
    };
  }

  private static Severity worse(Severity a, Severity b) {
    return a.compareTo(b) <= 0 ? a : b;
  }
}
