package dev.podpath.lab.generate;

/** The address families of a generated snapshot: every segment and session follows it. */
public enum Family {
  IPV4("ipv4"),
  IPV6("ipv6"),
  DUAL("dual-stack");

  private final String key;

  Family(String key) {
    this.key = key;
  }

  public String key() {
    return key;
  }

  public boolean v4() {
    return this != IPV6;
  }

  public boolean v6() {
    return this != IPV4;
  }
}
