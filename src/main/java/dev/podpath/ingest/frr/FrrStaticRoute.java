package dev.podpath.ingest.frr;

import dev.podpath.core.SourceRef;
import dev.podpath.core.net.IpAddr;
import dev.podpath.core.net.IpPrefix;

/**
 * An `ip route` / `ipv6 route` line (staticd), at top level or inside a `vrf` block.
 *
 * @param vrf null for the default VRF
 * @param gateway the next-hop address, or null
 * @param ifname the outgoing interface, or null
 * @param kind what the route does
 * @param distance administrative distance (staticd default 1)
 */
public record FrrStaticRoute(String vrf, IpPrefix prefix, IpAddr gateway, String ifname, Kind kind, int distance, SourceRef where) {

  public enum Kind {
    GATEWAY,
    INTERFACE,
    /** `blackhole` or the `Null0` interface (staticd static_vty.c: strncasecmp "Null0"). */
    BLACKHOLE,
    REJECT
  }
}
