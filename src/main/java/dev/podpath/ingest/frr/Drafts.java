package dev.podpath.ingest.frr;

import dev.podpath.core.SourceRef;
import dev.podpath.core.net.IfAddress;
import dev.podpath.core.net.IpAddr;
import dev.podpath.ingest.frr.FrrNeighborAf.NextHopSelf;
import dev.podpath.ingest.frr.FrrNeighborAf.Unchanged;
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

/**
 * The mutable drafts FrrConfigBuilder fills while bgpd-style commands run line by line; each
 * freezes into its vendor-model record (FRR itself mutates `struct bgp` / `struct peer` likewise).
 */
final class Drafts {

  private Drafts() {}


  static final class Iface {
    final String name;
    final SourceRef where;
    String vrf;
    final List<IfAddress> addresses = new ArrayList<>();

    Iface(String name, SourceRef where) {
      this.name = name;
      this.where = where;
    }
  }

  static final class PrefixList {
    final SourceRef where;
    final TreeMap<Long, FrrPrefixList.Entry> entries = new TreeMap<>();

    PrefixList(SourceRef where) {
      this.where = where;
    }
  }

  static final class CommunityList {
    final boolean expanded;
    final SourceRef where;
    final List<FrrCommunityList.Entry> entries = new ArrayList<>();

    CommunityList(boolean expanded, SourceRef where) {
      this.expanded = expanded;
      this.where = where;
    }
  }

  static final class RouteMapEntry {
    final int seq;
    final boolean permit;
    final SourceRef where;
    final List<RouteMapMatch> matches = new ArrayList<>();
    final List<RouteMapSet> sets = new ArrayList<>();
    boolean onMatchNext;
    Integer onMatchGoto;
    Integer continueTo;
    String call;

    RouteMapEntry(int seq, boolean permit, SourceRef where) {
      this.seq = seq;
      this.permit = permit;
      this.where = where;
    }
  }

  static final class Af {
    final Afi afi;
    SourceRef where = SourceRef.NONE;
    final List<FrrNetwork> networks = new ArrayList<>();
    final List<FrrRedistribute> redistributes = new ArrayList<>();
    int maxPaths = FrrBgpAf.MULTIPATH_NUM;
    int maxPathsIbgp = FrrBgpAf.MULTIPATH_NUM;
    final List<String> importVrfs = new ArrayList<>();

    Af(Afi afi) {
      this.afi = afi;
    }

    FrrBgpAf build() {
      return new FrrBgpAf(afi, networks, redistributes, maxPaths, maxPathsIbgp, importVrfs, where);
    }
  }

  static final class Evpn {
    final SourceRef where;
    boolean advertiseAllVni;
    boolean advertiseV4;
    boolean advertiseV6;
    boolean defaultOriginateV4;
    boolean defaultOriginateV6;
    final Set<String> activated = new LinkedHashSet<>();

    Evpn(SourceRef where) {
      this.where = where;
    }
  }

  static final class NeighborAf {
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

  static final class Neighbor {
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
    final Map<Afi, NeighborAf> afs = new EnumMap<>(Afi.class);
    final Map<String, SourceRef> lines = new HashMap<>();

    Neighbor(String name, FrrNeighbor.Kind kind, IpAddr address, SourceRef where) {
      this.name = address != null ? address.toString() : name;
      this.kind = kind;
      this.address = address;
      this.where = where;
    }

    NeighborAf af(Afi afi) {
      return afs.computeIfAbsent(afi, k -> new NeighborAf());
    }

    FrrNeighbor build() {
      Map<Afi, FrrNeighborAf> a = new EnumMap<>(Afi.class);
      afs.forEach((k, v) -> a.put(k, v.build()));
      return new FrrNeighbor(name, kind, address, peerGroup, remoteAs, updateSource, ebgpMultihop, disableConnectedCheck, passive, timers, connectRetry, password, extendedNexthop, shutdown, localAs, port, v6only, a, lines, where);
    }
  }

  static final class Router {
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
    final Map<String, Neighbor> neighbors = new LinkedHashMap<>();
    final Map<String, Neighbor> peerGroups = new LinkedHashMap<>();
    final Map<Afi, Af> afs = new EnumMap<>(Afi.class);
    Evpn evpn;
    final Map<String, SourceRef> lines = new HashMap<>();

    Router(long asn, String vrf, FrrDefaults defaults, SourceRef where) {
      this.asn = asn;
      this.vrf = vrf;
      this.defaults = defaults;
      this.where = where;
    }

    Af af(Afi afi) {
      return afs.computeIfAbsent(afi, Af::new);
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
