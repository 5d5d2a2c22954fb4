package dev.podpath.core;

/** How bad a finding is. Errors make `check` exit 1; warnings and infos never change the exit code. */
public enum Severity {
  ERROR,
  WARNING,
  INFO;

  public String label() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
