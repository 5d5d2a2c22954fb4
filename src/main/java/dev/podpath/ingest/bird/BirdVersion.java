package dev.podpath.ingest.bird;

/**
 * The BIRD release whose rules apply. Debian bookworm ships 2.0.12 (the lab oracle); the Talos
 * bird2 system extension shipped 2.17.1, then 2.18 since 2026-02 (siderolabs/extensions
 * network/vars.yaml BIRD2_VERSION).
 */
public enum BirdVersion {
  V2_0_12("2.0.12", 0),
  V2_14("2.14", 14),
  V2_15("2.15", 15),
  V2_17("2.17", 17),
  V2_18("2.18", 18);

  private final String label;
  private final int minor;

  BirdVersion(String label, int minor) {
    this.label = label;
    this.minor = minor;
  }

  public String label() {
    return label;
  }

  /** Whether this release is {@code 2.minor} or later (2.0.x counts as minor 0). */
  public boolean atLeast(int minorVersion) {
    return minor >= minorVersion;
  }

  /**
   * The modelled release whose rules are closest to {@code text} ("2.0.12", "2.17.1", "v2.18"):
   * the newest modelled release not newer than it; 2.0.x is 2.0.12. Null for text that is not a
   * BIRD 2 version.
   */
  public static BirdVersion nearest(String text) {
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("v?2\\.(\\d+)(\\.\\d+)?").matcher(text.strip());
    if (!m.matches()) {
      return null;
    }
    int minor = Integer.parseInt(m.group(1));
    BirdVersion best = V2_0_12;
    for (BirdVersion v : values()) {
      if (v.minor <= minor) {
        best = v;
      }
    }
    return best;
  }
}
