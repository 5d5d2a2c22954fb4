package dev.podpath.ingest.frr;

import dev.podpath.core.SourceRef;
import dev.podpath.core.net.IpAddr;
import java.util.List;

/** One `set` clause of a route-map entry (bgpd/bgp_routemap.c). */
public sealed interface RouteMapSet {

  SourceRef where();

  /** `set local-preference N` (also +N / -N: {@code relative} = +1 / -1, else 0). */
  record LocalPreference(long value, int relative, SourceRef where) implements RouteMapSet {}

  /** `set metric N` (also +N / -N). */
  record Metric(long value, int relative, SourceRef where) implements RouteMapSet {}

  /** `set as-path prepend ASN...` or `set as-path prepend last-as N` ({@code lastAsCount} > 0). */
  record AsPathPrepend(List<Long> asns, int lastAsCount, SourceRef where) implements RouteMapSet {
    public AsPathPrepend {
      asns = List.copyOf(asns);
    }
  }

  /** `set community C... [additive]` or `set community none`; values as 32-bit numbers (high << 16 | low). */
  record Communities(List<Long> values, boolean additive, boolean none, SourceRef where) implements RouteMapSet {
    public Communities {
      values = List.copyOf(values);
    }
  }

  /** `set ipv6 next-hop global A`. */
  record Ipv6NextHopGlobal(IpAddr address, SourceRef where) implements RouteMapSet {}

  /** `set ipv6 next-hop local A`. */
  record Ipv6NextHopLocal(IpAddr address, SourceRef where) implements RouteMapSet {}

  /** `set ipv6 next-hop prefer-global`: install the global, not the link-local, next hop. */
  record Ipv6PreferGlobal(SourceRef where) implements RouteMapSet {}

  /** `set ipv6 next-hop peer-address` / `set ip next-hop peer-address`. */
  record NextHopPeerAddress(boolean v6, SourceRef where) implements RouteMapSet {}

  /** `set ip next-hop A`. */
  record IpNextHop(IpAddr address, SourceRef where) implements RouteMapSet {}

  /** `set ip next-hop unchanged`. */
  record IpNextHopUnchanged(SourceRef where) implements RouteMapSet {}

  /** `set weight N`. */
  record Weight(long value, SourceRef where) implements RouteMapSet {}

  /** `set origin igp|egp|incomplete` (the keyword). */
  record SetOrigin(String origin, SourceRef where) implements RouteMapSet {}

  /** Parsed but not applied by podpath (e.g. `set src`, `set tag`, large communities). */
  record Unmodelled(String text, SourceRef where) implements RouteMapSet {}
}
