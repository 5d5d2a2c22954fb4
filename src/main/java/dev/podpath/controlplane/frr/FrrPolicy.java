package dev.podpath.controlplane.frr;

import dev.podpath.core.SourceRef;
import dev.podpath.core.net.IpAddr;
import dev.podpath.core.net.IpPrefix;
import dev.podpath.ingest.frr.FrrAsPathList;
import dev.podpath.ingest.frr.FrrCommunityList;
import dev.podpath.ingest.frr.FrrConfig;
import dev.podpath.ingest.frr.FrrPrefixList;
import dev.podpath.ingest.frr.FrrRouteMap;
import dev.podpath.ingest.frr.RouteMapMatch;
import dev.podpath.ingest.frr.RouteMapSet;
import dev.podpath.model.routing.AsPath;
import dev.podpath.model.routing.BgpAttributes;
import dev.podpath.model.routing.Community;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import java.util.stream.Collectors;

/** Prefix-lists, AS-path lists, community lists and route-maps of one frr.conf, evaluated as FRR does. */
final class FrrPolicy {

  /** lib/routemap.c RMAP_RECURSION_LIMIT: deeper `call` chains deny. */
  private static final int RECURSION_LIMIT = 10;

  private final FrrConfig config;
  private final Map<String, Pattern> regexes = new HashMap<>();

  FrrPolicy(FrrConfig config) {
    this.config = config;
  }

  /** `neighbor X prefix-list NAME in|out`: lib/plist.c prefix_list_apply (undefined list: deny). */
  PolicyResult prefixList(String name, FrrRoute r, String what, SourceRef configured) {
    FrrPrefixList pl = config.prefixList(r.prefix().v6(), name);
    if (pl == null) {
      return PolicyResult.deny(r, what + " prefix-list " + name + " is not defined (FRR denies everything)", configured);
    }
    if (pl.permits(r.prefix())) {
      return PolicyResult.permit(r);
    }
    FrrPrefixList.Entry e = pl.firstMatch(r.prefix());
    return PolicyResult.deny(r, what + " prefix-list " + name + (e == null ? ": no entry matches (implicit deny)" : " seq " + e.seq() + " denies"), e == null ? configured : e.where());
  }

  /** `neighbor X filter-list NAME in|out`: bgpd/bgp_filter.c as_list_apply (undefined list: deny). */
  PolicyResult filterList(String name, FrrRoute r, String what, SourceRef configured) {
    FrrAsPathList l = config.asPathLists().get(name);
    if (l == null) {
      return PolicyResult.deny(r, what + " filter-list " + name + " is not defined (FRR denies everything)", configured);
    }
    FrrAsPathList.Entry e = asPathMatch(l, r.attributes().asPath());
    if (e != null && e.permit()) {
      return PolicyResult.permit(r);
    }
    return PolicyResult.deny(r, what + " filter-list " + name + (e == null ? ": no entry matches (implicit deny)" : " denies"), e == null ? configured : e.where());
  }

  /** Applies route-map {@code name}: lib/routemap.c route_map_apply_ext. Undefined map: deny. */
  PolicyResult routeMap(String name, FrrRoute r, PolicyContext ctx, String what, SourceRef configured) {
    return routeMap(name, r, ctx, what, configured, 0);
  }

  private PolicyResult routeMap(String name, FrrRoute r, PolicyContext ctx, String what, SourceRef configured, int depth) {
    FrrRouteMap map = config.routeMaps().get(name);
    // bgpd/bgp_route.c bgp_input_modifier / bgp_output_modifier: a missing route-map denies
    if (map == null || map.entries().isEmpty()) {
      return PolicyResult.deny(r, what + " route-map " + name + (map == null ? " is not defined" : " has no entries") + " (FRR denies everything)", configured);
    }
    if (depth > RECURSION_LIMIT) {
      return PolicyResult.deny(r, what + " route-map " + name + ": `call` recursion limit", configured);
    }
    FrrRoute cur = r;
    boolean permitted = false;
    List<FrrRouteMap.Entry> es = map.entries();
    for (int i = 0; i < es.size(); i++) {
      FrrRouteMap.Entry e = es.get(i);
      if (!matches(e, cur, ctx)) {
        continue;
      }
      if (!e.permit()) {
        return PolicyResult.deny(cur, what + " route-map " + name + " deny " + e.seq(), e.where());
      }
      cur = applySets(e, cur, ctx);
      permitted = true;
      if (e.call() != null) {
        PolicyResult called = routeMap(e.call(), cur, ctx, what, e.where(), depth + 1);
        if (!called.permit()) {
          return called;
        }
        cur = called.route();
      }
      Integer target = e.onMatchGoto() != null ? e.onMatchGoto() : e.continueTo();
      if (target != null) {
        int j = i + 1;
        while (j < es.size() && es.get(j).seq() < target) {
          j++;
        }
        i = j - 1;
        continue;
      }
      if (e.onMatchNext()) {
        continue;
      }
      break;
    }
    if (!permitted) {
      return PolicyResult.deny(r, what + " route-map " + name + ": no entry matches (implicit deny)", map.where());
    }
    return PolicyResult.permit(cur);
  }

  private boolean matches(FrrRouteMap.Entry e, FrrRoute r, PolicyContext ctx) {
    for (RouteMapMatch m : e.matches()) {
      if (!matches(m, r)) {
        return false;
      }
    }
    return true;
  }

  private boolean matches(RouteMapMatch m, FrrRoute r) {
    if (m instanceof RouteMapMatch.PrefixList p) {
      // bgp_routemap.c route_match_ip(v6)_address_prefix_list: other family or undefined list -> no match
      if (p.v6() != r.prefix().v6()) {
        return false;
      }
      FrrPrefixList pl = config.prefixList(p.v6(), p.name());
      return pl != null && pl.permits(r.prefix());
    }
    if (m instanceof RouteMapMatch.NextHopPrefixList p) {
      IpAddr nh = r.nextHop();
      FrrPrefixList pl = nh == null ? null : config.prefixList(nh.v6(), p.name());
      return pl != null && p.v6() == nh.v6() && pl.permits(IpPrefix.host(nh));
    }
    if (m instanceof RouteMapMatch.NextHopAddress a) {
      return a.address().equals(r.nextHop());
    }
    if (m instanceof RouteMapMatch.AsPathList a) {
      FrrAsPathList l = config.asPathLists().get(a.name());
      FrrAsPathList.Entry e = l == null ? null : asPathMatch(l, r.attributes().asPath());
      return e != null && e.permit();
    }
    if (m instanceof RouteMapMatch.CommunityList c) {
      return communityMatch(c, r.attributes().communities());
    }
    if (m instanceof RouteMapMatch.SourceProtocol s) {
      // bgpd has `match source-protocol` only from FRR 9.0 (frr-9.0 bgp_routemap.c); in 8.x the
      // line belongs to zebra and bgpd's entry has no such clause: it matches
      if (config.daemonVersion().isBefore("9.0")) {
        return true;
      }
      return s.protocol().equals(r.sourceProtocol());
    }
    return false; // Unmodelled: reported when parsed
  }

  // bgpd/bgp_regex.c: `_` matches a delimiter (start, end, space, comma, braces, parentheses)
  private Pattern regex(String frr) {
    return regexes.computeIfAbsent(frr, k -> {
      try {
        return Pattern.compile(k.replace("_", "(?:^|$|[ ,{}()])"));
      } catch (PatternSyntaxException e) {
        return Pattern.compile("(?!)");
      }
    });
  }

  private FrrAsPathList.Entry asPathMatch(FrrAsPathList l, AsPath path) {
    String s = path.toString();
    for (FrrAsPathList.Entry e : l.entries()) {
      if (regex(e.regex()).matcher(s).find()) {
        return e;
      }
    }
    return null;
  }

  // bgpd/bgp_clist.c community_list_match / _exact_match: first matching entry decides
  private boolean communityMatch(RouteMapMatch.CommunityList c, SortedSet<Community> have) {
    FrrCommunityList l = config.communityLists().get(c.name());
    if (l == null) {
      return false;
    }
    String text = have.stream().map(Community::toString).collect(Collectors.joining(" "));
    for (FrrCommunityList.Entry e : l.entries()) {
      boolean hit;
      if (l.expanded()) {
        hit = regex(e.values().get(0)).matcher(text).find();
      } else {
        SortedSet<Community> want = new TreeSet<>();
        for (String v : e.values()) {
          Community k = parseCommunity(v);
          if (k != null) {
            want.add(k);
          }
        }
        hit = c.exact() ? have.equals(want) : have.containsAll(want);
      }
      if (hit) {
        return e.permit();
      }
    }
    return false;
  }

  private static Community parseCommunity(String v) {
    try {
      return switch (v) {
        case "internet" -> new Community(0);
        case "no-export" -> new Community(0xFFFFFF01L);
        case "no-advertise" -> new Community(0xFFFFFF02L);
        case "local-AS" -> new Community(0xFFFFFF03L);
        case "graceful-shutdown" -> new Community(0xFFFF0000L);
        case "blackhole" -> new Community(0xFFFF029AL);
        default -> v.contains(":")
            ? Community.of(Long.parseLong(v.substring(0, v.indexOf(':'))), Long.parseLong(v.substring(v.indexOf(':') + 1)))
            : new Community(Long.parseLong(v));
      };
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  /** bgpd/bgp_routemap.c route_set_*: the `set` clauses of one permit entry, in order. */
  private FrrRoute applySets(FrrRouteMap.Entry e, FrrRoute r, PolicyContext ctx) {
    FrrRoute cur = r;
    for (RouteMapSet s : e.sets()) {
      BgpAttributes a = cur.attributes();
      if (s instanceof RouteMapSet.LocalPreference lp) {
        long base = a.localPref() == null ? 100 : a.localPref();
        cur = cur.withAttributes(a.withLocalPref(relative(base, lp.value(), lp.relative())));
      } else if (s instanceof RouteMapSet.Metric m) {
        long base = a.med() == null ? 0 : a.med();
        cur = cur.withAttributes(a.withMed(relative(base, m.value(), m.relative())));
      } else if (s instanceof RouteMapSet.AsPathPrepend p) {
        AsPath path = a.asPath();
        if (p.lastAsCount() > 0) {
          if (path.length() > 0) {
            path = path.prepend(path.first(), p.lastAsCount());
          }
        } else {
          for (int i = p.asns().size() - 1; i >= 0; i--) {
            path = path.prepend(p.asns().get(i), 1);
          }
        }
        cur = cur.withAttributes(a.withAsPath(path));
      } else if (s instanceof RouteMapSet.Communities c) {
        SortedSet<Community> cs = new TreeSet<>();
        if (c.additive()) {
          cs.addAll(a.communities());
        }
        if (!c.none()) {
          c.values().forEach(v -> cs.add(new Community(v)));
        }
        cur = cur.withAttributes(a.withCommunities(cs));
      } else if (s instanceof RouteMapSet.Ipv6NextHopGlobal g) {
        cur = cur.withAttributes(a.withNextHop(g.address(), a.nextHopLinkLocal()));
      } else if (s instanceof RouteMapSet.Ipv6NextHopLocal l) {
        cur = cur.withAttributes(a.withNextHop(a.nextHop(), l.address()));
      } else if (s instanceof RouteMapSet.Ipv6PreferGlobal) {
        cur = cur.withPreferGlobal(true);
      } else if (s instanceof RouteMapSet.NextHopPeerAddress p) {
        // inbound: the peer's address; outbound: our side of the session (bgp_routemap.c route_set_ip_nexthop)
        IpAddr nh = ctx.inbound() ? ctx.peerAddress() : ctx.localAddress();
        if (nh != null && nh.v6() == p.v6()) {
          cur = cur.withAttributes(a.withNextHop(nh, p.v6() ? a.nextHopLinkLocal() : null));
        }
      } else if (s instanceof RouteMapSet.IpNextHop n) {
        cur = cur.withAttributes(a.withNextHop(n.address(), null));
      } else if (s instanceof RouteMapSet.Weight w) {
        cur = cur.withWeight(w.value());
      } else if (s instanceof RouteMapSet.IpNextHopUnchanged) {
        // bgp_routemap.c route_set_ip_nexthop "unchanged": BATTR_RMAP_NEXTHOP_UNCHANGED
        cur = cur.withNextHopUnchanged();
      } else if (s instanceof RouteMapSet.SetOrigin o) {
        cur = cur.withAttributes(a.withOrigin(switch (o.origin()) {
          case "igp" -> dev.podpath.model.routing.Origin.IGP;
          case "egp" -> dev.podpath.model.routing.Origin.EGP;
          default -> dev.podpath.model.routing.Origin.INCOMPLETE;
        }));
      }
      // Unmodelled: no attribute change
    }
    return cur;
  }

  private static long relative(long base, long value, int rel) {
    long v = rel == 0 ? value : rel > 0 ? base + value : base - value;
    return Math.max(0, Math.min(4294967295L, v));
  }

  /** Whether an outbound route-map changed the next hop (then bgpd does not reset it to self). */
  boolean setsNextHop(FrrRoute before, FrrRoute after) {
    return after.nextHopUnchanged() || !java.util.Objects.equals(before.attributes().nextHop(), after.attributes().nextHop())
        || !java.util.Objects.equals(before.attributes().nextHopLinkLocal(), after.attributes().nextHopLinkLocal());
  }
}
