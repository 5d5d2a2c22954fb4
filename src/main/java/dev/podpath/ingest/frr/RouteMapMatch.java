package dev.podpath.ingest.frr;

import dev.podpath.core.SourceRef;

/** One `match` clause of a route-map entry (lib/routemap_cli.c, bgpd/bgp_routemap.c). */
public sealed interface RouteMapMatch {

  SourceRef where();

  /** `match ip|ipv6 address prefix-list NAME`. */
  record PrefixList(boolean v6, String name, SourceRef where) implements RouteMapMatch {}

  /** `match ip|ipv6 next-hop prefix-list NAME`. */
  record NextHopPrefixList(boolean v6, String name, SourceRef where) implements RouteMapMatch {}

  /** `match ip|ipv6 next-hop address A`. */
  record NextHopAddress(dev.podpath.core.net.IpAddr address, SourceRef where) implements RouteMapMatch {}

  /** `match as-path NAME`. */
  record AsPathList(String name, SourceRef where) implements RouteMapMatch {}

  /** `match community NAME [exact-match]`. */
  record CommunityList(String name, boolean exact, SourceRef where) implements RouteMapMatch {}

  /** `match source-protocol PROTO` (bgp, connected, static, kernel...). */
  record SourceProtocol(String protocol, SourceRef where) implements RouteMapMatch {}

  /** Parsed but not evaluated by podpath (e.g. `match peer`, `match tag`): text kept for findings. */
  record Unmodelled(String text, SourceRef where) implements RouteMapMatch {}
}
