package dev.podpath.analysis.intent;

/** The outcome of one intent. */
public enum Verdict {
  PASS,
  FAIL,
  /** Nothing to trace (a selector matched nothing): reported as a warning finding, not a failure. */
  NO_FLOWS;

  /** The JSON spelling: pass, fail, no-flows. */
  public String label() {
    return this == NO_FLOWS ? "no-flows" : name().toLowerCase(java.util.Locale.ROOT);
  }
}
