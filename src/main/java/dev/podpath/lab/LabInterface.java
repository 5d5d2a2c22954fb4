package dev.podpath.lab;

import dev.podpath.core.net.IfAddress;
import java.util.List;

/**
 * One interface of a lab host. {@code lo} gets its addresses on the namespace's loopback; every
 * other interface becomes a veth into the bridge of its segment. {@code segment}, {@code vrf} and
 * {@code mtu} are null when not given (the segment is then derived from connected prefixes).
 */
public record LabInterface(String name, List<IfAddress> addresses, String segment, String vrf, Integer mtu) {

  public LabInterface {
    LabNames.requireInterfaceName(name);
    addresses = List.copyOf(addresses);
  }

  public boolean loopback() {
    return name.equals("lo");
  }
}
