package dev.podpath.model.routing;

/** A standard community (RFC 1997) as its 32-bit value; printed "high:low". */
public record Community(long value) implements Comparable<Community> {

  public Community {
    if (value < 0 || value > 0xffffffffL) {
      throw new IllegalArgumentException("community out of range: " + value);
    }
  }

  public static Community of(long high, long low) {
    if (high < 0 || high > 0xffff || low < 0 || low > 0xffff) {
      throw new IllegalArgumentException("community parts must be 0..65535: " + high + ":" + low);
    }
    return new Community((high << 16) | low);
  }

  public long high() {
    return value >>> 16;
  }

  public long low() {
    return value & 0xffff;
  }

  @Override
  public int compareTo(Community o) {
    return Long.compare(value, o.value);
  }

  @Override
  public String toString() {
    return high() + ":" + low();
  }
}
