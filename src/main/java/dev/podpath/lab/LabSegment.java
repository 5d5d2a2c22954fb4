package dev.podpath.lab;

import java.util.List;

/** One L2 segment: a bridge in its own switch namespace, and the host interfaces plugged into it. */
public record LabSegment(String name, List<Port> ports) {

  public LabSegment {
    ports = List.copyOf(ports);
  }

  /** Interface {@code iface} of host {@code host}. */
  public record Port(String host, String iface) {}
}
