package dev.podpath.model.network;

import dev.podpath.core.SourceRef;
import dev.podpath.core.net.IfAddress;
import java.util.List;

/**
 * An interface of a host as host.yaml declares it. {@code vrf} is null for the default VRF;
 * {@code declaredSegment} is the explicit {@code segment:} name or null ({@link Network#segmentOf}
 * gives the resolved segment).
 */
public record Interface(
    String name, List<IfAddress> addresses, String vrf, String declaredSegment, Integer mtu, SourceRef where) {

  public Interface {
    addresses = List.copyOf(addresses);
  }

  /** Linux's loopback device: its addresses never make an L2 segment. */
  public boolean loopback() {
    return name.equals("lo");
  }
}
