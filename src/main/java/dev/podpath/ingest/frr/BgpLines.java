package dev.podpath.ingest.frr;

import dev.podpath.core.SourceRef;
import dev.podpath.core.net.IpAddr;
import dev.podpath.core.net.IpPrefix;
import dev.podpath.ingest.frr.FrrNeighborAf.NextHopSelf;
import dev.podpath.ingest.frr.FrrNeighborAf.Unchanged;
import dev.podpath.ingest.frr.FrrParser.*;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.antlr.v4.runtime.Token;

/**
 * The `router bgp` nodes (instance, address families, l2vpn evpn), executed as bgpd's vty
 * commands would (bgpd/bgp_vty.c), including the refusals that leave a line without effect.
 */
final class BgpLines {

  private final FrrVersion daemonVersion;
  private final LineDiagnostics diag;
  private final Map<String, Drafts.Router> routers = new LinkedHashMap<>();
  private Drafts.Router curRouter;

  BgpLines(FrrVersion daemonVersion, LineDiagnostics diag) {
    this.daemonVersion = daemonVersion;
    this.diag = diag;
  }

  /** Leaving the BGP nodes (a line matched in the config node). */
  void leave() {
    curRouter = null;
  }

  /** Every instance, default VRF first, each with an info finding on the defaults it got. */
  List<FrrBgpRouter> build() {
    List<FrrBgpRouter> rs = new ArrayList<>();
    routers.values().stream()
        .sorted(java.util.Comparator.comparing((Drafts.Router r) -> r.vrf == null ? "" : r.vrf))
        .forEach(r -> rs.add(r.build()));
    for (FrrBgpRouter r : rs) {
      diag.info("frr/defaults-applied", defaultsSummary(r), r.where());
    }
    return rs;
  }

  CliNode start(S_router_bgpContext c, String line, SourceRef where, FrrDefaults defaultsNow) {
    String vrf = c.vrf == null ? null : c.vrf.getText();
    if (vrf != null && vrf.equals("default")) {
      vrf = null;
    }
    String key = vrf == null ? "" : vrf;
    Drafts.Router existing = routers.get(key);
    if (c.asn == null) {
      // bgp_vty.c router_bgp: without ASN only an existing (single) default instance can be entered
      if (existing == null) {
        diag.rejected("% Please specify ASN and VRF", line, where);
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
      diag.invalid("AS number out of range 1-4294967295", line, where);
      return CliNode.CONFIG;
    }
    if (existing != null && existing.asn != asn) {
      diag.rejected("% BGP instance is already running; AS is " + existing.asn, line, where);
      return CliNode.CONFIG;
    }
    if (existing == null) {
      existing = new Drafts.Router(asn, vrf, defaultsNow, where);
      routers.put(key, existing);
    }
    curRouter = existing;
    return CliNode.ROUTER_BGP;
  }

  CliNode routerBgp(Rb_lineContext c, String line, SourceRef where) {
    Drafts.Router r = curRouter;
    if (c.rb_exit() != null) {
      curRouter = null;
      return CliNode.CONFIG;
    }
    if (c.rb_router_id() != null) {
      IpAddr id = LineWords.addr(c.rb_router_id().id.getText());
      if (id == null || id.v6()) {
        diag.invalid("router-id must be an IPv4 address", line, where);
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
        default -> diag.info("frr/not-modelled", "`bgp default " + d.af.getText() + "` is not modelled", where);
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
        diag.invalid("`bgp allow-martian-nexthop` exists only from FRR 8.4 on", line, where);
      } else {
        r.allowMartian = c.rb_allow_martian_nexthop().NO() == null;
        r.lines.put("allow-martian-nexthop", where);
      }
    } else if (c.rb_disable_ebgp_connected_route_check() != null) {
      r.disableEbgpConnectedCheck = c.rb_disable_ebgp_connected_route_check().NO() == null;
      r.lines.put("disable-ebgp-connected-route-check", where);
    } else if (c.rb_cluster_id() != null) {
      IpAddr id = LineWords.addr(c.rb_cluster_id().variable().getText());
      if (id == null || id.v6()) {
        diag.invalid("cluster-id must be an IPv4 address", line, where);
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
      Drafts.Neighbor n = lookup(r, c.rb_no_neighbor().peer.getText(), line, where);
      if (n != null) {
        noNeighborAf(n.af(Afi.IPV4), c.rb_no_neighbor().rbafi_no_neighbor_tail(), where);
      }
    } else if (c.rb_address_family() != null) {
      var a = c.rb_address_family();
      if (a.L2VPN() != null) {
        if (r.evpn == null) {
          r.evpn = new Drafts.Evpn(where);
        }
        return CliNode.BGP_EVPN;
      }
      Afi afi = a.afi.getType() == FrrLexer.IPV6 ? Afi.IPV6 : Afi.IPV4;
      if (a.other != null) {
        diag.warn("input/unsupported-line", "address-family " + afi.keyword() + " " + a.other.getText() + " is not modelled; its lines are skipped: " + line, where);
        return CliNode.BGP_AF_OTHER;
      }
      Drafts.Af af = r.af(afi);
      if (af.where == SourceRef.NONE) {
        af.where = where;
      }
      return afi == Afi.IPV4 ? CliNode.BGP_IPV4 : CliNode.BGP_IPV6;
    }
    // rb_null
    return CliNode.ROUTER_BGP;
  }

  private void bestpath(Drafts.Router r, Rb_bestpathContext b, String line, SourceRef where) {
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
      diag.info("frr/not-modelled", "best-path option not modelled: " + line, where);
    }
  }

  private void listenRange(Drafts.Router r, Rb_listen_rangeContext c, String line, SourceRef where) {
    IpPrefix range;
    try {
      range = IpPrefix.parseLenient(c.range.getText()); // bgp_vty.c bgp_listen_range: apply_mask
    } catch (IllegalArgumentException e) {
      diag.invalid("not a prefix `" + c.range.getText() + "`", line, where);
      return;
    }
    if (range.v6() && range.network().isLinkLocal()) {
      diag.rejected("% Malformed listen range (link-local address)", line, where);
      return;
    }
    String g = c.group.getText();
    if (!r.peerGroups.containsKey(g)) {
      diag.rejected("% Configure the peer-group first", line, where);
      return;
    }
    for (FrrListenRange other : r.listenRanges) {
      if (other.range().equals(range)) {
        diag.rejected("% Same listen range is attached to peer-group " + other.peerGroup(), line, where);
        return;
      }
      if (other.range().overlaps(range)) {
        diag.rejected("% Listen range overlaps with existing listen range", line, where);
        return;
      }
    }
    r.listenRanges.add(new FrrListenRange(range, g, where));
  }

  /** bgp_vty.c peer_and_group_lookup_vty: an existing neighbor (address or interface) or peer-group. */
  private Drafts.Neighbor lookup(Drafts.Router r, String name, String line, SourceRef where) {
    IpAddr a = LineWords.addr(name);
    Drafts.Neighbor n = a != null ? r.neighbors.get(a.toString()) : r.neighbors.get(name);
    if (n == null && a == null) {
      n = r.peerGroups.get(name);
    }
    if (n == null) {
      diag.rejected("% Specify remote-as or peer-group commands first", line, where);
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

  private void neighbor(Drafts.Router r, Rb_neighborContext c, String line, SourceRef where) {
    String name = c.peer.getText();
    IpAddr a = LineWords.addr(name);
    if (c.rbn_remote_as() != null) {
      RemoteAs ras = remoteAs(c.rbn_remote_as().remote_as(), where);
      if (ras == null) {
        diag.invalid("AS number out of range 1-4294967295", line, where);
        return;
      }
      if (a != null) {
        Drafts.Neighbor n = r.neighbors.computeIfAbsent(a.toString(), k -> new Drafts.Neighbor(name, FrrNeighbor.Kind.ADDRESS, a, where));
        n.remoteAs = ras;
        return;
      }
      Drafts.Neighbor n = r.neighbors.get(name);
      if (n == null) {
        n = r.peerGroups.get(name);
      }
      if (n == null) {
        // bgp_vty.c peer_remote_as_vty
        diag.rejected("% Create the peer-group or interface first", line, where);
        return;
      }
      n.remoteAs = ras;
      return;
    }
    if (c.rbn_peer_group_define() != null) {
      if (a != null) {
        diag.invalid("a peer-group name cannot be an address", line, where);
        return;
      }
      if (r.neighbors.containsKey(name)) {
        diag.rejected("% Name conflict with interface: ", line, where);
        return;
      }
      r.peerGroups.computeIfAbsent(name, k -> new Drafts.Neighbor(name, FrrNeighbor.Kind.PEER_GROUP, null, where));
      return;
    }
    if (c.rbn_peer_group_member() != null) {
      bindPeerGroup(r, name, c.rbn_peer_group_member().group.getText(), line, where);
      return;
    }
    if (c.rbn_interface() != null) {
      var i = c.rbn_interface();
      if (a != null) {
        diag.invalid("`neighbor X interface` needs an interface name", line, where);
        return;
      }
      Drafts.Neighbor n = r.neighbors.computeIfAbsent(name, k -> new Drafts.Neighbor(name, FrrNeighbor.Kind.INTERFACE, null, where));
      n.v6only = i.V6ONLY() != null;
      if (i.group != null) {
        if (!r.peerGroups.containsKey(i.group.getText())) {
          diag.rejected("% Configure the peer-group first", line, where);
          return;
        }
        n.peerGroup = i.group.getText();
      }
      if (i.remote_as() != null) {
        n.remoteAs = remoteAs(i.remote_as(), where);
      }
      return;
    }
    Drafts.Neighbor n = lookup(r, name, line, where);
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
      n.password = LineWords.words(c.rbn_password().variable());
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
      diag.info("frr/not-modelled", "`local-as` is recorded but its AS_PATH rewriting is not modelled", where);
    } else if (c.rbn_port() != null) {
      n.port = Integer.parseInt(c.rbn_port().NUMBER().getText());
      n.lines.put("port", where);
    } else if (c.rbafi_neighbor_tail() != null) {
      // hidden commands in the BGP node act on ipv4 unicast (bgp_vty.c *_hidden_cmd, bgp_node_afi)
      neighborAf(n.af(Afi.IPV4), c.rbafi_neighbor_tail(), line, where);
    }
    // rbn_null: description, bfd, ... parsed, ignored
  }

  private void bindPeerGroup(Drafts.Router r, String name, String group, String line, SourceRef where) {
    IpAddr a = LineWords.addr(name);
    Drafts.Neighbor n = a != null ? r.neighbors.get(a.toString()) : r.neighbors.get(name);
    if (a == null && n == null) {
      diag.rejected("% Malformed address or name: " + name, line, where);
      return;
    }
    Drafts.Neighbor g = r.peerGroups.get(group);
    if (g == null) {
      diag.rejected("% Configure the peer-group first", line, where);
      return;
    }
    if (n != null && n.peerGroup != null && !n.peerGroup.equals(group)) {
      diag.rejected("% Cannot change the peer-group. Deconfigure first", line, where);
      return;
    }
    if (n == null) {
      // bgpd.c peer_group_bind: a new member of a group without remote-as is accepted (AS_UNSPECIFIED,
      // it inherits the group's remote-as once set); lab: FRR 8.4.4 bgpd -C accepts it, 2026-11-26
      n = new Drafts.Neighbor(name, FrrNeighbor.Kind.ADDRESS, a, where);
      r.neighbors.put(a.toString(), n);
    }
    n.peerGroup = group;
    n.lines.put("peer-group", where);
  }

  // ------------------------------------------------------------------ address families

  CliNode af(Afi afi, Rbafi_statementContext s, Rbafi_peer_group_hiddenContext pg, String line, SourceRef where) {
    Drafts.Router r = curRouter;
    CliNode self = afi == Afi.IPV4 ? CliNode.BGP_IPV4 : CliNode.BGP_IPV6;
    if (pg != null) {
      bindPeerGroup(r, pg.peer.getText(), pg.group.getText(), line, where);
      return self;
    }
    if (s.rbafi_exit() != null) {
      return CliNode.ROUTER_BGP;
    }
    Drafts.Af af = r.af(afi);
    if (s.rbafi_neighbor() != null) {
      Drafts.Neighbor n = lookup(r, s.rbafi_neighbor().peer.getText(), line, where);
      if (n != null) {
        neighborAf(n.af(afi), s.rbafi_neighbor().rbafi_neighbor_tail(), line, where);
      }
    } else if (s.rbafi_no_neighbor() != null) {
      Drafts.Neighbor n = lookup(r, s.rbafi_no_neighbor().peer.getText(), line, where);
      if (n != null) {
        noNeighborAf(n.af(afi), s.rbafi_no_neighbor().rbafi_no_neighbor_tail(), where);
      }
    } else if (s.rbafi_network() != null) {
      var nw = s.rbafi_network();
      IpPrefix p;
      try {
        p = IpPrefix.parseLenient(nw.prefix.getText());
      } catch (IllegalArgumentException e) {
        diag.invalid("not a prefix `" + nw.prefix.getText() + "`", line, where);
        return self;
      }
      if (p.v6() != afi.v6()) {
        diag.invalid("prefix family does not match address-family " + afi.keyword(), line, where);
        return self;
      }
      af.networks.add(new FrrNetwork(p, LineWords.text(nw.route_map), where));
    } else if (s.rbafi_redistribute() != null) {
      var rd = s.rbafi_redistribute();
      af.redistributes.add(new FrrRedistribute(rd.protocol.getText(), rd.metric == null ? null : Long.parseLong(rd.metric.getText()), LineWords.text(rd.route_map), where));
    } else if (s.rbafi_maximum_paths() != null) {
      var mp = s.rbafi_maximum_paths();
      int paths = Integer.parseInt(mp.paths.getText());
      if (paths < 1 || paths > FrrBgpAf.MULTIPATH_NUM) {
        diag.invalid("maximum-paths out of range 1-" + FrrBgpAf.MULTIPATH_NUM, line, where);
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
        diag.info("frr/not-modelled", "`import vrf route-map` is not modelled", where);
      }
    }
    return self;
  }

  private void noNeighborAf(Drafts.NeighborAf f, Rbafi_no_neighbor_tailContext t, SourceRef where) {
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

  private void neighborAf(Drafts.NeighborAf f, Rbafi_neighbor_tailContext t, String line, SourceRef where) {
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
          diag.invalid("allowas-in out of range 1-10", line, where);
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
      diag.info("frr/not-modelled", "`default-originate` is recorded but not originated by podpath", where);
    } else if (t.rbafin_maximum_prefix() != null) {
      f.maximumPrefix = Integer.parseInt(t.rbafin_maximum_prefix().NUMBER().getText());
      f.lines.put("maximum-prefix", where);
    } else if (t.rbafin_nexthop_local_unchanged() != null) {
      f.nexthopLocalUnchanged = true;
      f.lines.put("nexthop-local unchanged", where);
    } else if (t.rbafin_remove_private_as() != null) {
      diag.info("frr/not-modelled", "`remove-private-AS` is not modelled", where);
    }
  }

  CliNode evpn(Rbafe_lineContext c, String line, SourceRef where) {
    Drafts.Evpn e = curRouter.evpn;
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

}
