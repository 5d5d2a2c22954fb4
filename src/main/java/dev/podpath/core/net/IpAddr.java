package dev.podpath.core.net;

import inet.ipaddr.AddressStringException;
import inet.ipaddr.IPAddress;
import inet.ipaddr.IPAddressString;
import inet.ipaddr.IPAddressStringParameters;
import java.math.BigInteger;

/**
 * An IPv4 or IPv6 address as two longs: small, hashable, ordered, and cheap to compare in the
 * route engine's hot loops. IPv4 lives in the low 32 bits of {@code lo}. Parsing is delegated to
 * seancfoley's IPAddress library, which validates every textual form; formatting follows RFC 5952
 * (the form `ip` and `birdc` print).
 */
public record IpAddr(boolean v6, long hi, long lo) implements Comparable<IpAddr> {

  public IpAddr {
    if (!v6 && (hi != 0 || (lo >>> 32) != 0)) {
      throw new IllegalArgumentException("IPv4 address out of range");
    }
  }

  /** Parses an address without prefix length; throws {@link IllegalArgumentException} with a readable message. */
  public static IpAddr parse(String text) {
    String t = text.strip();
    if (t.contains("/")) {
      throw new IllegalArgumentException("'" + text + "' is a prefix, not an address");
    }
    IPAddress a = toLibrary(t);
    return of(a);
  }

  /**
   * Only the forms Go's net.ParseIP/ParseCIDR accept (what Kubernetes, Cilium and the daemons
   * parse): no inet_aton shorthands ("10", hex, octal), no leading zeros in IPv4, no zone, no
   * wildcard or range syntax. "010.0.0.1" is 8.0.0.1 to inet_aton but an error to Go.
   */
  private static final IPAddressStringParameters STRICT = new IPAddressStringParameters.Builder()
      .allowEmpty(false)
      .allowSingleSegment(false)
      .allowAll(false)
      .allowMask(false)
      .setRangeOptions(IPAddressStringParameters.RangeParameters.NO_RANGE)
      .getIPv4AddressParametersBuilder()
          .allow_inet_aton(false)
          .allowLeadingZeros(false)
          .allowUnlimitedLeadingZeros(false)
          .getParentBuilder()
      .getIPv6AddressParametersBuilder()
          .allowZone(false)
          .allowMixed(true)
          .getParentBuilder()
      .toParams();

  static IPAddress toLibrary(String t) {
    try {
      IPAddress a = new IPAddressString(t, STRICT).toAddress();
      if (a == null) {
        throw new IllegalArgumentException("'" + t + "' is not an IP address");
      }
      return a;
    } catch (AddressStringException e) {
      throw new IllegalArgumentException("'" + t + "' is not an IP address or prefix", e);
    }
  }

  static IpAddr of(IPAddress a) {
    byte[] b = a.getBytes();
    if (b.length == 4) {
      long v = ((b[0] & 0xffL) << 24) | ((b[1] & 0xffL) << 16) | ((b[2] & 0xffL) << 8) | (b[3] & 0xffL);
      return new IpAddr(false, 0, v);
    }
    long hi = 0;
    long lo = 0;
    for (int i = 0; i < 8; i++) {
      hi = (hi << 8) | (b[i] & 0xffL);
      lo = (lo << 8) | (b[i + 8] & 0xffL);
    }
    return new IpAddr(true, hi, lo);
  }

  public static IpAddr v4(int a, int b, int c, int d) {
    return new IpAddr(false, 0, ((long) a << 24) | ((long) b << 16) | ((long) c << 8) | d);
  }

  public int bits() {
    return v6 ? 128 : 32;
  }

  /** Bit {@code i} counted from the most significant bit (0-based). */
  public boolean bit(int i) {
    if (v6) {
      return i < 64 ? ((hi >>> (63 - i)) & 1) == 1 : ((lo >>> (127 - i)) & 1) == 1;
    }
    return ((lo >>> (31 - i)) & 1) == 1;
  }

  /** This address with every bit after the first {@code length} cleared. */
  public IpAddr mask(int length) {
    if (length < 0 || length > bits()) {
      throw new IllegalArgumentException("prefix length " + length + " out of range for " + this);
    }
    if (!v6) {
      long m = length == 0 ? 0 : (0xffffffffL << (32 - length)) & 0xffffffffL;
      return new IpAddr(false, 0, lo & m);
    }
    long h = hi;
    long l = lo;
    if (length <= 64) {
      h = length == 0 ? 0 : h & (-1L << (64 - length));
      l = 0;
    } else {
      l = length == 128 ? l : l & (-1L << (128 - length));
    }
    return new IpAddr(true, h, l);
  }

  public boolean isLoopback() {
    return v6 ? hi == 0 && lo == 1 : (lo >>> 24) == 127;
  }

  public boolean isUnspecified() {
    return hi == 0 && lo == 0;
  }

  /** fe80::/10 for IPv6, 169.254/16 for IPv4. */
  public boolean isLinkLocal() {
    return v6 ? (hi >>> 54) == 0x3fa : (lo >>> 16) == 0xa9fe;
  }

  public boolean isMulticast() {
    return v6 ? (hi >>> 56) == 0xff : (lo >>> 28) == 0xe;
  }

  public BigInteger toBigInteger() {
    if (!v6) {
      return BigInteger.valueOf(lo);
    }
    return new BigInteger(Long.toUnsignedString(hi)).shiftLeft(64).add(new BigInteger(Long.toUnsignedString(lo)));
  }

  /** The address {@code n} after this one (wrapping is the caller's problem). */
  public IpAddr plus(long n) {
    if (!v6) {
      return new IpAddr(false, 0, (lo + n) & 0xffffffffL);
    }
    long l = lo + n;
    long h = hi + (Long.compareUnsigned(l, lo) < 0 ? 1 : 0);
    return new IpAddr(true, h, l);
  }

  @Override
  public int compareTo(IpAddr o) {
    if (v6 != o.v6) {
      return v6 ? 1 : -1;
    }
    int c = Long.compareUnsigned(hi, o.hi);
    return c != 0 ? c : Long.compareUnsigned(lo, o.lo);
  }

  @Override
  public String toString() {
    if (!v6) {
      return (lo >>> 24) + "." + ((lo >>> 16) & 0xff) + "." + ((lo >>> 8) & 0xff) + "." + (lo & 0xff);
    }
    int[] g = new int[8];
    for (int i = 0; i < 4; i++) {
      g[i] = (int) ((hi >>> (48 - 16 * i)) & 0xffff);
      g[i + 4] = (int) ((lo >>> (48 - 16 * i)) & 0xffff);
    }
    // RFC 5952: compress the longest run (>= 2) of zero groups, the first one on a tie.
    int bestStart = -1;
    int bestLen = 1;
    for (int i = 0; i < 8; ) {
      if (g[i] != 0) {
        i++;
        continue;
      }
      int j = i;
      while (j < 8 && g[j] == 0) {
        j++;
      }
      if (j - i > bestLen) {
        bestStart = i;
        bestLen = j - i;
      }
      i = j;
    }
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < 8; i++) {
      if (i == bestStart) {
        sb.append("::");
        i += bestLen - 1;
        continue;
      }
      if (sb.length() > 0 && sb.charAt(sb.length() - 1) != ':') {
        sb.append(':');
      }
      sb.append(Integer.toHexString(g[i]));
    }
    return sb.toString();
  }
}
