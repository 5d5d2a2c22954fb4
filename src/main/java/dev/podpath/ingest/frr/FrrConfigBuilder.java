package dev.podpath.ingest.frr;

import dev.podpath.core.SourceRef;
import dev.podpath.core.net.IfAddress;
import dev.podpath.core.net.IpAddr;
import dev.podpath.core.net.IpPrefix;
import dev.podpath.ingest.frr.FrrParser.*;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;

/**
 * Turns matched lines into the vendor model, executing them as bgpd would (including the lines
 * bgpd refuses, e.g. a neighbor used before its peer-group exists: CMD_WARNING_CONFIG_FAILED, the
 * line has no effect). Mutable while the file is read; {@link #build()} freezes it into records.
 */
final class FrrConfigBuilder {

  private final String file;
  private final FrrVersion daemonVersion;
  private final LineDiagnostics diag = new LineDiagnostics();
  private final BgpLines bgp;

  private FrrVersion version;
  private SourceRef versionLine = SourceRef.NONE;
  private DefaultsProfile profile = DefaultsProfile.TRADITIONAL;
  private SourceRef profileLine = SourceRef.NONE;
  private String hostname;
  private boolean nhtV4;
  private boolean nhtV6;
  private final Map<String, FrrVrf> vrfs = new LinkedHashMap<>();
  private final Map<String, Drafts.Iface> interfaces = new LinkedHashMap<>();
  private final List<FrrStaticRoute> staticRoutes = new ArrayList<>();
  private final Map<String, Drafts.PrefixList> ipPrefixLists = new LinkedHashMap<>();
  private final Map<String, Drafts.PrefixList> ipv6PrefixLists = new LinkedHashMap<>();
  private final Map<String, List<FrrAsPathList.Entry>> asPathLists = new LinkedHashMap<>();
  private final Map<String, SourceRef> asPathWhere = new HashMap<>();
  private final Map<String, Drafts.CommunityList> communityLists = new LinkedHashMap<>();
  private final Map<String, TreeMap<Integer, Drafts.RouteMapEntry>> routeMaps = new LinkedHashMap<>();
  private final Map<String, SourceRef> routeMapWhere = new HashMap<>();

  // current node context
  private SourceRef leftConfigAt = SourceRef.NONE;
  private String curVrf;
  private Drafts.Iface curIface;
  private Drafts.RouteMapEntry curEntry;

  FrrConfigBuilder(String file, FrrVersion daemonVersion) {
    this.file = file;
    this.daemonVersion = daemonVersion;
    this.bgp = new BgpLines(daemonVersion, diag);
  }

  LineDiagnostics diagnostics() {
    return diag;
  }

  /** Where a top-level `exit` left configuration mode, for messages. */
  SourceRef leftConfigAt() {
    return leftConfigAt;
  }

  // ------------------------------------------------------------------ dispatch

  /** Executes one matched line in node {@code n}; returns the node after it, or null to refuse the match. */
  CliNode apply(CliNode n, ParserRuleContext tree, String line, SourceRef where) {
    return switch (n) {
      case CONFIG -> config((Config_lineContext) tree, line, where);
      case VRF -> vrf((Vrf_lineContext) tree, line, where);
      case INTERFACE -> iface((If_lineContext) tree, line, where);
      case ENABLE -> CliNode.CONFIG; // `configure [terminal]`
      case LINE_VTY -> ((Vty_lineContext) tree).EXIT() != null ? CliNode.CONFIG : CliNode.LINE_VTY;
      case ROUTE_MAP -> routeMapLine((Rm_lineContext) tree, line, where);
      case ROUTER_BGP -> bgp.routerBgp((Rb_lineContext) tree, line, where);
      case BGP_IPV4 -> bgp.af(Afi.IPV4, ((Rbafi_lineContext) tree).rbafi_statement(), ((Rbafi_lineContext) tree).rbafi_peer_group_hidden(), line, where);
      case BGP_IPV6 -> bgp.af(Afi.IPV6, ((Rbafi_lineContext) tree).rbafi_statement(), ((Rbafi_lineContext) tree).rbafi_peer_group_hidden(), line, where);
      case BGP_EVPN -> bgp.evpn((Rbafe_lineContext) tree, line, where);
      case BGP_AF_OTHER -> CliNode.BGP_AF_OTHER;
    };
  }

  // ------------------------------------------------------------------ CONFIG node

  private CliNode config(Config_lineContext c, String line, SourceRef where) {
    bgp.leave();
    curEntry = null;
    curIface = null;
    curVrf = null;
    if (c.s_frr_version() != null) {
      String v = LineWords.words(c.s_frr_version().variable());
      try {
        version = FrrVersion.parse(v);
        versionLine = where;
      } catch (IllegalArgumentException e) {
        diag.invalid("`frr version` is not a version number", line, where);
      }
      return CliNode.CONFIG;
    }
    if (c.s_frr_defaults() != null) {
      String p = LineWords.words(c.s_frr_defaults().variable());
      // lib/lib_vty.c frr_defaults: an unknown profile is a warning (and then matches no profile entry)
      try {
        profile = DefaultsProfile.valueOf(p.toUpperCase(java.util.Locale.ROOT));
        profileLine = where;
      } catch (IllegalArgumentException e) {
        diag.warn("input/unsupported-line", "FRR: \"% WARNING: profile " + p + " is not known in this version\"; podpath keeps `" + profile.keyword() + "`", where);
      }
      return CliNode.CONFIG;
    }
    if (c.s_hostname() != null) {
      hostname = c.s_hostname().variable().getText();
      return CliNode.CONFIG;
    }
    if (c.s_vrf() != null) {
      String name = c.s_vrf().name.getText();
      vrfs.putIfAbsent(name, new FrrVrf(name, null, where));
      curVrf = name;
      return CliNode.VRF;
    }
    if (c.s_interface() != null) {
      String name = c.s_interface().name.getText();
      Drafts.Iface b = interfaces.computeIfAbsent(name, k -> new Drafts.Iface(name, where));
      if (c.s_interface().vrf != null) {
        b.vrf = c.s_interface().vrf.getText();
      }
      curIface = b;
      return CliNode.INTERFACE;
    }
    if (c.s_static_route() != null) {
      staticRoute(c.s_static_route(), null, line, where);
      return CliNode.CONFIG;
    }
    if (c.s_router_bgp() != null) {
      // bgpd.c bgp_create: the instance takes the defaults in force now
      return bgp.start(c.s_router_bgp(), line, where, new FrrDefaults(version != null ? version : daemonVersion, profile, versionLine, profileLine));
    }
    if (c.s_prefix_list() != null) {
      prefixList(c.s_prefix_list(), line, where);
      return CliNode.CONFIG;
    }
    if (c.s_as_path_access_list() != null) {
      var a = c.s_as_path_access_list();
      String name = a.name.getText();
      asPathLists.computeIfAbsent(name, k -> new ArrayList<>()).add(new FrrAsPathList.Entry(a.action.getType() == FrrLexer.PERMIT, LineWords.words(a.variable().subList(1, a.variable().size())), where));
      asPathWhere.putIfAbsent(name, where);
      return CliNode.CONFIG;
    }
    if (c.s_community_list() != null) {
      var a = c.s_community_list();
      String name = a.name.getText();
      boolean expanded = a.kind != null ? a.kind.getType() == FrrLexer.EXPANDED : isNumber(name) && Integer.parseInt(name) >= 100;
      Drafts.CommunityList b = communityLists.computeIfAbsent(name, k -> new Drafts.CommunityList(expanded, where));
      List<String> vals = new ArrayList<>();
      for (VariableContext v : a.values) {
        vals.add(v.getText());
      }
      if (expanded) {
        vals = List.of(String.join(" ", vals));
      }
      b.entries.add(new FrrCommunityList.Entry(a.action.getType() == FrrLexer.PERMIT, vals, where));
      return CliNode.CONFIG;
    }
    if (c.s_route_map() != null) {
      var r = c.s_route_map();
      String name = r.name.getText();
      int seq;
      try {
        seq = Integer.parseInt(r.seq.getText());
      } catch (NumberFormatException e) {
        seq = -1;
      }
      if (seq < 1 || seq > 65535) {
        diag.invalid("route-map sequence number out of range 1-65535", line, where);
        return CliNode.CONFIG;
      }
      routeMapWhere.putIfAbsent(name, where);
      Drafts.RouteMapEntry e = new Drafts.RouteMapEntry(seq, r.action.getType() == FrrLexer.PERMIT, where);
      routeMaps.computeIfAbsent(name, k -> new TreeMap<>()).put(seq, e);
      curEntry = e;
      return CliNode.ROUTE_MAP;
    }
    if (c.s_nht_resolve_via_default() != null) {
      nht(c.s_nht_resolve_via_default());
      return CliNode.CONFIG;
    }
    if (c.s_line_vty() != null) {
      return CliNode.LINE_VTY;
    }
    if (c.s_exit() != null) {
      // lib/command.c: `exit` in the config node leaves configuration mode; the lines after it
      // are unknown until `configure` (lab: vtysh -C 8.4.4, 2026-11-26)
      leftConfigAt = where;
      return CliNode.ENABLE;
    }
    // _null
    return CliNode.CONFIG;
  }

  private void nht(S_nht_resolve_via_defaultContext c) {
    if (c.ip_version().IPV6() != null) {
      nhtV6 = true;
    } else {
      nhtV4 = true;
    }
  }

  private static boolean isNumber(String s) {
    return !s.isEmpty() && s.length() < 10 && s.chars().allMatch(Character::isDigit);
  }

  private void staticRoute(S_static_routeContext c, String vrf, String line, SourceRef where) {
    if (c.NO() != null) {
      diag.warn("input/unsupported-line", "`no ip route` is not modelled: " + line, where);
      return;
    }
    boolean v6 = c.ip_version().IPV6() != null;
    String p = c.prefix.getText();
    List<String> ws = new ArrayList<>();
    c.words.forEach(t -> ws.add(t.getText()));
    IpPrefix prefix;
    try {
      if (!v6 && !p.contains("/") && !ws.isEmpty()) {
        // staticd: `ip route A.B.C.D A.B.C.D(mask) ...`
        IpAddr m = IpAddr.parse(ws.remove(0));
        prefix = IpPrefix.parseLenient(p + "/" + Long.bitCount(m.lo()));
      } else {
        prefix = IpPrefix.parseLenient(p);
      }
    } catch (IllegalArgumentException e) {
      diag.invalid("not a prefix `" + p + "`", line, where);
      return;
    }
    if (prefix.v6() != v6) {
      diag.invalid("prefix family does not match `" + (v6 ? "ipv6" : "ip") + " route`", line, where);
      return;
    }
    if ((c.sr_flag != null) != ws.isEmpty() || ws.size() > 2) {
      diag.invalid("expected a gateway, an interface, `Null0`, `blackhole` or `reject`", line, where);
      return;
    }
    String routeVrf = vrf;
    int distance = 1; // staticd: default distance 1 (lib/zebra.h ZEBRA_STATIC_DISTANCE_DEFAULT)
    for (Sr_optionContext o : c.sr_option()) {
      if (o.vrf != null) {
        routeVrf = o.vrf.getText();
      } else if (o.distance != null) {
        distance = Integer.parseInt(o.distance.getText());
      }
    }
    if (c.sr_flag != null) {
      FrrStaticRoute.Kind k = c.sr_flag.getType() == FrrLexer.REJECT ? FrrStaticRoute.Kind.REJECT : FrrStaticRoute.Kind.BLACKHOLE;
      staticRoutes.add(new FrrStaticRoute(routeVrf, prefix, null, null, k, distance, where));
      return;
    }
    String gw = ws.get(0);
    String ifname = ws.size() > 1 ? ws.get(1) : null;
    IpAddr g = LineWords.addr(gw);
    if (g != null) {
      if (g.v6() != v6) {
        diag.invalid("gateway family does not match the prefix", line, where);
        return;
      }
      staticRoutes.add(new FrrStaticRoute(routeVrf, prefix, g, ifname, FrrStaticRoute.Kind.GATEWAY, distance, where));
    } else if (ifname != null) {
      diag.invalid("`" + gw + "` is not a gateway address", line, where);
    } else if (gw.equalsIgnoreCase("null0")) {
      // staticd/static_vty.c: strncasecmp(ifname, "Null0", 5) -> blackhole
      staticRoutes.add(new FrrStaticRoute(routeVrf, prefix, null, null, FrrStaticRoute.Kind.BLACKHOLE, distance, where));
    } else {
      staticRoutes.add(new FrrStaticRoute(routeVrf, prefix, null, gw, FrrStaticRoute.Kind.INTERFACE, distance, where));
    }
  }

  private void prefixList(S_prefix_listContext c, String line, SourceRef where) {
    if (c.pl_null() != null) {
      return;
    }
    boolean v6 = c.ip_version().IPV6() != null;
    String name = c.name.getText();
    int bits = v6 ? 128 : 32;
    IpPrefix prefix;
    Integer ge = null;
    Integer le = null;
    if (c.ANY() != null) {
      // lib/filter_cli.c: `any` = 0.0.0.0/0 le 32 (::/0 le 128)
      prefix = IpPrefix.defaultRoute(v6);
      le = bits;
    } else {
      try {
        // lib/filter_nb.c: host bits are masked ("correcting it to ...")
        prefix = IpPrefix.parseLenient(c.prefix.getText());
      } catch (IllegalArgumentException e) {
        diag.invalid("not a prefix `" + c.prefix.getText() + "`", line, where);
        return;
      }
      if (prefix.v6() != v6) {
        diag.invalid("prefix family does not match `" + (v6 ? "ipv6" : "ip") + " prefix-list`", line, where);
        return;
      }
      Token geT = c.ge != null ? c.ge : c.ge2;
      ge = geT == null ? null : Integer.parseInt(geT.getText());
      le = c.le == null ? null : Integer.parseInt(c.le.getText());
      // lib/filter_nb.c prefix_list_length_validate: mask length <= ge <= le <= max
      if ((ge != null && (ge < prefix.length() || ge > bits))
          || (le != null && (le < prefix.length() || le > bits))
          || (ge != null && le != null && ge > le)) {
        diag.rejected("% Invalid prefix range for " + prefix + ": Make sure that mask length <= ge <= le", line, where);
        return;
      }
    }
    Drafts.PrefixList b = (v6 ? ipv6PrefixLists : ipPrefixLists).computeIfAbsent(name, k -> new Drafts.PrefixList(where));
    long seq;
    if (c.seq != null) {
      seq = Long.parseLong(c.seq.getText());
    } else {
      // lib/plist.c prefix_new_seq_get: next multiple of 5 above the highest seq
      long max = b.entries.isEmpty() ? 0 : b.entries.lastKey();
      seq = (max / 5) * 5 + 5;
    }
    b.entries.put(seq, new FrrPrefixList.Entry(seq, c.action.getType() == FrrLexer.PERMIT, prefix, ge, le, where));
  }

  // ------------------------------------------------------------------ vrf / interface

  private CliNode vrf(Vrf_lineContext c, String line, SourceRef where) {
    if (c.vrf_exit() != null) {
      curVrf = null;
      return CliNode.CONFIG;
    }
    if (c.vrf_vni() != null) {
      FrrVrf v = vrfs.get(curVrf);
      vrfs.put(curVrf, new FrrVrf(curVrf, Long.parseLong(c.vrf_vni().vni.getText()), v.where()));
    } else if (c.s_static_route() != null) {
      staticRoute(c.s_static_route(), curVrf, line, where);
    } else if (c.s_nht_resolve_via_default() != null) {
      diag.info("frr/not-modelled", "`ip nht resolve-via-default` inside vrf " + curVrf + " is treated like the global one", where);
      nht(c.s_nht_resolve_via_default());
    }
    return CliNode.VRF;
  }

  private CliNode iface(If_lineContext c, String line, SourceRef where) {
    if (c.if_exit() != null) {
      curIface = null;
      return CliNode.CONFIG;
    }
    if (c.if_address() != null) {
      try {
        curIface.addresses.add(IfAddress.parse(c.if_address().address.getText()));
      } catch (IllegalArgumentException e) {
        diag.invalid("not an interface address", line, where);
      }
    } else if (c.if_vrf() != null) {
      curIface.vrf = c.if_vrf().name.getText();
    }
    return CliNode.INTERFACE;
  }

  // ------------------------------------------------------------------ route-map entries

  private CliNode routeMapLine(Rm_lineContext c, String line, SourceRef where) {
    Drafts.RouteMapEntry e = curEntry;
    if (c.rm_exit() != null) {
      curEntry = null;
      return CliNode.CONFIG;
    }
    if (c.rm_match() != null) {
      RouteMapMatch m = match(c.rm_match(), line, where);
      if (m != null) {
        e.matches.add(m);
      }
    } else if (c.rm_set() != null) {
      RouteMapSet s = RouteMapSetParser.parse(c.rm_set(), line, where);
      if (s == null) {
        diag.invalid("invalid `set` value", line, where);
      } else {
        if (s instanceof RouteMapSet.Unmodelled) {
          diag.info("frr/not-modelled", "route-map clause parsed but not applied by podpath: " + line, where);
        }
        e.sets.add(s);
      }
    } else if (c.rm_on_match() != null) {
      if (c.rm_on_match().GOTO() != null) {
        e.onMatchGoto = Integer.parseInt(c.rm_on_match().NUMBER().getText());
      } else {
        e.onMatchNext = true;
      }
    } else if (c.rm_call() != null) {
      e.call = c.rm_call().name.getText();
    } else if (c.rm_continue() != null) {
      if (c.rm_continue().NUMBER() != null) {
        e.continueTo = Integer.parseInt(c.rm_continue().NUMBER().getText());
      } else {
        e.onMatchNext = true;
      }
    }
    return CliNode.ROUTE_MAP;
  }

  private RouteMapMatch match(Rm_matchContext m, String line, SourceRef where) {
    if (m.rmm_ip_prefix_list() != null) {
      return new RouteMapMatch.PrefixList(m.rmm_ip_prefix_list().ip_version().IPV6() != null, m.rmm_ip_prefix_list().name.getText(), where);
    }
    if (m.rmm_ip_next_hop() != null) {
      var nh = m.rmm_ip_next_hop();
      if (nh.name != null) {
        return new RouteMapMatch.NextHopPrefixList(nh.ip_version().IPV6() != null, nh.name.getText(), where);
      }
      if (nh.address != null) {
        IpAddr a = LineWords.addr(nh.address.getText());
        if (a == null) {
          diag.invalid("not an address", line, where);
          return null;
        }
        return new RouteMapMatch.NextHopAddress(a, where);
      }
    }
    if (m.rmm_ip_access_list() != null) {
      // `match ip address NAME`: an access-list (also `match ip address prefix-list` with no name:
      // an access-list called "prefix-list"; lab: bgpd -C 8.4.4 accepts it, 2026-11-26)
      diag.info("frr/not-modelled", "access-lists are not modelled: `" + line + "` is treated as no match", where);
      return new RouteMapMatch.Unmodelled(line, where);
    }
    if (m.rmm_as_path() != null) {
      return new RouteMapMatch.AsPathList(m.rmm_as_path().name.getText(), where);
    }
    if (m.rmm_community() != null) {
      return new RouteMapMatch.CommunityList(m.rmm_community().name.getText(), m.rmm_community().EXACT_MATCH() != null, where);
    }
    if (m.rmm_source_protocol() != null) {
      return new RouteMapMatch.SourceProtocol(m.rmm_source_protocol().protocol.getText(), where);
    }
    diag.info("frr/not-modelled", "route-map match not evaluated by podpath (treated as no match): " + line, where);
    return new RouteMapMatch.Unmodelled(line, where);
  }

  // ------------------------------------------------------------------ build

  FrrConfig build() {
    Map<String, FrrInterface> ifs = new LinkedHashMap<>();
    interfaces.forEach((k, b) -> ifs.put(k, new FrrInterface(k, b.vrf, b.addresses, b.where)));
    List<FrrBgpRouter> rs = bgp.build();
    Map<String, FrrPrefixList> v4 = new LinkedHashMap<>();
    ipPrefixLists.forEach((k, b) -> v4.put(k, new FrrPrefixList(k, false, new ArrayList<>(b.entries.values()), b.where)));
    Map<String, FrrPrefixList> v6 = new LinkedHashMap<>();
    ipv6PrefixLists.forEach((k, b) -> v6.put(k, new FrrPrefixList(k, true, new ArrayList<>(b.entries.values()), b.where)));
    Map<String, FrrAsPathList> ap = new LinkedHashMap<>();
    asPathLists.forEach((k, l) -> ap.put(k, new FrrAsPathList(k, l, asPathWhere.get(k))));
    Map<String, FrrCommunityList> cl = new LinkedHashMap<>();
    communityLists.forEach((k, b) -> cl.put(k, new FrrCommunityList(k, b.expanded, b.entries, b.where)));
    Map<String, FrrRouteMap> rm = new LinkedHashMap<>();
    routeMaps.forEach((k, m) -> {
      List<FrrRouteMap.Entry> es = new ArrayList<>();
      m.values().forEach(e -> es.add(new FrrRouteMap.Entry(e.seq, e.permit, e.matches, e.sets, e.onMatchNext, e.onMatchGoto, e.continueTo, e.call, e.where)));
      rm.put(k, new FrrRouteMap(k, es, routeMapWhere.get(k)));
    });
    FrrDefaults d = new FrrDefaults(version != null ? version : daemonVersion, profile, versionLine, profileLine);
    return new FrrConfig(file, daemonVersion, d, hostname, vrfs, ifs, staticRoutes, rs, v4, v6, ap, cl, rm, nhtV4, nhtV6);
  }

}
