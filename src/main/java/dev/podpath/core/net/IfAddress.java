package dev.podpath.core.net;

/** An address configured on an interface with its prefix length, e.g. {@code fd00:101::21/64}. */
public record IfAddress(IpAddr address, int length) {

  public IfAddress {
    if (length < 0 || length > address.bits()) {
      throw new IllegalArgumentException("prefix length " + length + " out of range for " + address);
    }
  }

  /** Parses {@code a/len}; the length is required (an interface address without one is ambiguous). */
  public static IfAddress parse(String text) {
    String t = text.strip();
    int slash = t.indexOf('/');
    if (slash < 0) {
      throw new IllegalArgumentException("'" + text + "' needs a prefix length (e.g. /64)");
    }
    IpAddr a = IpAddr.parse(t.substring(0, slash));
    return new IfAddress(a, IpPrefix.parseLength(t.substring(slash + 1), a, text));
  }

  /** The connected prefix this address makes. */
  public IpPrefix prefix() {
    return new IpPrefix(address.mask(length), length);
  }

  public boolean v6() {
    return address.v6();
  }

  @Override
  public String toString() {
    return address + "/" + length;
  }
}
