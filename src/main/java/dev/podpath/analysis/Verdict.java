package dev.podpath.analysis;

/** The answer of `check`: everything holds, or something fails (exit 0 / 1). */
public enum Verdict {
  PASS,
  FAIL;

  public String label() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
