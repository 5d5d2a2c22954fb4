package dev.podpath.analysis.intent;

/** An IP family a flow check may be restricted to. */
public enum Family {
  IPV4,
  IPV6;

  public boolean v6() {
    return this == IPV6;
  }

  public String keyword() {
    return this == IPV4 ? "ipv4" : "ipv6";
  }
}
