package dev.podpath.ingest.frr;

import dev.podpath.core.SourceRef;
import dev.podpath.core.net.IfAddress;
import java.util.List;

/** An `interface NAME [vrf V]` block (zebra): its VRF and `ip address` / `ipv6 address` lines. */
public record FrrInterface(String name, String vrf, List<IfAddress> addresses, SourceRef where) {
  public FrrInterface {
    addresses = List.copyOf(addresses);
  }
}
