package dev.podpath.model.cilium;

import dev.podpath.core.Severity;

/** What a startup rule does to the agent. */
public enum MessageKind {
  /** The agent exits (log.Fatal or an error from a start hook): CrashLoopBackOff. */
  FATAL(Severity.ERROR),
  /** The chart's render-time {@code fail}: helm install/upgrade refuses the values. */
  HELM_FAIL(Severity.ERROR),
  /** The agent silently (or with an info log) runs with another value than written. */
  OVERRIDE(Severity.INFO),
  /** The agent starts and logs a warning. */
  WARNING(Severity.WARNING);

  private final Severity severity;

  MessageKind(Severity severity) {
    this.severity = severity;
  }

  public Severity severity() {
    return severity;
  }
}
