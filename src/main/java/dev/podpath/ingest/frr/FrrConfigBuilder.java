package dev.podpath.ingest.frr;

import dev.podpath.core.Finding;
import dev.podpath.core.SourceRef;
import dev.podpath.core.net.IfAddress;
import dev.podpath.core.net.IpAddr;
import dev.podpath.core.net.IpPrefix;
import dev.podpath.ingest.frr.FrrNeighborAf.NextHopSelf;
import dev.podpath.ingest.frr.FrrNeighborAf.Unchanged;
import dev.podpath.ingest.frr.FrrParser.*;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
  private final List<Finding> findings = new ArrayList<>();
  private int problems;

  private FrrVersion version;
  private SourceRef versionLine = SourceRef.NONE;
  private DefaultsProfile profile = DefaultsProfile.TRADITIONAL;
  private SourceRef profileLine = SourceRef.NONE;
  private String hostname;
  private boolean nhtV4;
  private boolean nhtV6;
  private final Map<String, FrrVrf> vrfs = new LinkedHashMap<>();
  private final Map<String, IfaceB> interfaces = new LinkedHashMap<>();
  private final List<FrrStaticRoute> staticRoutes = new ArrayList<>();
  private final Map<String, RouterB> routers = new LinkedHashMap<>();
  private final Map<String, PlistB> ipPrefixLists = new LinkedHashMap<>();
  private final Map<String, PlistB> ipv6PrefixLists = new LinkedHashMap<>();
  private final Map<String, List<FrrAsPathList.Entry>> asPathLists = new LinkedHashMap<>();
  private final Map<String, SourceRef> asPathWhere = new HashMap<>();
  private final Map<String, CommB> communityLists = new LinkedHashMap<>();
  private final Map<String, TreeMap<Integer, RmEntryB>> routeMaps = new LinkedHashMap<>();
  private final Map<String, SourceRef> routeMapWhere = new HashMap<>();

  // current node context
  private SourceRef leftConfigAt = SourceRef.NONE;
  private String curVrf;
  private IfaceB curIface;
  private RouterB curRouter;
  private RmEntryB curEntry;

  FrrConfigBuilder(String file, FrrVersion daemonVersion) {
    this.file = file;
    this.daemonVersion = daemonVersion;
  }

  // ------------------------------------------------------------------ findings

  void warn(String code, String message, SourceRef where) {
    findings.add(Finding.warning(code, message, where));
    problems++;
  }

  void info(String code, String message, SourceRef where) {
    findings.add(Finding.info(code, message, where));
  }

  /** Where a top-level `exit` left configuration mode, for messages. */
  SourceRef leftConfigAt() {
    return leftConfigAt;
  }

  int problemCount() {
    return problems;
  }

  List<Finding> findings() {
    return List.copyOf(findings);
  }

  /** bgpd accepted the syntax but refused the command (CMD_WARNING_CONFIG_FAILED): no effect. */
  private void rejected(String frrMessage, String line, SourceRef where) {
    warn("input/rejected-line", "FRR refuses `" + line + "`: " + frrMessage + " (the line has no effect)", where);
  }

  private void invalid(String what, String line, SourceRef where) {
    warn("input/unsupported-line", what + ": " + line, where);
  }

  private static String text(Token t) {
    return t == null ? null : t.getText();
  }

  private static String text(ParserRuleContext c) {
    return c == null ? null : c.getText();
  }

  private static String words(List<VariableContext> vs) {
    StringBuilder sb = new StringBuilder();
    for (VariableContext v : vs) {
      if (sb.length() > 0) {
        sb.append(' ');
      }
      sb.append(v.getText());
    }
    return sb.toString();
  }

  private static IpAddr addr(String s) {
    try {
      return s == null ? null : IpAddr.parse(s);
    } catch (IllegalArgumentException e) {
      return null;
    }
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
      case ROUTER_BGP -> routerBgp((Rb_lineContext) tree, line, where);
      case BGP_IPV4 -> af(Afi.IPV4, ((Rbafi_lineContext) tree).rbafi_statement(), ((Rbafi_lineContext) tree).rbafi_peer_group_hidden(), line, where);
      case BGP_IPV6 -> af(Afi.IPV6, ((Rbafi_lineContext) tree).rbafi_statement(), ((Rbafi_lineContext) tree).rbafi_peer_group_hidden(), line, where);
      case BGP_EVPN -> evpn((Rbafe_lineContext) tree, line, where);
      case BGP_AF_OTHER -> CliNode.BGP_AF_OTHER;
    };
  }

  // ------------------------------------------------------------------ CONFIG node

  private CliNode config(Config_lineContext c, String line, SourceRef where) {
    curRouter = null;
    curEntry = null;
    curIface = null;
    curVrf = null;
    if (c.s_frr_version() != null) {
      String v = words(c.s_frr_version().variable());
      try {
        version = FrrVersion.parse(v);
        versionLine = where;
      } catch (IllegalArgumentException e) {
        invalid("`frr version` is not a version number", line, where);
      }
      return CliNode.CONFIG;
    }
    if (c.s_frr_defaults() != null) {
      String p = words(c.s_frr_defaults().variable());
      // lib/lib_vty.c frr_defaults: an unknown profile is a warning (and then matches no profile entry)
      try {
        profile = DefaultsProfile.valueOf(p.toUpperCase(java.util.Locale.ROOT));
        profileLine = where;
      } catch (IllegalArgumentException e) {
        warn("input/unsupported-line", "FRR: \"% WARNING: profile " + p + " is not known in this version\"; podpath keeps `" + profile.keyword() + "`", where);
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
      IfaceB b = interfaces.computeIfAbsent(name, k -> new IfaceB(name, where));
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
      return routerBgpStart(c.s_router_bgp(), line, where);
    }
    if (c.s_prefix_list() != null) {
      prefixList(c.s_prefix_list(), line, where);
      return CliNode.CONFIG;
    }
    if (c.s_as_path_access_list() != null) {
      var a = c.s_as_path_access_list();
      String name = a.name.getText();
      asPathLists.computeIfAbsent(name, k -> new ArrayList<>()).add(new FrrAsPathList.Entry(a.action.getType() == FrrLexer.PERMIT, words(a.variable().subList(1, a.variable().size())), where));
      asPathWhere.putIfAbsent(name, where);
      return CliNode.CONFIG;
    }
    if (c.s_community_list() != null) {
      var a = c.s_community_list();
      String name = a.name.getText();
      boolean expanded = a.kind != null ? a.kind.getType() == FrrLexer.EXPANDED : isNumber(name) && Integer.parseInt(name) >= 100;
      CommB b = communityLists.computeIfAbsent(name, k -> new CommB(expanded, where));
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
        invalid("route-map sequence number out of range 1-65535", line, where);
        return CliNode.CONFIG;
      }
      routeMapWhere.putIfAbsent(name, where);
      RmEntryB e = new RmEntryB(seq, r.action.getType() == FrrLexer.PERMIT, where);
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
      warn("input/unsupported-line", "`no ip route` is not modelled: " + line, where);
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
      invalid("not a prefix `" + p + "`", line, where);
      return;
    }
    if (prefix.v6() != v6) {
      invalid("prefix family does not match `" + (v6 ? "ipv6" : "ip") + " route`", line, where);
      return;
    }
    if ((c.sr_flag != null) != ws.isEmpty() || ws.size() > 2) {
      invalid("expected a gateway, an interface, `Null0`, `blackhole` or `reject`", line, where);
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
    IpAddr g = addr(gw);
    if (g != null) {
      if (g.v6() != v6) {
        invalid("gateway family does not match the prefix", line, where);
        return;
      }
      staticRoutes.add(new FrrStaticRoute(routeVrf, prefix, g, ifname, FrrStaticRoute.Kind.GATEWAY, distance, where));
    } else if (ifname != null) {
      invalid("`" + gw + "` is not a gateway address", line, where);
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
        invalid("not a prefix `" + c.prefix.getText() + "`", line, where);
        return;
      }
      if (prefix.v6() != v6) {
        invalid("prefix family does not match `" + (v6 ? "ipv6" : "ip") + " prefix-list`", line, where);
        return;
      }
      Token geT = c.ge != null ? c.ge : c.ge2;
      ge = geT == null ? null : Integer.parseInt(geT.getText());
      le = c.le == null ? null : Integer.parseInt(c.le.getText());
      // lib/filter_nb.c prefix_list_length_validate: mask length <= ge <= le <= max
      if ((ge != null && (ge < prefix.length() || ge > bits))
          || (le != null && (le < prefix.length() || le > bits))
          || (ge != null && le != null && ge > le)) {
        rejected("% Invalid prefix range for " + prefix + ": Make sure that mask length <= ge <= le", line, where);
        return;
      }
    }
    PlistB b = (v6 ? ipv6PrefixLists : ipPrefixLists).computeIfAbsent(name, k -> new PlistB(where));
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
      info("frr/not-modelled", "`ip nht resolve-via-default` inside vrf " + curVrf + " is treated like the global one", where);
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
        invalid("not an interface address", line, where);
      }
    } else if (c.if_vrf() != null) {
      curIface.vrf = c.if_vrf().name.getText();
    }
    return CliNode.INTERFACE;
  }

  // ------------------------------------------------------------------ router bgp

  private CliNode routerBgpStart(S_router_bgpContext c, String line, SourceRef where) {
    String vrf = c.vrf == null ? null : c.vrf.getText();
    if (vrf != null && vrf.equals("default")) {
      vrf = null;
    }
    String key = vrf == null ? "" : vrf;
    RouterB existing = routers.get(key);
    if (c.asn == null) {
      // bgp_vty.c router_bgp: without ASN only an existing (single) default instance can be entered
      if (existing == null) {
        rejected("% Please specify ASN and VRF", line, where);
        return CliNode.CONFIG;
      }
      curRouter = existing;
      return CliNode.ROUTER_BGP;
    }
    long asn;
    try {
      asn = Long.parseLong(c.asn.getText());
    } catch (NumberFormatException e) {
      asn = -1;
    }
    if (asn < 1 || asn > 4294967295L) {
      invalid("AS number out of range 1-4294967295", line, where);
      return CliNode.CONFIG;
    }
    if (existing != null && existing.asn != asn) {
      rejected("% BGP instance is already running; AS is " + existing.asn, line, where);
      return CliNode.CONFIG;
    }
    if (existing == null) {
      // bgpd.c bgp_create: the instance takes the defaults in force now
      FrrDefaults d = new FrrDefaults(version != null ? version : daemonVersion, profile, versionLine, profileLine);
      existing = new RouterB(asn, vrf, d, where);
      routers.put(key, existing);
    }
    curRouter = existing;
    return CliNode.ROUTER_BGP;
  }

  private CliNode routerBgp(Rb_lineContext c, String line, SourceRef where) {
    RouterB r = curRouter;
    if (c.rb_exit() != null) {
      curRouter = null;
      return CliNode.CONFIG;
    }
    if (c.rb_router_id() != null) {
      IpAddr id = addr(c.rb_router_id().id.getText());
      if (id == null || id.v6()) {
        invalid("router-id must be an IPv4 address", line, where);
      } else {
        r.routerId = id;
        r.lines.put("router-id", where);
      }
    } else if (c.rb_ebgp_requires_policy() != null) {
      r.ebgpRequiresPolicy = c.rb_ebgp_requires_policy().NO() == null;
      r.lines.put("ebgp-requires-policy", where);
    } else if (c.rb_default_af() != null) {
      var d = c.rb_default_af();
      boolean on = d.NO() == null;
      switch (d.af.getType()) {
        case FrrLexer.IPV4_UNICAST -> {
          r.defaultIpv4 = on;
          r.lines.put("default ipv4-unicast", where);
        }
        case FrrLexer.IPV6_UNICAST -> {
          r.defaultIpv6 = on;
          r.lines.put("default ipv6-unicast", where);
        }
        case FrrLexer.L2VPN_EVPN -> r.lines.put("default l2vpn-evpn", where);
        default -> info("frr/not-modelled", "`bgp default " + d.af.getText() + "` is not modelled", where);
      }
    } else if (c.rb_default_local_preference() != null) {
      r.defaultLocalPref = Long.parseLong(c.rb_default_local_preference().NUMBER().getText());
      r.lines.put("default local-preference", where);
    } else if (c.rb_network_import_check() != null) {
      r.importCheck = c.rb_network_import_check().NO() == null;
      r.lines.put("network import-check", where);
    } else if (c.rb_bestpath() != null) {
      bestpath(r, c.rb_bestpath(), line, where);
    } else if (c.rb_always_compare_med() != null) {
      r.alwaysCompareMed = c.rb_always_compare_med().NO() == null;
      r.lines.put("always-compare-med", where);
    } else if (c.rb_deterministic_med() != null) {
      r.deterministicMed = c.rb_deterministic_med().NO() == null;
      r.lines.put("deterministic-med", where);
    } else if (c.rb_allow_martian_nexthop() != null) {
      // bgpd/bgp_vty.c bgp_allow_martian: exists from FRR 8.4
      if (daemonVersion.isBefore("8.4")) {
        invalid("`bgp allow-martian-nexthop` exists only from FRR 8.4 on", line, where);
      } else {
        r.allowMartian = c.rb_allow_martian_nexthop().NO() == null;
        r.lines.put("allow-martian-nexthop", where);
      }
    } else if (c.rb_disable_ebgp_connected_route_check() != null) {
      r.disableEbgpConnectedCheck = c.rb_disable_ebgp_connected_route_check().NO() == null;
      r.lines.put("disable-ebgp-connected-route-check", where);
    } else if (c.rb_cluster_id() != null) {
      IpAddr id = addr(c.rb_cluster_id().variable().getText());
      if (id == null || id.v6()) {
        invalid("cluster-id must be an IPv4 address", line, where);
      } else {
        r.clusterId = id;
      }
    } else if (c.rb_listen_range() != null) {
      listenRange(r, c.rb_listen_range(), line, where);
    } else if (c.rb_listen_limit() != null) {
      r.listenLimit = Integer.parseInt(c.rb_listen_limit().NUMBER().getText());
    } else if (c.rb_neighbor() != null) {
      neighbor(r, c.rb_neighbor(), line, where);
    } else if (c.rb_no_neighbor() != null) {
      NeighborB n = lookup(r, c.rb_no_neighbor().peer.getText(), line, where);
      if (n != null) {
        noNeighborAf(n.af(Afi.IPV4), c.rb_no_neighbor().rbafi_no_neighbor_tail(), where);
      }
    } else if (c.rb_address_family() != null) {
      var a = c.rb_address_family();
      if (a.L2VPN() != null) {
        if (r.evpn == null) {
          r.evpn = new EvpnB(where);
        }
        return CliNode.BGP_EVPN;
      }
      Afi afi = a.afi.getType() == FrrLexer.IPV6 ? Afi.IPV6 : Afi.IPV4;
      if (a.other != null) {
        warn("input/unsupported-line", "address-family " + afi.keyword() + " " + a.other.getText() + " is not modelled; its lines are skipped: " + line, where);
        return CliNode.BGP_AF_OTHER;
      }
      AfB af = r.af(afi);
      if (af.where == SourceRef.NONE) {
        af.where = where;
      }
      return afi == Afi.IPV4 ? CliNode.BGP_IPV4 : CliNode.BGP_IPV6;
    }
    // rb_null
    return CliNode.ROUTER_BGP;
  }

  private void bestpath(RouterB r, Rb_bestpathContext b, String line, SourceRef where) {
    boolean on = b.NO() == null;
    if (b.AS_PATH() != null && b.MULTIPATH_RELAX() != null) {
      r.multipathRelax = on;
      r.lines.put("bestpath as-path multipath-relax", where);
    } else if (b.AS_PATH() != null && b.IGNORE() != null) {
      r.asPathIgnore = on;
      r.lines.put("bestpath as-path ignore", where);
    } else if (b.COMPARE_ROUTERID() != null) {
      r.compareRouterId = on;
      r.lines.put("bestpath compare-routerid", where);
    } else if (b.MED() != null && line.contains("missing-as-worst")) {
      r.medMissingAsWorst = on;
      r.lines.put("bestpath med missing-as-worst", where);
    } else {
      info("frr/not-modelled", "best-path option not modelled: " + line, where);
    }
  }

  private void listenRange(RouterB r, Rb_listen_rangeContext c, String line, SourceRef where) {
    IpPrefix range;
    try {
      range = IpPrefix.parseLenient(c.range.getText()); // bgp_vty.c bgp_listen_range: apply_mask
    } catch (IllegalArgumentException e) {
      invalid("not a prefix `" + c.range.getText() + "`", line, where);
      return;
    }
    if (range.v6() && range.network().isLinkLocal()) {
      rejected("% Malformed listen range (link-local address)", line, where);
      return;
    }
    String g = c.group.getText();
    if (!r.peerGroups.containsKey(g)) {
      rejected("% Configure the peer-group first", line, where);
      return;
    }
    for (FrrListenRange other : r.listenRanges) {
      if (other.range().equals(range)) {
        rejected("% Same listen range is attached to peer-group " + other.peerGroup(), line, where);
        return;
      }
      if (other.range().overlaps(range)) {
        rejected("% Listen range overlaps with existing listen range", line, where);
        return;
      }
    }
    r.listenRanges.add(new FrrListenRange(range, g, where));
  }

  /** bgp_vty.c peer_and_group_lookup_vty: an existing neighbor (address or interface) or peer-group. */
  private NeighborB lookup(RouterB r, String name, String line, SourceRef where) {
    IpAddr a = addr(name);
    NeighborB n = a != null ? r.neighbors.get(a.toString()) : r.neighbors.get(name);
    if (n == null && a == null) {
      n = r.peerGroups.get(name);
    }
    if (n == null) {
      rejected("% Specify remote-as or peer-group commands first", line, where);
    }
    return n;
  }

  private static RemoteAs remoteAs(Remote_asContext c, SourceRef where) {
    if (c.INTERNAL() != null) {
      return new RemoteAs(RemoteAs.Kind.INTERNAL, 0, where);
    }
    if (c.EXTERNAL() != null) {
      return new RemoteAs(RemoteAs.Kind.EXTERNAL, 0, where);
    }
    long asn;
    try {
      asn = Long.parseLong(c.asn.getText());
    } catch (NumberFormatException e) {
      asn = -1;
    }
    return asn < 1 || asn > 4294967295L ? null : new RemoteAs(RemoteAs.Kind.NUMBER, asn, where);
  }

  private void neighbor(RouterB r, Rb_neighborContext c, String line, SourceRef where) {
    String name = c.peer.getText();
    IpAddr a = addr(name);
    if (c.rbn_remote_as() != null) {
      RemoteAs ras = remoteAs(c.rbn_remote_as().remote_as(), where);
      if (ras == null) {
        invalid("AS number out of range 1-4294967295", line, where);
        return;
      }
      if (a != null) {
        NeighborB n = r.neighbors.computeIfAbsent(a.toString(), k -> new NeighborB(name, FrrNeighbor.Kind.ADDRESS, a, where));
        n.remoteAs = ras;
        return;
      }
      NeighborB n = r.neighbors.get(name);
      if (n == null) {
        n = r.peerGroups.get(name);
      }
      if (n == null) {
        // bgp_vty.c peer_remote_as_vty
        rejected("% Create the peer-group or interface first", line, where);
        return;
      }
      n.remoteAs = ras;
      return;
    }
    if (c.rbn_peer_group_define() != null) {
      if (a != null) {
        invalid("a peer-group name cannot be an address", line, where);
        return;
      }
      if (r.neighbors.containsKey(name)) {
        rejected("% Name conflict with interface: ", line, where);
        return;
      }
      r.peerGroups.computeIfAbsent(name, k -> new NeighborB(name, FrrNeighbor.Kind.PEER_GROUP, null, where));
      return;
    }
    if (c.rbn_peer_group_member() != null) {
      bindPeerGroup(r, name, c.rbn_peer_group_member().group.getText(), line, where);
      return;
    }
    if (c.rbn_interface() != null) {
      var i = c.rbn_interface();
      if (a != null) {
        invalid("`neighbor X interface` needs an interface name", line, where);
        return;
      }
      NeighborB n = r.neighbors.computeIfAbsent(name, k -> new NeighborB(name, FrrNeighbor.Kind.INTERFACE, null, where));
      n.v6only = i.V6ONLY() != null;
      if (i.group != null) {
        if (!r.peerGroups.containsKey(i.group.getText())) {
          rejected("% Configure the peer-group first", line, where);
          return;
        }
        n.peerGroup = i.group.getText();
      }
      if (i.remote_as() != null) {
        n.remoteAs = remoteAs(i.remote_as(), where);
      }
      return;
    }
    NeighborB n = lookup(r, name, line, where);
    if (n == null) {
      return;
    }
    if (c.rbn_update_source() != null) {
      n.updateSource = c.rbn_update_source().source.getText();
      n.lines.put("update-source", where);
    } else if (c.rbn_ebgp_multihop() != null) {
      // bgp_vty.c peer_ebgp_multihop_set_vty: no number = MAXTTL (255)
      Token h = c.rbn_ebgp_multihop().hops;
      n.ebgpMultihop = h == null ? 255 : Math.min(255, Integer.parseInt(h.getText()));
      n.lines.put("ebgp-multihop", where);
    } else if (c.rbn_disable_connected_check() != null) {
      n.disableConnectedCheck = true;
      n.lines.put("disable-connected-check", where);
    } else if (c.rbn_passive() != null) {
      n.passive = true;
      n.lines.put("passive", where);
    } else if (c.rbn_timers() != null) {
      n.timers = new FrrNeighbor.Timers(Integer.parseInt(c.rbn_timers().keepalive.getText()), Integer.parseInt(c.rbn_timers().hold.getText()));
      n.lines.put("timers", where);
    } else if (c.rbn_timers_connect() != null) {
      n.connectRetry = Integer.parseInt(c.rbn_timers_connect().seconds.getText());
      n.lines.put("timers connect", where);
    } else if (c.rbn_password() != null) {
      n.password = words(c.rbn_password().variable());
      n.lines.put("password", where);
    } else if (c.rbn_capability_extended_nexthop() != null) {
      n.extendedNexthop = true;
      n.lines.put("capability extended-nexthop", where);
    } else if (c.rbn_shutdown() != null) {
      n.shutdown = true;
      n.lines.put("shutdown", where);
    } else if (c.rbn_local_as() != null) {
      n.localAs = Long.parseLong(c.rbn_local_as().asn.getText());
      n.lines.put("local-as", where);
      info("frr/not-modelled", "`local-as` is recorded but its AS_PATH rewriting is not modelled", where);
    } else if (c.rbn_port() != null) {
      n.port = Integer.parseInt(c.rbn_port().NUMBER().getText());
      n.lines.put("port", where);
    } else if (c.rbafi_neighbor_tail() != null) {
      // hidden commands in the BGP node act on ipv4 unicast (bgp_vty.c *_hidden_cmd, bgp_node_afi)
      neighborAf(n.af(Afi.IPV4), c.rbafi_neighbor_tail(), line, where);
    }
    // rbn_null: description, bfd, ... parsed, ignored
  }

  private void bindPeerGroup(RouterB r, String name, String group, String line, SourceRef where) {
    IpAddr a = addr(name);
    NeighborB n = a != null ? r.neighbors.get(a.toString()) : r.neighbors.get(name);
    if (a == null && n == null) {
      rejected("% Malformed address or name: " + name, line, where);
      return;
    }
    NeighborB g = r.peerGroups.get(group);
    if (g == null) {
      rejected("% Configure the peer-group first", line, where);
      return;
    }
    if (n != null && n.peerGroup != null && !n.peerGroup.equals(group)) {
      rejected("% Cannot change the peer-group. Deconfigure first", line, where);
      return;
    }
    if (n == null) {
      // bgpd.c peer_group_bind: a new member of a group without remote-as is accepted (AS_UNSPECIFIED,
      // it inherits the group's remote-as once set); lab: FRR 8.4.4 bgpd -C accepts it, 2026-11-26
      n = new NeighborB(name, FrrNeighbor.Kind.ADDRESS, a, where);
      r.neighbors.put(a.toString(), n);
    }
    n.peerGroup = group;
    n.lines.put("peer-group", where);
  }

  // ------------------------------------------------------------------ address families

  private CliNode af(Afi afi, Rbafi_statementContext s, Rbafi_peer_group_hiddenContext pg, String line, SourceRef where) {
    RouterB r = curRouter;
    CliNode self = afi == Afi.IPV4 ? CliNode.BGP_IPV4 : CliNode.BGP_IPV6;
    if (pg != null) {
      bindPeerGroup(r, pg.peer.getText(), pg.group.getText(), line, where);
      return self;
    }
    if (s.rbafi_exit() != null) {
      return CliNode.ROUTER_BGP;
    }
    AfB af = r.af(afi);
    if (s.rbafi_neighbor() != null) {
      NeighborB n = lookup(r, s.rbafi_neighbor().peer.getText(), line, where);
      if (n != null) {
        neighborAf(n.af(afi), s.rbafi_neighbor().rbafi_neighbor_tail(), line, where);
      }
    } else if (s.rbafi_no_neighbor() != null) {
      NeighborB n = lookup(r, s.rbafi_no_neighbor().peer.getText(), line, where);
      if (n != null) {
        noNeighborAf(n.af(afi), s.rbafi_no_neighbor().rbafi_no_neighbor_tail(), where);
      }
    } else if (s.rbafi_network() != null) {
      var nw = s.rbafi_network();
      IpPrefix p;
      try {
        p = IpPrefix.parseLenient(nw.prefix.getText());
      } catch (IllegalArgumentException e) {
        invalid("not a prefix `" + nw.prefix.getText() + "`", line, where);
        return self;
      }
      if (p.v6() != afi.v6()) {
        invalid("prefix family does not match address-family " + afi.keyword(), line, where);
        return self;
      }
      af.networks.add(new FrrNetwork(p, text(nw.route_map), where));
    } else if (s.rbafi_redistribute() != null) {
      var rd = s.rbafi_redistribute();
      af.redistributes.add(new FrrRedistribute(rd.protocol.getText(), rd.metric == null ? null : Long.parseLong(rd.metric.getText()), text(rd.route_map), where));
    } else if (s.rbafi_maximum_paths() != null) {
      var mp = s.rbafi_maximum_paths();
      int paths = Integer.parseInt(mp.paths.getText());
      if (paths < 1 || paths > 64) {
        invalid("maximum-paths out of range 1-64", line, where);
      } else if (mp.IBGP() != null) {
        af.maxPathsIbgp = paths;
      } else {
        af.maxPaths = paths;
      }
    } else if (s.rbafi_import_vrf() != null) {
      var iv = s.rbafi_import_vrf();
      if (iv.name != null) {
        af.importVrfs.add(iv.name.getText());
      } else {
        info("frr/not-modelled", "`import vrf route-map` is not modelled", where);
      }
    }
    return self;
  }

  private void noNeighborAf(NafB f, Rbafi_no_neighbor_tailContext t, SourceRef where) {
    if (t.ACTIVATE() != null) {
      f.activate = false;
      f.lines.put("activate", where);
    } else if (t.NEXT_HOP_SELF() != null) {
      f.nextHopSelf = NextHopSelf.NONE;
    } else if (t.ROUTE_REFLECTOR_CLIENT() != null) {
      f.rrClient = false;
    } else {
      f.softReconfig = false;
    }
  }

  private void neighborAf(NafB f, Rbafi_neighbor_tailContext t, String line, SourceRef where) {
    if (t.rbafin_activate() != null) {
      f.activate = true;
      f.lines.put("activate", where);
    } else if (t.rbafin_route_map() != null) {
      boolean in = t.rbafin_route_map().direction.getType() == FrrLexer.IN;
      String name = t.rbafin_route_map().name.getText();
      if (in) {
        f.routeMapIn = name;
      } else {
        f.routeMapOut = name;
      }
      f.lines.put(in ? "route-map in" : "route-map out", where);
    } else if (t.rbafin_prefix_list() != null) {
      boolean in = t.rbafin_prefix_list().direction.getType() == FrrLexer.IN;
      String name = t.rbafin_prefix_list().name.getText();
      if (in) {
        f.prefixListIn = name;
      } else {
        f.prefixListOut = name;
      }
      f.lines.put(in ? "prefix-list in" : "prefix-list out", where);
    } else if (t.rbafin_filter_list() != null) {
      boolean in = t.rbafin_filter_list().direction.getType() == FrrLexer.IN;
      String name = t.rbafin_filter_list().name.getText();
      if (in) {
        f.filterListIn = name;
      } else {
        f.filterListOut = name;
      }
      f.lines.put(in ? "filter-list in" : "filter-list out", where);
    } else if (t.rbafin_next_hop_self() != null) {
      f.nextHopSelf = t.rbafin_next_hop_self().FORCE() != null || t.rbafin_next_hop_self().ALL() != null ? NextHopSelf.FORCE : NextHopSelf.SELF;
      f.lines.put("next-hop-self", where);
    } else if (t.rbafin_route_reflector_client() != null) {
      f.rrClient = true;
      f.lines.put("route-reflector-client", where);
    } else if (t.rbafin_soft_reconfiguration() != null) {
      f.softReconfig = true;
      f.lines.put("soft-reconfiguration inbound", where);
    } else if (t.rbafin_allowas_in() != null) {
      var ai = t.rbafin_allowas_in();
      // bgp_vty.c neighbor_allowas_in: no argument = 3; `origin` = accept if our AS originated it
      if (ai.ORIGIN() != null) {
        f.allowasInOrigin = true;
        f.allowasIn = null;
      } else {
        int n = ai.count == null ? 3 : Integer.parseInt(ai.count.getText());
        if (n < 1 || n > 10) {
          invalid("allowas-in out of range 1-10", line, where);
          return;
        }
        f.allowasIn = n;
        f.allowasInOrigin = false;
      }
      f.lines.put("allowas-in", where);
    } else if (t.rbafin_attribute_unchanged() != null) {
      Set<Unchanged> u = EnumSet.noneOf(Unchanged.class);
      for (Unchanged_attrContext a : t.rbafin_attribute_unchanged().unchanged_attr()) {
        u.add(a.AS_PATH() != null ? Unchanged.AS_PATH : a.NEXT_HOP() != null ? Unchanged.NEXT_HOP : Unchanged.MED);
      }
      // bgp_vty.c peer_attribute_unchanged: no keyword = all three
      f.unchanged.addAll(u.isEmpty() ? EnumSet.allOf(Unchanged.class) : u);
      f.lines.put("attribute-unchanged", where);
    } else if (t.rbafin_weight() != null) {
      f.weight = Integer.parseInt(t.rbafin_weight().NUMBER().getText());
      f.lines.put("weight", where);
    } else if (t.rbafin_default_originate() != null) {
      f.defaultOriginate = true;
      f.lines.put("default-originate", where);
      info("frr/not-modelled", "`default-originate` is recorded but not originated by podpath", where);
    } else if (t.rbafin_maximum_prefix() != null) {
      f.maximumPrefix = Integer.parseInt(t.rbafin_maximum_prefix().NUMBER().getText());
      f.lines.put("maximum-prefix", where);
    } else if (t.rbafin_nexthop_local_unchanged() != null) {
      f.nexthopLocalUnchanged = true;
      f.lines.put("nexthop-local unchanged", where);
    } else if (t.rbafin_remove_private_as() != null) {
      info("frr/not-modelled", "`remove-private-AS` is not modelled", where);
    }
  }

  private CliNode evpn(Rbafe_lineContext c, String line, SourceRef where) {
    EvpnB e = curRouter.evpn;
    if (c.rbafi_exit() != null) {
      return CliNode.ROUTER_BGP;
    }
    if (c.rbafe_neighbor() != null) {
      String peer = c.rbafe_neighbor().peer.getText();
      if (lookup(curRouter, peer, line, where) != null && c.rbafe_neighbor().ACTIVATE() != null) {
        e.activated.add(peer);
      }
    } else if (c.rbafe_advertise_all_vni() != null) {
      e.advertiseAllVni = true;
    } else if (c.rbafe_advertise() != null) {
      if (c.rbafe_advertise().afi.getType() == FrrLexer.IPV4) {
        e.advertiseV4 = true;
      } else {
        e.advertiseV6 = true;
      }
    } else if (c.rbafe_default_originate() != null) {
      if (c.rbafe_default_originate().IPV4() != null) {
        e.defaultOriginateV4 = true;
      } else {
        e.defaultOriginateV6 = true;
      }
    }
    return CliNode.BGP_EVPN;
  }

  // ------------------------------------------------------------------ route-map entries

  private CliNode routeMapLine(Rm_lineContext c, String line, SourceRef where) {
    RmEntryB e = curEntry;
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
        invalid("invalid `set` value", line, where);
      } else {
        if (s instanceof RouteMapSet.Unmodelled) {
          info("frr/not-modelled", "route-map clause parsed but not applied by podpath: " + line, where);
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
        IpAddr a = addr(nh.address.getText());
        if (a == null) {
          invalid("not an address", line, where);
          return null;
        }
        return new RouteMapMatch.NextHopAddress(a, where);
      }
    }
    if (m.rmm_ip_access_list() != null) {
      // `match ip address NAME`: an access-list (also `match ip address prefix-list` with no name:
      // an access-list called "prefix-list"; lab: bgpd -C 8.4.4 accepts it, 2026-11-26)
      info("frr/not-modelled", "access-lists are not modelled: `" + line + "` is treated as no match", where);
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
    info("frr/not-modelled", "route-map match not evaluated by podpath (treated as no match): " + line, where);
    return new RouteMapMatch.Unmodelled(line, where);
  }

  // ------------------------------------------------------------------ build

  FrrConfig build() {
    Map<String, FrrInterface> ifs = new LinkedHashMap<>();
    interfaces.forEach((k, b) -> ifs.put(k, new FrrInterface(k, b.vrf, b.addresses, b.where)));
    List<FrrBgpRouter> rs = new ArrayList<>();
    routers.values().stream()
        .sorted(java.util.Comparator.comparing((RouterB r) -> r.vrf == null ? "" : r.vrf))
        .forEach(r -> rs.add(r.build()));
    for (FrrBgpRouter r : rs) {
      info("frr/defaults-applied", defaultsSummary(r), r.where());
    }
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

  /** Which version's and profile's defaults an instance got, and what they decided. */
  private String defaultsSummary(FrrBgpRouter r) {
    StringBuilder sb = new StringBuilder("router bgp ").append(r.asn()).append(r.vrf() == null ? "" : " vrf " + r.vrf())
        .append(": ").append(r.defaults().describe()).append(", read as FRR ").append(daemonVersion).append(": ");
    sb.append("ebgp-requires-policy ").append(onOff(r.ebgpRequiresPolicy())).append(origin(r, "ebgp-requires-policy"));
    sb.append(", default ipv4-unicast ").append(onOff(r.defaultIpv4Unicast())).append(origin(r, "default ipv4-unicast"));
    sb.append(", network import-check ").append(onOff(r.networkImportCheck())).append(origin(r, "network import-check"));
    sb.append(", deterministic-med ").append(onOff(r.deterministicMed())).append(origin(r, "deterministic-med"));
    return sb.toString();
  }

  private static String onOff(boolean b) {
    return b ? "on" : "off";
  }

  private static String origin(FrrBgpRouter r, String setting) {
    SourceRef w = r.line(setting);
    return w.isKnown() ? " (" + w + ")" : " (default)";
  }

  // ------------------------------------------------------------------ mutable builders

  private static final class IfaceB {
    final String name;
    final SourceRef where;
    String vrf;
    final List<IfAddress> addresses = new ArrayList<>();

    IfaceB(String name, SourceRef where) {
      this.name = name;
      this.where = where;
    }
  }

  private static final class PlistB {
    final SourceRef where;
    final TreeMap<Long, FrrPrefixList.Entry> entries = new TreeMap<>();

    PlistB(SourceRef where) {
      this.where = where;
    }
  }

  private static final class CommB {
    final boolean expanded;
    final SourceRef where;
    final List<FrrCommunityList.Entry> entries = new ArrayList<>();

    CommB(boolean expanded, SourceRef where) {
      this.expanded = expanded;
      this.where = where;
    }
  }

  private static final class RmEntryB {
    final int seq;
    final boolean permit;
    final SourceRef where;
    final List<RouteMapMatch> matches = new ArrayList<>();
    final List<RouteMapSet> sets = new ArrayList<>();
    boolean onMatchNext;
    Integer onMatchGoto;
    Integer continueTo;
    String call;

    RmEntryB(int seq, boolean permit, SourceRef where) {
      this.seq = seq;
      this.permit = permit;
      this.where = where;
    }
  }

  private static final class AfB {
    final Afi afi;
    SourceRef where = SourceRef.NONE;
    final List<FrrNetwork> networks = new ArrayList<>();
    final List<FrrRedistribute> redistributes = new ArrayList<>();
    int maxPaths = 1;
    int maxPathsIbgp = 1;
    final List<String> importVrfs = new ArrayList<>();

    AfB(Afi afi) {
      this.afi = afi;
    }

    FrrBgpAf build() {
      return new FrrBgpAf(afi, networks, redistributes, maxPaths, maxPathsIbgp, importVrfs, where);
    }
  }

  private static final class EvpnB {
    final SourceRef where;
    boolean advertiseAllVni;
    boolean advertiseV4;
    boolean advertiseV6;
    boolean defaultOriginateV4;
    boolean defaultOriginateV6;
    final Set<String> activated = new LinkedHashSet<>();

    EvpnB(SourceRef where) {
      this.where = where;
    }
  }

  private static final class NafB {
    Boolean activate;
    String routeMapIn;
    String routeMapOut;
    String prefixListIn;
    String prefixListOut;
    String filterListIn;
    String filterListOut;
    NextHopSelf nextHopSelf = NextHopSelf.NONE;
    boolean rrClient;
    boolean softReconfig;
    Integer allowasIn;
    boolean allowasInOrigin;
    final Set<Unchanged> unchanged = EnumSet.noneOf(Unchanged.class);
    Integer weight;
    boolean defaultOriginate;
    Integer maximumPrefix;
    boolean nexthopLocalUnchanged;
    final Map<String, SourceRef> lines = new HashMap<>();

    FrrNeighborAf build() {
      return new FrrNeighborAf(activate, routeMapIn, routeMapOut, prefixListIn, prefixListOut, filterListIn, filterListOut, nextHopSelf, rrClient, softReconfig, allowasIn, allowasInOrigin, unchanged, weight, defaultOriginate, maximumPrefix, nexthopLocalUnchanged, lines);
    }
  }

  private static final class NeighborB {
    final String name;
    final FrrNeighbor.Kind kind;
    final IpAddr address;
    final SourceRef where;
    String peerGroup;
    RemoteAs remoteAs;
    String updateSource;
    Integer ebgpMultihop;
    boolean disableConnectedCheck;
    boolean passive;
    FrrNeighbor.Timers timers;
    Integer connectRetry;
    String password;
    boolean extendedNexthop;
    boolean shutdown;
    Long localAs;
    Integer port;
    boolean v6only;
    final Map<Afi, NafB> afs = new EnumMap<>(Afi.class);
    final Map<String, SourceRef> lines = new HashMap<>();

    NeighborB(String name, FrrNeighbor.Kind kind, IpAddr address, SourceRef where) {
      this.name = address != null ? address.toString() : name;
      this.kind = kind;
      this.address = address;
      this.where = where;
    }

    NafB af(Afi afi) {
      return afs.computeIfAbsent(afi, k -> new NafB());
    }

    FrrNeighbor build() {
      Map<Afi, FrrNeighborAf> a = new EnumMap<>(Afi.class);
      afs.forEach((k, v) -> a.put(k, v.build()));
      return new FrrNeighbor(name, kind, address, peerGroup, remoteAs, updateSource, ebgpMultihop, disableConnectedCheck, passive, timers, connectRetry, password, extendedNexthop, shutdown, localAs, port, v6only, a, lines, where);
    }
  }

  private static final class RouterB {
    final long asn;
    final String vrf;
    final FrrDefaults defaults;
    final SourceRef where;
    IpAddr routerId;
    Boolean ebgpRequiresPolicy;
    boolean defaultIpv4 = true; // bgpd.c bgp_create: default_af[AFI_IP][SAFI_UNICAST] = true
    boolean defaultIpv6;
    Boolean importCheck;
    boolean multipathRelax;
    boolean asPathIgnore;
    boolean compareRouterId;
    boolean alwaysCompareMed;
    Boolean deterministicMed;
    boolean medMissingAsWorst;
    boolean allowMartian;
    boolean disableEbgpConnectedCheck;
    long defaultLocalPref = 100; // bgpd.h BGP_DEFAULT_LOCAL_PREF
    IpAddr clusterId;
    int listenLimit = 100; // bgpd.h BGP_DYNAMIC_NEIGHBORS_LIMIT_DEFAULT
    final List<FrrListenRange> listenRanges = new ArrayList<>();
    final Map<String, NeighborB> neighbors = new LinkedHashMap<>();
    final Map<String, NeighborB> peerGroups = new LinkedHashMap<>();
    final Map<Afi, AfB> afs = new EnumMap<>(Afi.class);
    EvpnB evpn;
    final Map<String, SourceRef> lines = new HashMap<>();

    RouterB(long asn, String vrf, FrrDefaults defaults, SourceRef where) {
      this.asn = asn;
      this.vrf = vrf;
      this.defaults = defaults;
      this.where = where;
    }

    AfB af(Afi afi) {
      return afs.computeIfAbsent(afi, AfB::new);
    }

    FrrBgpRouter build() {
      Map<String, FrrNeighbor> ns = new LinkedHashMap<>();
      neighbors.forEach((k, v) -> ns.put(k, v.build()));
      Map<String, FrrNeighbor> pgs = new LinkedHashMap<>();
      peerGroups.forEach((k, v) -> pgs.put(k, v.build()));
      Map<Afi, FrrBgpAf> a = new EnumMap<>(Afi.class);
      for (Afi afi : Afi.values()) {
        a.put(afi, af(afi).build());
      }
      FrrEvpn e = evpn == null ? null : new FrrEvpn(evpn.advertiseAllVni, evpn.advertiseV4, evpn.advertiseV6, evpn.defaultOriginateV4, evpn.defaultOriginateV6, evpn.activated, evpn.where);
      return new FrrBgpRouter(
          asn, vrf, routerId, defaults,
          ebgpRequiresPolicy != null ? ebgpRequiresPolicy : defaults.ebgpRequiresPolicy(),
          defaultIpv4, defaultIpv6,
          importCheck != null ? importCheck : defaults.networkImportCheck(),
          multipathRelax, asPathIgnore, compareRouterId, alwaysCompareMed,
          deterministicMed != null ? deterministicMed : defaults.deterministicMed(),
          medMissingAsWorst, allowMartian, disableEbgpConnectedCheck, defaultLocalPref, clusterId,
          listenRanges, listenLimit, ns, pgs, a, e, lines, where);
    }
  }
}
