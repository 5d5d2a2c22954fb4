package dev.podpath.analysis.intent;

/** What a check expects. */
public enum Expectation {
  /** Every concrete flow works: request delivered to every backend, reply back at the client. */
  REACHABLE,
  /** No path of any concrete flow works. */
  BLOCKED,
  /** A BGP session reaches Established (session checks only). */
  ESTABLISHED;

  public String keyword() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
