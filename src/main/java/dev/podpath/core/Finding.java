package dev.podpath.core;

import java.util.Comparator;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One diagnostic: a stable code (lower-case, slash-separated, e.g. {@code bgp/session-down}), a
 * severity, a message written for the operator, where it comes from, and the host it concerns
 * (empty when it concerns the whole cluster).
 */
public record Finding(String code, Severity severity, String message, SourceRef where, String host) {

  private static final Pattern CODE = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*(/[a-z0-9]+(-[a-z0-9]+)*)+");

  /** Errors first, then by file, line, code: the order `check` prints them in. */
  public static final Comparator<Finding> ORDER =
      Comparator.comparing(Finding::severity)
          .thenComparing(Finding::where)
          .thenComparing(Finding::code)
          .thenComparing(Finding::host)
          .thenComparing(Finding::message);

  public Finding {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(where, "where");
    Objects.requireNonNull(host, "host");
    if (!CODE.matcher(code).matches()) {
      throw new IllegalArgumentException("finding code must be lower-case/slash-separated: " + code);
    }
  }

  public static Finding error(String code, String message, SourceRef where) {
    return new Finding(code, Severity.ERROR, message, where, "");
  }

  public static Finding warning(String code, String message, SourceRef where) {
    return new Finding(code, Severity.WARNING, message, where, "");
  }

  public static Finding info(String code, String message, SourceRef where) {
    return new Finding(code, Severity.INFO, message, where, "");
  }

  public Finding onHost(String hostName) {
    return new Finding(code, severity, message, where, hostName);
  }
}
