package dev.podpath.controlplane.bird;

import dev.podpath.controlplane.spi.HostView;
import dev.podpath.controlplane.spi.SessionContext;
import dev.podpath.core.net.IpAddr;
import dev.podpath.ingest.bird.BgpProtocol;
import dev.podpath.ingest.bird.Channel;
import dev.podpath.model.routing.BgpAttributes;
import dev.podpath.model.routing.BgpRoute;
import java.util.List;
import java.util.Optional;

/**
 * The receive pipeline of one BGP protocol, in BIRD's order: attribute decoding (AS-path loop,
 * LOCAL_PREF rules; proto/bgp/attrs.c bgp_decode_attrs), next hop (proto/bgp/packets.c
 * bgp_apply_next_hop / bgp_decode_next_hop_ip), then the channel import filter.
 */
final class BgpReceive {

  private final DaemonEnv env;
  private final Origination filters;

  BgpReceive(DaemonEnv env, Origination filters) {
    this.env = env;
    this.filters = filters;
  }

  BirdRoute receive(BgpProtocol b, Channel c, SessionContext s, BgpRoute in) {
    BgpAttributes a = in.attributes();
    boolean ibgp = DaemonEnv.internal(b);
    long localAs = b.localAs();
    BirdRoute.Session sess = new BirdRoute.Session(b.name(), ibgp, s.remoteAddress(), s.remoteRouterId(), s.remoteAs(), b.rrClient());
    int pref = c.preference() != null ? c.preference() : 100;
    BirdRoute r = new BirdRoute(DaemonEnv.table(c), in.prefix(), b.name(), BirdRoute.Source.RTS_BGP, pref, BirdRoute.Dest.UNICAST,
        List.of(), a, sess, false, 0L, null, true, "", c.where());

    // attrs.c bgp_decode_attrs/bgp_as_path_loopy: own AS more than `allow local as N` times (default 0) -> withdraw, silently
    int allowed = b.allowLocalAs() == null ? 0 : b.allowLocalAs();
    if (allowed >= 0 && a.asPath().count(localAs) > allowed) {
      return r.withStatus(false, "AS path " + a.asPath() + " contains our AS " + localAs
          + (allowed > 0 ? " more than " + allowed + " times" : "") + ": dropped as a loop, silently (attrs.c bgp_as_path_loopy; "
          + (b.allowLocalAs() == null ? "protocol " + b.name() + " has no `allow local as`" : "`allow local as` at " + b.line("allow local as"))
          + ")");
    }
    // RFC 4456 loop checks for reflected routes (attrs.c bgp_decode_attrs)
    if (ibgp && env.routerId != null && env.routerId.equals(a.originatorId())) {
      return r.withStatus(false, "ORIGINATOR_ID is our router id: dropped as a reflection loop");
    }
    if (ibgp && env.routerId != null && a.clusterList().contains(env.routerId)) {
      return r.withStatus(false, "our cluster id is in CLUSTER_LIST: dropped as a reflection loop");
    }
    // attrs.c bgp_decode_local_pref: LOCAL_PREF from eBGP is discarded; missing -> default bgp_local_pref 100
    Long lp = ibgp ? a.localPref() : null;
    if (lp == null) {
      lp = b.defaultLocalPref() != null ? b.defaultLocalPref() : BestPath.DEFAULT_LOCAL_PREF;
    }
    a = a.withLocalPref(lp);

    Channel.Gateway gw = DaemonEnv.gateway(b, c);
    IpAddr nh = a.nextHop();
    IpAddr ll = a.nextHopLinkLocal();
    boolean zero = (nh == null || nh.isUnspecified());
    // packets.c bgp_decode_next_hop_ip: an IPv6 next hop on an IPv4 channel (or the reverse) needs `extended next hop`
    // (IPv4-mapped IPv6 counts as IPv4); lab (examples cluster-101-fixed, 2026-11-26): Cilium's IPv4 route with next hop
    // ::1 is "ignored" as a withdraw without it
    if (!zero && DaemonEnv.isIp4(nh) == c.v6() && !Boolean.TRUE.equals(c.extendedNextHop())) {
      return withdrawn(r, a, b, c, "Invalid NEXT_HOP attribute - mismatched address family (" + nh + " for " + c.nettype() + ")");
    }
    boolean recursive = false;
    List<BirdRoute.Hop> hops = List.of();
    if (gw == Channel.Gateway.DIRECT) {
      // packets.c bgp_apply_next_hop, gateway direct
      if (zero && ll == null) {
        return withdrawn(r, a, b, c, "Invalid NEXT_HOP attribute - zero address");
      }
      IpAddr use = zero ? ll : nh;
      if (env.view.isLocalAddress(use) && !use.isLoopback()) {
        return withdrawn(r, a, b, c, "Invalid NEXT_HOP attribute - address " + use + " is local");
      }
      Optional<HostView.Interface> on = use.isLinkLocal() && s.sharedInterface() != null
          ? env.view.interfaces().stream().filter(i -> i.name().equals(s.sharedInterface())).findFirst()
          : env.view.connectedInterface(use, null);
      if (on.isEmpty() || use.isLoopback()) {
        return withdrawn(r, a, b, c, "Invalid NEXT_HOP attribute - address " + use + " not directly reachable");
      }
      hops = List.of(new BirdRoute.Hop(use, on.get().name()));
    } else {
      // packets.c bgp_apply_next_hop, gateway recursive: a link-local-only next hop has a zero global part
      if (zero) {
        return withdrawn(r, a, b, c, "Invalid NEXT_HOP attribute - zero address");
      }
      recursive = true;
    }
    r = new BirdRoute(r.table(), r.prefix(), r.protocol(), r.source(), pref, recursive ? BirdRoute.Dest.UNREACHABLE : BirdRoute.Dest.UNICAST,
        hops, a, sess, recursive, recursive ? null : 0L, null, true, "", c.where());
    if (c.importPolicy() == null) {
      return r; // iBGP default `import all` (bgp_postconfig); eBGP without import does not load
    }
    return filters.imported(r, c);
  }

  private BirdRoute withdrawn(BirdRoute r, BgpAttributes a, BgpProtocol b, Channel c, String msg) {
    // RFC 7606 treat-as-withdraw: the session stays up, the prefix is not in the table
    String mode = DaemonEnv.gateway(b, c).name().toLowerCase(java.util.Locale.ROOT);
    env.warn("bgp/invalid-next-hop", "protocol " + b.name() + ": " + msg + " for " + r.prefix()
        + " (gateway " + mode + "; packets.c bgp_apply_next_hop: treated as withdraw)", b.line("neighbor"));
    return new BirdRoute(r.table(), r.prefix(), r.protocol(), r.source(), r.preference(), r.dest(), r.hops(), a, r.session(), false,
        r.igpMetric(), null, false, msg + ": treated as withdraw (gateway " + mode + ")", r.where());
  }
}
