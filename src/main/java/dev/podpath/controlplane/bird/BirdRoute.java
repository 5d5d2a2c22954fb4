package dev.podpath.controlplane.bird;

import dev.podpath.core.SourceRef;
import dev.podpath.core.net.IpAddr;
import dev.podpath.core.net.IpPrefix;
import dev.podpath.model.routing.BgpAttributes;
import java.util.List;

/**
 * One route in a BIRD table (an `rte`): where it came from, its preference, destination and
 * next hops, BGP attributes if any. Candidates that never entered the table (filtered, AS-path
 * loop, invalid next hop) are kept with {@code usable=false} and a status, for `rib()`.
 *
 * @param protocol the BIRD protocol name that originated it (`cilium`, `static1`, `direct1`...)
 * @param source BIRD's route source: RTS_DEVICE, RTS_STATIC, RTS_INHERIT, RTS_BGP
 * @param session for BGP routes: the session it came from, else null
 * @param recursive BGP route resolved through the IGP table (gateway recursive)
 * @param igpMetric null = unknown (BIRD IGP_METRIC_UNKNOWN)
 */
record BirdRoute(
    String table,
    IpPrefix prefix,
    String protocol,
    Source source,
    int preference,
    Dest dest,
    List<Hop> hops,
    BgpAttributes bgp,
    Session session,
    boolean recursive,
    Long igpMetric,
    Long krtMetric,
    boolean usable,
    String status,
    SourceRef where) {

  BirdRoute {
    hops = List.copyOf(hops);
  }

  enum Source {
    RTS_DEVICE,
    RTS_STATIC,
    RTS_INHERIT,
    RTS_BGP
  }

  /** nest/route.h RTD_*: what the kernel would do with the route. */
  enum Dest {
    UNICAST,
    BLACKHOLE,
    UNREACHABLE,
    PROHIBIT
  }

  /** A next hop: gateway (null = directly attached on iface) and interface. */
  record Hop(IpAddr gateway, String iface) {}

  /** The BGP session a route was received on. */
  record Session(String neighborId, boolean ibgp, IpAddr peerAddress, IpAddr peerRouterId, long peerAs, boolean peerRrClient) {}

  BirdRoute withStatus(boolean ok, String why) {
    return new BirdRoute(table, prefix, protocol, source, preference, dest, hops, bgp, session, recursive, igpMetric, krtMetric, ok, why, where);
  }

  BirdRoute withDest(Dest d, List<Hop> h, Long igp) {
    return new BirdRoute(table, prefix, protocol, source, preference, d, h, bgp, session, recursive, igp, krtMetric, usable, status, where);
  }

  boolean isBgp() {
    return source == Source.RTS_BGP;
  }
}
