package dev.podpath.ingest.frr;

import dev.podpath.core.Finding;
import dev.podpath.core.SourceRef;
import java.util.ArrayList;
import java.util.List;

/** The findings of one file as it is read, and how many lines were a problem. */
final class LineDiagnostics {

  private final List<Finding> findings = new ArrayList<>();
  private int problems;

  void warn(String code, String message, SourceRef where) {
    findings.add(Finding.warning(code, message, where));
    problems++;
  }

  void info(String code, String message, SourceRef where) {
    findings.add(Finding.info(code, message, where));
  }

  /** bgpd accepted the syntax but refused the command (CMD_WARNING_CONFIG_FAILED): no effect. */
  void rejected(String frrMessage, String line, SourceRef where) {
    warn("input/rejected-line", "FRR refuses `" + line + "`: " + frrMessage + " (the line has no effect)", where);
  }

  void invalid(String what, String line, SourceRef where) {
    warn("input/unsupported-line", what + ": " + line, where);
  }

  int problemCount() {
    return problems;
  }

  List<Finding> findings() {
    return List.copyOf(findings);
  }
}
