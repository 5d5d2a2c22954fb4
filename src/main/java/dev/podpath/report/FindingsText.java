package dev.podpath.report;

import dev.podpath.core.Finding;
import dev.podpath.core.Severity;
import java.util.List;
import java.util.Locale;

/** Findings for a terminal: grouped by severity, each with file:line, host and code. */
public final class FindingsText {

  private FindingsText() {}

  public static String render(List<Finding> findings) {
    StringBuilder sb = new StringBuilder();
    for (Severity s : Severity.values()) {
      List<Finding> group = findings.stream().filter(f -> f.severity() == s).sorted(Finding.ORDER).toList();
      if (group.isEmpty()) {
        continue;
      }
      sb.append(title(s)).append(" (").append(group.size()).append(")\n");
      for (Finding f : group) {
        sb.append("  ").append(f.where().isKnown() ? f.where() : "-");
        if (!f.host().isEmpty()) {
          sb.append(" [").append(f.host()).append(']');
        }
        sb.append("  ").append(f.code()).append('\n');
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
