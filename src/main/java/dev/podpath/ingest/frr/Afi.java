package dev.podpath.ingest.frr;

/** The unicast address families of `address-family ipv4|ipv6 unicast`. */
public enum Afi {
  IPV4,
  IPV6;

  public boolean v6() {
    return this == IPV6;
  }

  public String keyword() {
    return this == IPV4 ? "ipv4" : "ipv6";
  }
}
