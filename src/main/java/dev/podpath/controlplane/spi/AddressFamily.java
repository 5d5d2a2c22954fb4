package dev.podpath.controlplane.spi;

/** The address families podpath models: unicast only. */
public enum AddressFamily {
  IPV4_UNICAST,
  IPV6_UNICAST;

  public boolean v6() {
    return this == IPV6_UNICAST;
  }

  public static AddressFamily of(boolean v6) {
    return v6 ? IPV6_UNICAST : IPV4_UNICAST;
  }
}
