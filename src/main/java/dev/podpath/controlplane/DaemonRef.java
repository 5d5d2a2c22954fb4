package dev.podpath.controlplane;

import dev.podpath.controlplane.spi.RoutingDaemon;

/** A daemon by host and name: the stable key the engine sorts, indexes and reports by. */
public record DaemonRef(String host, String name) implements Comparable<DaemonRef> {

  public static DaemonRef of(RoutingDaemon d) {
    return new DaemonRef(d.host(), d.name());
  }

  /** "HOST/NAME", also the installer name of its kernel routes. */
  public String key() {
    return host + "/" + name;
  }

  @Override
  public int compareTo(DaemonRef o) {
    int c = host.compareTo(o.host);
    return c != 0 ? c : name.compareTo(o.name);
  }

  @Override
  public String toString() {
    return key();
  }
}
