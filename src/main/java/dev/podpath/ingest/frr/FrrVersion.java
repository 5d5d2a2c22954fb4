package dev.podpath.ingest.frr;

import java.util.ArrayList;
import java.util.List;

/**
 * An FRR version such as {@code 8.4.4} or {@code 10.4.1}. Compared like lib/defaults.c
 * frr_version_cmp: numeric runs compare as numbers, so "10.2" is newer than "8.5".
 */
public record FrrVersion(List<Integer> parts, String text) implements Comparable<FrrVersion> {

  /** The oracle: Debian bookworm's FRR. */
  public static final FrrVersion DEBIAN_BOOKWORM = parse("8.4.4");

  public FrrVersion {
    parts = List.copyOf(parts);
  }

  /** Parses the leading numeric parts ("8.5.2", "10.7", "8.4.4-1.1~deb12u2" -> 8.4.4). */
  public static FrrVersion parse(String text) {
    List<Integer> p = new ArrayList<>();
    for (String s : text.strip().split("[.]")) {
      String digits = s.replaceAll("^([0-9]+).*", "$1");
      if (digits.isEmpty() || !Character.isDigit(digits.charAt(0))) {
        break;
      }
      p.add(Integer.parseInt(digits.length() > 6 ? digits.substring(0, 6) : digits));
      if (!digits.equals(s)) {
        break;
      }
    }
    if (p.isEmpty()) {
      throw new IllegalArgumentException("'" + text + "' is not an FRR version");
    }
    return new FrrVersion(p, text.strip());
  }

  public boolean isBefore(String other) {
    return compareTo(parse(other)) < 0;
  }

  public boolean atLeast(String other) {
    return compareTo(parse(other)) >= 0;
  }

  @Override
  public int compareTo(FrrVersion o) {
    for (int i = 0; i < Math.max(parts.size(), o.parts.size()); i++) {
      int a = i < parts.size() ? parts.get(i) : -1;
      int b = i < o.parts.size() ? o.parts.get(i) : -1;
      if (a != b) {
        return Integer.compare(a, b);
      }
    }
    return 0;
  }

  @Override
  public String toString() {
    return text;
  }
}
