package dev.podpath.ingest.host;

import dev.podpath.core.SourceRef;
import java.util.List;

/**
 * An interface of a host. {@code segment} (explicit L2 segment name), {@code vrf} and {@code mtu}
 * are null when not written: two interfaces share a segment when they carry addresses of the same
 * connected prefix, unless a segment is named.
 */
public record InterfaceSpec(
    String name, List<AddressSpec> addresses, String segment, String vrf, Integer mtu, SourceRef where) {

  public InterfaceSpec {
    addresses = List.copyOf(addresses);
  }
}
