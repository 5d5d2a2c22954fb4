package dev.podpath.model.network;

import dev.podpath.core.SourceRef;
import dev.podpath.core.net.IfAddress;

/** Which host, VRF (null = default) and interface carries an address, and the line that says so. */
public record AddressOwner(String host, String vrf, String iface, IfAddress address, SourceRef where)
    implements Comparable<AddressOwner> {

  @Override
  public int compareTo(AddressOwner o) {
    int c = host.compareTo(o.host);
    if (c != 0) {
      return c;
    }
    c = iface.compareTo(o.iface);
    return c != 0 ? c : address.address().compareTo(o.address.address());
  }
}
