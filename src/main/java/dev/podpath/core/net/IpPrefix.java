package dev.podpath.core.net;

import inet.ipaddr.IPAddress;

/**
 * A network prefix, always normalised (host bits cleared), e.g. {@code fd00:101:224::/80}.
 * Use {@link IfAddress} for an interface address whose host bits matter.
 */
public record IpPrefix(IpAddr network, int length) implements Comparable<IpPrefix> {

  public IpPrefix {
    if (length < 0 || length > network.bits()) {
      throw new IllegalArgumentException("prefix length " + length + " out of range");
    }
    if (!network.mask(length).equals(network)) {
      throw new IllegalArgumentException(network + "/" + length + " has host bits set");
    }
  }

  /** Parses {@code a/len} (a bare address is a host prefix). Host bits must be zero. */
  public static IpPrefix parse(String text) {
    String t = text.strip();
    int slash = t.indexOf('/');
    IpAddr a = IpAddr.parse(slash < 0 ? t : t.substring(0, slash));
    int len = slash < 0 ? a.bits() : parseLength(t.substring(slash + 1), a, text);
    if (!a.mask(len).equals(a)) {
      throw new IllegalArgumentException("'" + text + "' has host bits set (did you mean " + a.mask(len) + "/" + len + "?)");
    }
    return new IpPrefix(a, len);
  }

  /** Parses {@code a/len} and clears host bits instead of refusing them (what `ip route` does). */
  public static IpPrefix parseLenient(String text) {
    IfAddress ifa = IfAddress.parse(text.contains("/") ? text : text + "/" + (text.contains(":") ? 128 : 32));
    return ifa.prefix();
  }

  static int parseLength(String s, IpAddr a, String whole) {
    try {
      int len = Integer.parseInt(s.strip());
      if (len < 0 || len > a.bits()) {
        throw new IllegalArgumentException("'" + whole + "': prefix length out of range");
      }
      return len;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("'" + whole + "': prefix length is not a number");
    }
  }

  public static IpPrefix host(IpAddr a) {
    return new IpPrefix(a, a.bits());
  }

  public static IpPrefix defaultRoute(boolean v6) {
    return new IpPrefix(new IpAddr(v6, 0, 0), 0);
  }

  public boolean v6() {
    return network.v6();
  }

  public boolean contains(IpAddr a) {
    return a.v6() == network.v6() && a.mask(length).equals(network);
  }

  public boolean contains(IpPrefix p) {
    return p.v6() == v6() && p.length >= length && p.network.mask(length).equals(network);
  }

  public boolean overlaps(IpPrefix p) {
    return contains(p) || p.contains(this);
  }

  static IpPrefix of(IPAddress a) {
    Integer len = a.getNetworkPrefixLength();
    IpAddr addr = IpAddr.of(a.getLower().withoutPrefixLength());
    int l = len == null ? addr.bits() : len;
    return new IpPrefix(addr.mask(l), l);
  }

  @Override
  public int compareTo(IpPrefix o) {
    int c = network.compareTo(o.network);
    return c != 0 ? c : Integer.compare(length, o.length);
  }

  @Override
  public String toString() {
    return network + "/" + length;
  }
}
