package dev.podpath.ingest.frr;

import dev.podpath.core.SourceRef;
import java.util.Set;

/** `address-family l2vpn evpn`, modelled minimally (what it advertises, who is activated). */
public record FrrEvpn(
    boolean advertiseAllVni,
    boolean advertiseIpv4Unicast,
    boolean advertiseIpv6Unicast,
    boolean defaultOriginateIpv4,
    boolean defaultOriginateIpv6,
    Set<String> activated,
    SourceRef where) {
  public FrrEvpn {
    activated = Set.copyOf(activated);
  }
}
