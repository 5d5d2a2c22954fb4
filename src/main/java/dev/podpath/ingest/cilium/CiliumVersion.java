package dev.podpath.ingest.cilium;

import dev.podpath.core.InputException;
import dev.podpath.core.SourceRef;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The Cilium minor versions whose chart and agent rules podpath models. */
public enum CiliumVersion {
  V1_16(16),
  V1_17(17),
  V1_18(18);

  /** design.md "Snapshot format": ciliumVersion defaults to 1.18. */
  public static final CiliumVersion DEFAULT = V1_18;

  private static final Pattern TEXT = Pattern.compile("v?1\\.(\\d+)(\\.\\d+)?([-+].*)?");

  private final int minor;

  CiliumVersion(int minor) {
    this.minor = minor;
  }

  public int minor() {
    return minor;
  }

  public boolean atLeast(CiliumVersion other) {
    return compareTo(other) >= 0;
  }

  /** Parses "1.18", "1.18.6" or "v1.18.6"; a patch level does not change the rules we model. */
  public static CiliumVersion parse(String text, SourceRef where) {
    Matcher m = TEXT.matcher(text == null ? "" : text.strip());
    if (m.matches()) {
      int minor = Integer.parseInt(m.group(1));
      for (CiliumVersion v : values()) {
        if (v.minor == minor) {
          return v;
        }
      }
    }
    throw new InputException(where, "unsupported ciliumVersion '" + text + "': podpath models 1.16, 1.17 and 1.18");
  }

  /**
   * Like {@link #parse} but an out-of-range minor (1.15, 1.19) maps to the nearest modelled version:
   * the snapshot loader already warns about it (input/unsupported-cilium-version).
   */
  public static CiliumVersion nearest(String text, SourceRef where) {
    Matcher m = TEXT.matcher(text == null ? "" : text.strip());
    if (!m.matches()) {
      throw new InputException(where, "ciliumVersion must look like 1.18 or 1.18.6, got '" + text + "'");
    }
    int minor = Integer.parseInt(m.group(1));
    return minor <= V1_16.minor ? V1_16 : minor >= V1_18.minor ? V1_18 : V1_17;
  }

  @Override
  public String toString() {
    return "1." + minor;
  }
}
