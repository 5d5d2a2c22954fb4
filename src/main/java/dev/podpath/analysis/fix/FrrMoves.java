package dev.podpath.analysis.fix;

import dev.podpath.analysis.CheckResult;
import dev.podpath.analysis.Simulation;
import dev.podpath.analysis.whatif.FrrEditKind;
import dev.podpath.controlplane.SessionDownReason;
import dev.podpath.controlplane.SessionResult;
import dev.podpath.controlplane.spi.AddressFamily;
import dev.podpath.controlplane.spi.BgpNeighborConfig;
import dev.podpath.controlplane.spi.RibEntry;
import dev.podpath.controlplane.spi.RoutingDaemon;
import dev.podpath.core.net.IpAddr;
import dev.podpath.core.net.IpPrefix;
import dev.podpath.ingest.Daemon;
import dev.podpath.ingest.DaemonConfigFile;
import dev.podpath.ingest.Snapshot;
import dev.podpath.ingest.frr.Afi;
import dev.podpath.ingest.frr.FrrBgpRouter;
import dev.podpath.ingest.frr.FrrConfig;
import dev.podpath.ingest.frr.FrrConfigParser;
import dev.podpath.ingest.frr.FrrNeighbor;
import dev.podpath.ingest.frr.FrrNeighborAf;
import dev.podpath.ingest.frr.FrrParseResult;
import dev.podpath.ingest.frr.FrrPrefixList;
import dev.podpath.ingest.frr.RemoteAs;
import dev.podpath.ingest.host.HostSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * frr.conf moves, each generated only where a failing trace died for want of a route that this
 * FRR router dropped or did not pass on (see {@link DeadEnd}): the route is in its RIB as not
 * valid, or best here but not sent to the host where the path died, or a session lacks the family
 * (also without a failing path: a session down for want of a common family fails its session intent).
 * The cause is read from the parsed frr.conf in bgpd's receive order (bgp_route.c bgp_update: AS
 * loop, inbound prefix-list, RFC 8212), so each dropped route points at one kind of edit; a martian
 * next hop is read from the route's status (the model's, which knows the FRR version's rules).
 */
final class FrrMoves {

  private FrrMoves() {}

  /** One neighbor of one instance in one address family. */
  private record Peer(FrrBgpRouter router, FrrNeighbor neighbor, Afi afi) {}

  static void of(CheckResult baseline, Keep keep, List<FixMove> out, List<String> skipped) {
    List<DeadEnd> ends = DeadEnd.of(baseline);
    Simulation sim = baseline.simulation();
    Snapshot s = sim.snapshot();
    for (DaemonConfigFile f : s.daemonConfigs()) {
      if (f.daemon() != Daemon.FRR || f.origin().line() != 1) {
        continue; // only a standalone hosts/NAME/frr.conf is edited
      }
      FrrParseResult parsed = FrrConfigParser.parse(f.text(), f.displayPath());
      if (parsed.config() == null) {
        continue;
      }
      List<FixMove> found = new ArrayList<>();
      new HostMoves(sim, f, parsed.config(), ends).collect(found);
      for (FixMove m : found) {
        String setting = m.key().substring(m.key().lastIndexOf('.') + 1);
        if (keep.forbids(m.key()) || keep.forbids("frr." + setting)) {
          skipped.add(m.key() + ": kept (" + keep.why(keep.forbids(m.key()) ? m.key() : "frr." + setting) + ")");
        } else {
          out.add(m);
        }
      }
    }
  }

  /** The analysis of one FRR host. */
  private static final class HostMoves {
    private final Simulation sim;
    private final DaemonConfigFile file;
    private final FrrConfig config;
    private final List<DeadEnd> ends;
    private final Set<IpAddr> needed;
    private final String host;
    private final Map<Peer, Set<String>> rfc8212 = new LinkedHashMap<>();
    private final Map<Peer, Long> allowas = new LinkedHashMap<>();
    private final Map<FrrPrefixList, Set<IpPrefix>> prefixLists = new LinkedHashMap<>();
    private final Set<Peer> nextHopSelf = new LinkedHashSet<>();
    private final Set<Peer> activate = new LinkedHashSet<>();
    private final Set<FrrBgpRouter> martian = new LinkedHashSet<>();

    HostMoves(Simulation sim, DaemonConfigFile file, FrrConfig config, List<DeadEnd> ends) {
      this.sim = sim;
      this.file = file;
      this.config = config;
      this.ends = ends;
      this.needed = DeadEnd.addresses(ends);
      this.host = file.host();
    }

    void collect(List<FixMove> out) {
      received();
      sent();
      families();
      String f = file.origin().file();
      if (!rfc8212.isEmpty()) {
        out.add(noRequiresPolicy(f));
        out.add(permitRouteMap(f));
      }
      if (!martian.isEmpty()) {
        out.add(allowMartianMove(f));
      }
      if (!allowas.isEmpty()) {
        FrrText t = new FrrText(host, f, file.text());
        allowas.forEach((p, count) -> t.inAddressFamily(p.router(), p.afi(),
            // bgp_vty.c neighbor_allowas_in: without a number the own AS may appear 3 times
            "neighbor " + p.neighbor().name() + " allowas-in" + (count > 3 ? " " + count : "")));
        out.add(move(FrrEditKind.ALLOWAS_IN, t, "allowas-in on " + names(allowas.keySet()),
            "accept routes whose AS path already holds our AS " + asns(allowas.keySet()) + " from these neighbors only; loop"
                + " protection is relaxed for them", "accept routes carrying our own AS"));
      }
      if (!prefixLists.isEmpty()) {
        out.add(prefixListMove(f));
      }
      if (!nextHopSelf.isEmpty()) {
        FrrText t = new FrrText(host, f, file.text());
        nextHopSelf.forEach(p -> t.inAddressFamily(p.router(), p.afi(), "neighbor " + p.neighbor().name() + " next-hop-self"));
        out.add(move(FrrEditKind.NEXT_HOP_SELF, t, "next-hop-self towards " + names(nextHopSelf),
            "these iBGP peers reach eBGP-learned routes through this router instead of the original next hop", "set next hop self"));
      }
      if (!activate.isEmpty()) {
        FrrText t = new FrrText(host, f, file.text());
        for (Peer p : activate) {
          FrrNeighborAf own = p.neighbor().af(p.afi());
          if (own != null && Boolean.FALSE.equals(own.activate()) && own.line("activate").isKnown()) {
            int n = own.line("activate").line();
            t.replace(n, FrrText.indentOf(t.line(n)) + "neighbor " + p.neighbor().name() + " activate", FrrEditKind.ACTIVATE,
                "activate " + p.neighbor().name());
          } else {
            t.inAddressFamily(p.router(), p.afi(), "neighbor " + p.neighbor().name() + " activate");
          }
        }
        out.add(move(FrrEditKind.ACTIVATE, t, "activate " + names(activate),
            "the sessions carry the family the peers offer", "activate the address family"));
      }
    }

    private FixMove move(FrrEditKind kind, FrrText t, String what, String tradeOff, String why) {
      return new FixMove("frr." + host + "." + kind.setting(), "frr " + host + ": " + what, t.edits(kind, why),
          Set.of(file.origin().file()), false, false, "one frr.conf (" + host + "); " + tradeOff);
    }

    /** 1. Routes this router received and dropped, by the first rule of bgp_update that dropped them. */
    private void received() {
      for (RibEntry e : rib(host)) {
        if (e.best() || !covers(e.prefix())) {
          continue;
        }
        Peer p = peer(e.from(), e.prefix().v6());
        if (p == null) {
          continue;
        }
        FrrBgpRouter r = p.router();
        FrrNeighborAf[] afs = FrrText.afs(r, p.neighbor(), p.afi());
        if (martianNextHop(r, e.status())) {
          martian.add(r);
          continue;
        }
        // bgp_route.c bgp_update -> aspath_loop_check(attr->aspath, bgp->as) > peer->allowas_in[afi][safi]
        long own = e.attributes() == null ? 0 : e.attributes().asPath().count(r.asn());
        Integer allowed = first(afs, FrrNeighborAf::allowasIn);
        if (own > (allowed == null ? 0 : allowed)) {
          allowas.merge(p, own, Math::max);
          continue;
        }
        // bgp_route.c bgp_input_filter: `neighbor X prefix-list NAME in` (lib/plist.c prefix_list_apply)
        String plName = first(afs, FrrNeighborAf::prefixListIn);
        if (plName != null) {
          FrrPrefixList pl = config.prefixList(e.prefix().v6(), plName);
          if (pl != null && !pl.permits(e.prefix())) {
            prefixLists.computeIfAbsent(pl, k -> new LinkedHashSet<>()).add(e.prefix());
            continue;
          }
        }
        // bgp_route.c bgp_update: !bgp_inbound_policy_exists(peer, filter) for an eBGP peer (RFC 8212)
        if (ebgp(r, p.neighbor()) && r.ebgpRequiresPolicy() && !inboundPolicy(afs)) {
          rfc8212.computeIfAbsent(p, k -> new LinkedHashSet<>()).add("in");
        }
      }
    }

    /** 2. Best routes here that a host where a path died needed and did not get: RFC 8212 outbound, next-hop-self. */
    private void sent() {
      for (SessionResult sr : sim.controlPlane().sessions()) {
        if (!sr.host().equals(host) || !sr.established() || sr.peerHost() == null
            || ends.stream().noneMatch(d -> d.host().equals(sr.peerHost()))) {
          continue;
        }
        for (IpAddr a : needed) {
          RibEntry best = rib(host).stream().filter(e -> e.best() && e.prefix().length() > 0 && e.prefix().contains(a))
              .max(java.util.Comparator.comparingInt(e -> e.prefix().length())).orElse(null);
          Peer p = peer(sr.neighborId(), a.v6());
          if (best == null || p == null || !sr.families().contains(a.v6() ? AddressFamily.IPV6_UNICAST : AddressFamily.IPV4_UNICAST)) {
            continue;
          }
          FrrBgpRouter r = p.router();
          FrrNeighborAf[] afs = FrrText.afs(r, p.neighbor(), p.afi());
          // bgp_route.c subgroup_announce_check: !bgp_outbound_policy_exists(peer, filter) for an eBGP peer
          if (ebgp(r, p.neighbor()) && r.ebgpRequiresPolicy() && !outboundPolicy(afs)) {
            rfc8212.computeIfAbsent(p, k -> new LinkedHashSet<>()).add("out");
          }
          // bgp_route.c subgroup_announce_check: to an iBGP peer the next hop of an eBGP-learned path is
          // passed unchanged unless `next-hop-self` (PEER_FLAG_NEXTHOP_SELF)
          IpAddr nh = best.attributes() == null ? null : best.attributes().nextHop();
          Peer from = peer(best.from(), a.v6());
          if (!ebgp(r, p.neighbor()) && nh != null && from != null && ebgp(from.router(), from.neighbor())
              && first(afs, FrrNeighborAf::nextHopSelf) == null && !onLink(sr.peerHost(), nh)) {
            nextHopSelf.add(p);
          }
        }
      }
    }

    /** 3. Sessions on which the peer offers a family this side does not activate (`neighbor X activate`). */
    private void families() {
      Set<AddressFamily> wanted = new LinkedHashSet<>();
      needed.forEach(a -> wanted.add(a.v6() ? AddressFamily.IPV6_UNICAST : AddressFamily.IPV4_UNICAST));
      for (SessionResult sr : sim.controlPlane().sessions()) {
        if (!sr.host().equals(host) || sr.peerHost() == null || sr.peerNeighborId() == null) {
          continue;
        }
        if (!sim.snapshot().isNode(sr.peerHost()) && ends.stream().noneMatch(d -> d.host().equals(sr.peerHost()))
            && sr.established()) {
          continue;
        }
        BgpNeighborConfig mine = neighborConfig(sr.host(), sr.daemon(), sr.neighborId());
        BgpNeighborConfig theirs = neighborConfig(sr.peerHost(), sr.peerDaemon(), sr.peerNeighborId());
        if (mine == null || theirs == null) {
          continue;
        }
        // a session down for want of a common family (a failing session intent) wants every family the peer offers
        boolean noCommon = !sr.established() && sr.reason() == SessionDownReason.NO_COMMON_FAMILY;
        for (AddressFamily fam : noCommon ? theirs.families() : wanted) {
          if (theirs.families().contains(fam) && !mine.families().contains(fam)) {
            Peer p = peer(sr.neighborId(), fam == AddressFamily.IPV6_UNICAST);
            if (p != null) {
              activate.add(p);
            }
          }
        }
      }
    }

    private FixMove noRequiresPolicy(String f) {
      FrrText t = new FrrText(host, f, file.text());
      boolean stated = false;
      for (FrrBgpRouter r : routers(rfc8212.keySet())) {
        var explicit = r.line("ebgp-requires-policy");
        if (explicit.isKnown()) {
          stated = true;
          t.replace(explicit.line(), FrrText.indentOf(t.line(explicit.line())) + "no bgp ebgp-requires-policy",
              FrrEditKind.NO_EBGP_REQUIRES_POLICY, "lift RFC 8212");
        } else {
          // bgpd.h DFLT_BGP_EBGP_REQUIRES_POLICY: on in the traditional profile (FRR >= 7.4)
          t.insertAfter(r.where().line(), FrrText.indentOf(t.line(r.where().line())) + " no bgp ebgp-requires-policy");
        }
      }
      stated |= MoveCatalog.commented(sim.snapshot().root(), routers(rfc8212.keySet()).get(0).line("ebgp-requires-policy"));
      FixMove m = move(FrrEditKind.NO_EBGP_REQUIRES_POLICY, t, "no bgp ebgp-requires-policy in " + instances(routers(rfc8212.keySet())),
          "every eBGP neighbor of the instance exchanges routes without a policy (FRR's behaviour before 7.4)", "lift RFC 8212");
      return new FixMove(m.key(), m.label(), m.edits(), m.files(), false, stated, m.tradeOff());
    }

    /**
     * Whether {@code bgp allow-martian-nexthop} changes what the model did to this route under the
     * file's FRR version (the status is FrrReceive's): the NEXT_HOP attribute check
     * (bgp_attr.c bgp_attr_nexthop_valid, NOTIFICATION) gives way to it from 8.4, the post-route-map
     * check (bgp_route.c bgp_update_martian_nexthop) only from 9.0 (commit 6cddc4c866).
     */
    private boolean martianNextHop(FrrBgpRouter r, String status) {
      if (r.allowMartianNexthop() || status == null || config.daemonVersion().isBefore("8.4")) {
        return false; // bgp_vty.c bgp_allow_martian: the command exists from FRR 8.4
      }
      return status.startsWith("martian next hop ")
          || status.startsWith("martian or self next-hop ") && config.daemonVersion().atLeast("9.0");
    }

    private FixMove allowMartianMove(String f) {
      FrrText t = new FrrText(host, f, file.text());
      for (FrrBgpRouter r : martian) {
        var explicit = r.line("allow-martian-nexthop");
        if (explicit.isKnown()) {
          // an explicit `no bgp allow-martian-nexthop`: turned on where the operator wrote it off
          t.replace(explicit.line(), FrrText.indentOf(t.line(explicit.line())) + "bgp allow-martian-nexthop",
              FrrEditKind.ALLOW_MARTIAN_NEXTHOP, "accept martian next hops");
        } else {
          t.insertAfter(r.where().line(), FrrText.indentOf(t.line(r.where().line())) + " bgp allow-martian-nexthop");
        }
      }
      List<FrrBgpRouter> rs = new ArrayList<>(martian);
      return move(FrrEditKind.ALLOW_MARTIAN_NEXTHOP, t, "bgp allow-martian-nexthop in " + instances(rs),
          "every neighbor of the instance may announce a next hop in 0/8, 127/8, class D or E without bgpd resetting the session"
              + (config.daemonVersion().atLeast("9.0") ? "; from FRR 9.0 an own or martian next hop is no longer filtered either" : ""),
          "accept martian next hops");
    }

    private FixMove permitRouteMap(String f) {
      FrrText t = new FrrText(host, f, file.text());
      String name = "PERMIT-ALL";
      for (int i = 1; config.routeMaps().containsKey(name); i++) {
        name = "PERMIT-ALL-" + i;
      }
      FrrBgpRouter first = routers(rfc8212.keySet()).get(0);
      // bgp_route.c bgp_inbound_policy_exists/bgp_outbound_policy_exists: any route-map counts as a policy;
      // lib/routemap.c route_map_apply_match: an entry without match clauses matches every route
      t.insertAfter(first.where().line() - 1, "route-map " + name + " permit 10\nexit\n!");
      for (Map.Entry<Peer, Set<String>> e : rfc8212.entrySet()) {
        for (String dir : e.getValue()) {
          t.inAddressFamily(e.getKey().router(), e.getKey().afi(), "neighbor " + e.getKey().neighbor().name() + " route-map " + name + " " + dir);
        }
      }
      return move(FrrEditKind.PERMIT_ROUTE_MAP, t, "route-map " + name + " (permit all) on " + names(rfc8212.keySet()),
          "an explicit permit-all policy on these neighbors only; `bgp ebgp-requires-policy` stays on for the others",
          "permit-all policy");
    }

    private FixMove prefixListMove(String f) {
      FrrText t = new FrrText(host, f, file.text());
      List<String> added = new ArrayList<>();
      for (Map.Entry<FrrPrefixList, Set<IpPrefix>> e : prefixLists.entrySet()) {
        FrrPrefixList pl = e.getKey();
        Set<Long> used = new LinkedHashSet<>();
        pl.entries().forEach(x -> used.add(x.seq()));
        long max = pl.entries().stream().mapToLong(FrrPrefixList.Entry::seq).max().orElse(0);
        int lastLine = pl.entries().stream().mapToInt(x -> x.where().line()).max().orElse(pl.where().line());
        for (IpPrefix p : e.getValue()) {
          FrrPrefixList.Entry deny = pl.firstMatch(p);
          String kw = (pl.v6() ? "ipv6" : "ip") + " prefix-list " + pl.name() + " seq ";
          if (deny == null) {
            // no entry matched (implicit deny): append as FRR numbers a new entry (lib/plist.c prefix_new_seq_get)
            max = (max / 5) * 5 + 5;
            used.add(max);
            t.insertAfter(lastLine, FrrText.indentOf(t.line(lastLine)) + kw + max + " permit " + p);
            added.add(pl.name() + " seq " + max + " permit " + p);
          } else {
            // the permit must come before the entry that denies (lib/plist.c: first match by seq wins)
            // FRR's own step of 5 after the entry before the deny when it fits, else halfway
            long prev = used.stream().filter(x -> x < deny.seq()).mapToLong(Long::longValue).max().orElse(0);
            long seq = prev + 5 < deny.seq() ? prev + 5 : prev + (deny.seq() - prev) / 2;
            if (seq <= prev || pl.entries().stream().anyMatch(x -> x.seq() < deny.seq() && x.matches(p))) {
              continue; // no free sequence number before the deny: renumbering is the operator's call
            }
            used.add(seq);
            int at = deny.where().line();
            t.insertAfter(at - 1, FrrText.indentOf(t.line(at)) + kw + seq + " permit " + p);
            added.add(pl.name() + " seq " + seq + " permit " + p);
          }
        }
      }
      return move(FrrEditKind.PREFIX_LIST_ENTRY, t, "prefix-list " + String.join(", ", added),
          "only the missing prefixes are added to the list; everything else it filters stays filtered", "permit the missing prefix");
    }

    // ------------------------------------------------------------------ model look-ups

    private boolean covers(IpPrefix p) {
      return p.length() > 0 && needed.stream().anyMatch(p::contains);
    }

    private List<RibEntry> rib(String h) {
      List<RibEntry> out = new ArrayList<>();
      sim.controlPlane().ribs().forEach((k, v) -> {
        if (k.startsWith(h + "/") && sim.daemons().stream().anyMatch(d -> (d.host() + "/" + d.name()).equals(k)
            && d instanceof dev.podpath.controlplane.frr.FrrDaemon)) {
          out.addAll(v);
        }
      });
      return out;
    }

    /** The neighbor of FRR id "vrf/address" (controlplane/frr FrrNeighborResolver). */
    private Peer peer(String id, boolean v6) {
      if (id == null) {
        return null;
      }
      for (FrrBgpRouter r : config.bgpRouters()) {
        for (FrrNeighbor n : r.neighbors().values()) {
          if (n.address() != null && (r.vrfName() + "/" + n.address()).equals(id)) {
            return new Peer(r, n, v6 ? Afi.IPV6 : Afi.IPV4);
          }
        }
      }
      return null;
    }

    private BgpNeighborConfig neighborConfig(String h, String daemon, String id) {
      for (RoutingDaemon d : sim.daemons()) {
        if (d.host().equals(h) && d.name().equals(daemon)) {
          return d.neighbors().stream().filter(n -> n.id().equals(id)).findFirst().orElse(null);
        }
      }
      return null;
    }

    private boolean onLink(String h, IpAddr a) {
      HostSpec spec = sim.snapshot().hosts().get(h);
      return spec != null && spec.interfaces().stream().flatMap(i -> i.addresses().stream())
          .anyMatch(x -> x.address().prefix().contains(a));
    }

    private static boolean ebgp(FrrBgpRouter r, FrrNeighbor n) {
      RemoteAs ras = n.remoteAs();
      if (ras == null && n.peerGroup() != null && r.peerGroups().get(n.peerGroup()) != null) {
        ras = r.peerGroups().get(n.peerGroup()).remoteAs();
      }
      if (ras == null) {
        return false;
      }
      long local = n.localAs() != null ? n.localAs() : r.asn();
      return switch (ras.kind()) {
        case EXTERNAL -> true;
        case INTERNAL -> false;
        case NUMBER -> ras.asn() != local;
      };
    }

    // bgp_route.c bgp_inbound_policy_exists: a route-map, prefix-list, filter-list (or distribute-list) in
    private static boolean inboundPolicy(FrrNeighborAf[] afs) {
      return first(afs, FrrNeighborAf::routeMapIn) != null || first(afs, FrrNeighborAf::prefixListIn) != null
          || first(afs, FrrNeighborAf::filterListIn) != null;
    }

    private static boolean outboundPolicy(FrrNeighborAf[] afs) {
      return first(afs, FrrNeighborAf::routeMapOut) != null || first(afs, FrrNeighborAf::prefixListOut) != null
          || first(afs, FrrNeighborAf::filterListOut) != null;
    }

    /** The neighbor's own value, else its peer-group's; null when neither says it (NONE counts as unsaid). */
    private static <T> T first(FrrNeighborAf[] afs, java.util.function.Function<FrrNeighborAf, T> get) {
      for (FrrNeighborAf a : afs) {
        T v = a == null ? null : get.apply(a);
        if (v != null && !(v instanceof FrrNeighborAf.NextHopSelf x && x == FrrNeighborAf.NextHopSelf.NONE)) {
          return v;
        }
      }
      return null;
    }

    private static List<FrrBgpRouter> routers(Set<Peer> peers) {
      List<FrrBgpRouter> out = new ArrayList<>();
      peers.forEach(p -> {
        if (!out.contains(p.router())) {
          out.add(p.router());
        }
      });
      return out;
    }

    private static String instances(List<FrrBgpRouter> rs) {
      return String.join(", ", rs.stream().map(r -> "router bgp " + r.asn() + (r.vrf() == null ? "" : " vrf " + r.vrf())).toList());
    }

    private static String names(Set<Peer> peers) {
      Set<String> out = new LinkedHashSet<>();
      peers.forEach(p -> out.add(p.neighbor().name() + " (" + (p.afi() == Afi.IPV6 ? "ipv6" : "ipv4") + ")"));
      return String.join(", ", out);
    }

    private static String asns(Set<Peer> peers) {
      Set<Long> out = new LinkedHashSet<>();
      peers.forEach(p -> out.add(p.router().asn()));
      return String.join(", ", out.stream().map(Objects::toString).toList());
    }
  }
}
