package dev.podpath.report;

import dev.podpath.core.Finding;
import dev.podpath.core.Severity;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Findings for a terminal: grouped by severity, each with file:line, host and code. Findings with
 * the same code at the same line (one cause, many flows or prefixes) are shown once, with the
 * other hosts and a count; `--format json` keeps every one.
 */
public final class FindingsText {

  private FindingsText() {}

  public static String render(List<Finding> findings) {
    StringBuilder sb = new StringBuilder();
    for (Severity s : Severity.values()) {
      List<Finding> group = findings.stream().filter(f -> f.severity() == s).sorted(Finding.ORDER).toList();
      if (group.isEmpty()) {
        continue;
      }
      Map<String, List<Finding>> byCause = new LinkedHashMap<>();
      for (Finding f : group) {
        byCause.computeIfAbsent(f.code() + "|" + f.where(), k -> new ArrayList<>()).add(f);
      }
      sb.append(title(s)).append(" (").append(group.size()).append(")\n");
      for (List<Finding> same : byCause.values()) {
        Finding f = same.get(0);
        sb.append("  ").append(f.where().isKnown() ? f.where() : "-");
        if (!f.host().isEmpty()) {
          sb.append(" [").append(f.host()).append(']');
        }
        sb.append("  ").append(f.code());
        if (same.size() > 1) {
          sb.append("  (").append(same.size()).append(" findings; the first:)");
        }
        sb.append('\n');
        for (String line : f.message().split("\n")) {
          sb.append("      ").append(line).append('\n');
        }
      }
    }
    return sb.toString();
  }

  private static String title(Severity s) {
    String l = s.label();
    return (l.substring(0, 1).toUpperCase(Locale.ROOT) + l.substring(1)) + "s";
  }
}
