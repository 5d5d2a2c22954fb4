package dev.podpath.controlplane.bird;

import dev.podpath.controlplane.spi.SessionContext;
import dev.podpath.core.net.IpAddr;
import dev.podpath.core.net.IpPrefix;
import dev.podpath.ingest.bird.BgpProtocol;
import dev.podpath.ingest.bird.Channel;
import dev.podpath.model.routing.AsPath;
import dev.podpath.model.routing.BgpAttributes;
import dev.podpath.model.routing.BgpRoute;
import dev.podpath.model.routing.Community;
import dev.podpath.model.routing.Origin;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What one BGP protocol sends on its session for one channel: only the best route of each prefix
 * (nest/rt-table.c RA_OPTIMAL), BIRD's pre-export rules (proto/bgp/attrs.c bgp_preexport), the
 * export filter, attribute rewriting (bgp_update_attrs) and next hop choice with its checks
 * (proto/bgp/packets.c bgp_update_next_hop_ip, bgp_use_next_hop, bgp_use_gateway).
 */
final class BgpSend {

  static final Community NO_EXPORT = new Community(0xFFFFFF01L);
  static final Community NO_ADVERTISE = new Community(0xFFFFFF02L);

  private final DaemonEnv env;

  BgpSend(DaemonEnv env) {
    this.env = env;
  }

  /** A route considered for a session and why it was (not) sent. */
  record Offer(IpPrefix prefix, String why) {}

  List<BgpRoute> export(BgpProtocol b, Channel c, SessionContext s, TableState tables, List<Offer> offers) {
    List<BgpRoute> out = new ArrayList<>();
    boolean ibgp = DaemonEnv.internal(b);
    String table = DaemonEnv.table(c);
    TreeMap<IpPrefix, List<BirdRoute>> t = tables.tables.getOrDefault(table, new TreeMap<>());
    for (Map.Entry<IpPrefix, List<BirdRoute>> e : t.entrySet()) {
      BirdRoute r = tables.best(table, e.getKey());
      if (r == null || r.prefix().v6() != c.v6()) {
        continue;
      }
      // bgp_preexport: never back to the protocol the route came from
      if (r.protocol().equals(b.name())) {
        continue;
      }
      // bgp_preexport: iBGP -> iBGP only when one side is a route reflector client
      if (r.isBgp() && r.session() != null && r.session().ibgp() && ibgp && !b.rrClient() && !r.session().peerRrClient()) {
        offers.add(new Offer(r.prefix(), "iBGP-learned route from " + r.protocol() + " is not sent to iBGP peer " + b.name()
            + " (no `rr client` on either session)"));
        continue;
      }
      if (r.bgp() != null && r.bgp().communities().contains(NO_ADVERTISE)) {
        offers.add(new Offer(r.prefix(), "community NO_ADVERTISE"));
        continue;
      }
      if (!ibgp && r.bgp() != null && r.bgp().communities().contains(NO_EXPORT)) {
        offers.add(new Offer(r.prefix(), "community NO_EXPORT on an eBGP session"));
        continue;
      }
      RouteState st = new RouteState(r);
      FilterInterpreter.Verdict v = c.exportPolicy() == null
          ? new FilterInterpreter.Verdict(false, b.where(), "default `export none` (iBGP channel without export)", false)
          : env.filters.run(c.exportPolicy(), st);
      if (v.uncertain()) {
        env.warn("bird/filter-uncertain", "export of " + r.prefix() + " to " + b.name() + " depends on a line podpath does not understand",
            v.where());
      }
      if (!v.accepted()) {
        offers.add(new Offer(r.prefix(), "export filter: " + v.why() + " at " + v.where()));
        continue;
      }
      BgpRoute sent = rewrite(b, c, s, ibgp, st, r);
      if (sent != null) {
        out.add(sent);
      } else {
        offers.add(new Offer(r.prefix(), lastReject));
      }
    }
    return out;
  }

  private String lastReject;

  private BgpRoute rewrite(BgpProtocol b, Channel c, SessionContext s, boolean ibgp, RouteState st, BirdRoute r) {
    BgpAttributes in = st.attributes();
    boolean fromBgp = r.isBgp();
    // bgp_update_attrs: ORIGIN missing -> IGP for non-BGP routes
    Origin origin = in != null && in.origin() != null ? in.origin() : fromBgp ? Origin.INCOMPLETE : Origin.IGP;
    AsPath path = in == null || in.asPath() == null ? AsPath.EMPTY : in.asPath();
    Long med = in == null ? null : in.med();
    Long lp = in == null ? null : in.localPref();
    IpAddr originator = in == null ? null : in.originatorId();
    List<IpAddr> clusters = in == null ? List.of() : in.clusterList();
    if (!ibgp) {
      // eBGP: prepend our AS; MED removed unless set by the export filter; LOCAL_PREF not sent
      path = path.prepend(b.localAs(), 1);
      if (!st.assigned.contains("bgp_med")) {
        med = null;
      }
      lp = null;
      originator = null;
      clusters = List.of();
    } else {
      if (lp == null) {
        lp = b.defaultLocalPref() != null ? b.defaultLocalPref() : BestPath.DEFAULT_LOCAL_PREF;
      }
      // RFC 4456 reflection (attrs.c bgp_update_attrs): ORIGINATOR_ID kept or set, our cluster id prepended
      if (fromBgp && r.session() != null && r.session().ibgp()) {
        if (originator == null) {
          originator = r.session().peerRouterId();
        }
        List<IpAddr> l = new ArrayList<>();
        if (env.routerId != null) {
          l.add(env.routerId);
        }
        l.addAll(clusters);
        clusters = l;
      }
    }
    IpAddr[] nh = nextHop(b, c, s, ibgp, st, r, in);
    IpAddr peer = s.remoteAddress();
    if (nh[0] == null) {
      return reject(b, r, "Missing next hop address (no " + c.nettype() + " address to use as next hop self on this session)");
    }
    if (nh[0].isUnspecified()) {
      return reject(b, r, "Invalid NEXT_HOP attribute - zero address");
    }
    if (nh[0].equals(peer) || peer.equals(nh[1])) {
      return reject(b, r, "Invalid NEXT_HOP attribute - neighbor address " + peer);
    }
    if (DaemonEnv.isIp4(nh[0]) == c.v6() && !Boolean.TRUE.equals(c.extendedNextHop())) {
      return reject(b, r, "Invalid NEXT_HOP attribute - mismatched address family (" + nh[0] + " for " + c.nettype() + ")");
    }
    BgpAttributes a = new BgpAttributes(origin, path, nh[0], nh[1], med, lp, in == null ? new java.util.TreeSet<>() : in.communities(),
        in == null ? java.util.Set.of() : in.largeCommunities(), originator, clusters);
    return new BgpRoute(r.prefix(), a);
  }

  private BgpRoute reject(BgpProtocol b, BirdRoute r, String msg) {
    lastReject = msg + " (packets.c bgp_update_next_hop_ip: route not sent)";
    env.warn("bgp/invalid-next-hop", "protocol " + b.name() + ": " + msg + " when sending " + r.prefix()
        + "; BIRD does not send it (packets.c bgp_update_next_hop_ip)", b.line("neighbor"));
    return null;
  }

  private IpAddr[] nextHop(BgpProtocol b, Channel c, SessionContext s, boolean ibgp, RouteState st, BirdRoute r, BgpAttributes in) {
    boolean srcInternal = r.isBgp() && r.session() != null && r.session().ibgp();
    boolean self = matches(c.nextHopSelf(), r, srcInternal);
    // bgp_channel_init / bgp_postconfig: next hop keep defaults to ibgp for rr clients
    Channel.NextHopScope keepCfg = c.nextHopKeep() != null ? c.nextHopKeep() : b.rrClient() ? Channel.NextHopScope.IBGP : null;
    boolean keep = matches(keepCfg, r, srcInternal);
    IpAddr cur = in == null ? null : in.nextHop();
    boolean singleHop = DaemonEnv.multihop(b) == 0;
    boolean useNh = false;
    if (cur != null && r.isBgp() || st.assigned.contains("bgp_next_hop")) {
      // bgp_use_next_hop
      if (self) {
        useNh = false;
      } else if (keep) {
        useNh = true;
      } else if (st.assigned.contains("bgp_next_hop")) {
        useNh = true;
      } else if (cur != null && DaemonEnv.isIp4(cur) == c.v6() && !Boolean.TRUE.equals(c.extendedNextHop())) {
        useNh = false;
      } else if (ibgp && cur != null && !cur.isUnspecified()) {
        useNh = true;
      } else {
        // third party: forwarded between single-hop sessions on the same interface
        String srcIface = r.session() == null ? null : sourceIface(r);
        useNh = singleHop && s.sharedInterface() != null && s.sharedInterface().equals(srcIface);
      }
    }
    if (useNh && cur != null) {
      // packets.c bgp_update_next_hop_ip: a kept NEXT_HOP is the attribute as received, so an IPv6 link-local
      // part received with it goes out again (bgp_encode_next_hop_ip writes 32 bytes); a filter's `bgp_next_hop =`
      // sets one address; lab: seeds 24, 49, 91, 160, 2026-11-26
      IpAddr ll = !cur.v6() || st.assigned.contains("bgp_next_hop") ? null : in.nextHopLinkLocal();
      return new IpAddr[] {cur, ll};
    }
    // bgp_use_gateway: one global unicast gateway, to iBGP or to a single-hop peer on the gateway's iface
    if (!self && r.dest() == BirdRoute.Dest.UNICAST && r.hops().size() == 1 && r.hops().get(0).gateway() != null
        && !r.hops().get(0).gateway().isLinkLocal()
        && (DaemonEnv.isIp4(r.hops().get(0).gateway()) != c.v6() || Boolean.TRUE.equals(c.extendedNextHop()))
        && (ibgp || (singleHop && r.hops().get(0).iface() != null && r.hops().get(0).iface().equals(s.sharedInterface())))) {
      return new IpAddr[] {r.hops().get(0).gateway(), null};
    }
    // own address (bgp.c bgp_channel_start): `next hop address`, else the session's source address when its family fits
    // (or `extended next hop`), else the preferred address of that family on the neighbor's (or source's) interface;
    // IPv6 single-hop sessions add the link-local address
    IpAddr own = ownAddress(b, c, s, singleHop);
    IpAddr ll = own != null && own.v6() && singleHop ? s.localLinkLocal() : null;
    return new IpAddr[] {own, ll};
  }

  private IpAddr ownAddress(BgpProtocol b, Channel c, SessionContext s, boolean singleHop) {
    if (c.nextHopAddress() != null) {
      return c.nextHopAddress();
    }
    IpAddr src = s.localAddress();
    boolean ext = Boolean.TRUE.equals(c.extendedNextHop());
    if (src != null && (DaemonEnv.isIp4(src) != c.v6() || ext)) {
      return src;
    }
    String ifname = singleHop ? s.sharedInterface() : env.view.interfaces().stream()
        .filter(i -> i.addresses().stream().anyMatch(a -> a.address().equals(src))).map(i -> i.name()).findFirst().orElse(null);
    if (ifname != null) {
      for (var i : env.view.interfaces()) {
        if (i.name().equals(ifname)) {
          for (var a : i.addresses()) {
            if (a.v6() == c.v6() && !a.address().isLinkLocal()) {
              return a.address();
            }
          }
        }
      }
    }
    return null;
  }

  private String sourceIface(BirdRoute r) {
    // the source protocol's neighbor interface exists only for single-hop sessions
    return env.config.protocol(r.protocol()).filter(BgpProtocol.class::isInstance).map(BgpProtocol.class::cast)
        .filter(p -> DaemonEnv.multihop(p) == 0).flatMap(p -> env.view.connectedInterface(p.neighborAddress(), null))
        .map(i -> i.name()).orElse(null);
  }

  /** packets.c bgp_match_src: ALL, or IBGP/EBGP by the session the route came from. */
  private static boolean matches(Channel.NextHopScope scope, BirdRoute r, boolean srcInternal) {
    if (scope == null || scope == Channel.NextHopScope.OFF) {
      return false;
    }
    return switch (scope) {
      case ALL -> true;
      case IBGP -> r.isBgp() && srcInternal;
      case EBGP -> r.isBgp() && !srcInternal;
      default -> false;
    };
  }
}
