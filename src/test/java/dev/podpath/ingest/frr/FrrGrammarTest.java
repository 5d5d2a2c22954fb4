package dev.podpath.ingest.frr;

import static dev.podpath.ingest.frr.FrrParseFixture.config;
import static dev.podpath.ingest.frr.FrrParseFixture.parse;
import static dev.podpath.ingest.frr.FrrParseFixture.problemLines;
import static org.assertj.core.api.Assertions.assertThat;

import dev.podpath.core.SourceRef;
import dev.podpath.core.net.IpAddr;
import dev.podpath.core.net.IpPrefix;
import dev.podpath.ingest.frr.FrrNeighborAf.NextHopSelf;
import dev.podpath.ingest.frr.FrrNeighborAf.Unchanged;
import dev.podpath.model.routing.Community;
import org.junit.jupiter.api.Test;

/** Grammar tests: a few config lines in, vendor-model assertions out. */
class FrrGrammarTest {

  @Test
  void headerVersionProfileHostname() {
    FrrConfig c = config("""
        frr version 8.5.2
        frr defaults datacenter
        hostname pve1
        log syslog informational
        service integrated-vtysh-config
        """);
    assertThat(c.defaults().version().text()).isEqualTo("8.5.2");
    assertThat(c.defaults().profile()).isEqualTo(DefaultsProfile.DATACENTER);
    assertThat(c.defaults().versionLine()).isEqualTo(SourceRef.of("hosts/r1/frr.conf", 1));
    assertThat(c.hostname()).isEqualTo("pve1");
  }

  @Test
  void ebgpRequiresPolicyDefaultsPerVersionAndProfile() {
    // bgpd/bgp_vty.c FRR_CFG_DEFAULT_BOOL(BGP_EBGP_REQUIRES_POLICY)
    assertThat(config("router bgp 1\n").bgpRouters().get(0).ebgpRequiresPolicy()).isTrue();
    assertThat(config("frr version 7.3\nrouter bgp 1\n").bgpRouters().get(0).ebgpRequiresPolicy()).isFalse();
    assertThat(config("frr defaults datacenter\nrouter bgp 1\n").bgpRouters().get(0).ebgpRequiresPolicy()).isFalse();
    assertThat(config("router bgp 1\n no bgp ebgp-requires-policy\n").bgpRouters().get(0).ebgpRequiresPolicy()).isFalse();
    // defaults are taken when the instance is created (bgp_create), not at the end of the file
    assertThat(config("router bgp 1\nexit\nfrr defaults datacenter\n").bgpRouters().get(0).ebgpRequiresPolicy()).isTrue();
    // no `frr version` line: the daemon's version applies (lib/defaults.c df_version)
    FrrConfig old = FrrConfigParser.parse("router bgp 1\n", "f", FrrVersion.parse("7.3")).config();
    assertThat(old.bgpRouters().get(0).ebgpRequiresPolicy()).isFalse();
  }

  @Test
  void vrfBlockWithVniAndNullRoutes() {
    FrrConfig c = config("""
        vrf vrf_evpnz1
         vni 10000
         ip route 192.168.50.0/24 null0
         ipv6 route fd00:50::/64 Null0 250
        exit-vrf
        ip route 0.0.0.0/0 10.0.0.1
        ip route 10.9.0.0/16 blackhole
        ipv6 route ::/0 fe80::1 eth0
        ip route 10.8.0.0 255.255.0.0 eth1 vrf red
        """);
    assertThat(c.vrfs().get("vrf_evpnz1").vni()).isEqualTo(10000L);
    assertThat(c.staticRoutes()).hasSize(6);
    FrrStaticRoute r0 = c.staticRoutes().get(0);
    assertThat(r0.vrf()).isEqualTo("vrf_evpnz1");
    assertThat(r0.kind()).isEqualTo(FrrStaticRoute.Kind.BLACKHOLE);
    assertThat(c.staticRoutes().get(1).distance()).isEqualTo(250);
    assertThat(c.staticRoutes().get(2).vrf()).isNull();
    assertThat(c.staticRoutes().get(2).gateway()).isEqualTo(IpAddr.parse("10.0.0.1"));
    assertThat(c.staticRoutes().get(3).kind()).isEqualTo(FrrStaticRoute.Kind.BLACKHOLE);
    assertThat(c.staticRoutes().get(4).ifname()).isEqualTo("eth0");
    FrrStaticRoute masked = c.staticRoutes().get(5);
    assertThat(masked.prefix()).isEqualTo(IpPrefix.parse("10.8.0.0/16"));
    assertThat(masked.kind()).isEqualTo(FrrStaticRoute.Kind.INTERFACE);
    assertThat(masked.vrf()).isEqualTo("red");
  }

  @Test
  void interfaceBlock() {
    FrrConfig c = config("""
        interface eth0 vrf red
         ip address 10.0.0.1/24
         ipv6 address fd00::1/64
         description uplink
        exit
        """);
    FrrInterface i = c.interfaces().get("eth0");
    assertThat(i.vrf()).isEqualTo("red");
    assertThat(i.addresses()).extracting(Object::toString).containsExactly("10.0.0.1/24", "fd00::1/64");
  }

  @Test
  void routerBgpGlobalSettings() {
    FrrConfig c = config("""
        router bgp 65000
         bgp router-id 10.0.0.11
         no bgp default ipv4-unicast
         bgp bestpath as-path multipath-relax
         bgp bestpath compare-routerid
         no bgp network import-check
         bgp allow-martian-nexthop
         bgp disable-ebgp-connected-route-check
         bgp log-neighbor-changes
        exit
        """);
    FrrBgpRouter r = c.bgpRouters().get(0);
    assertThat(r.asn()).isEqualTo(65000);
    assertThat(r.vrf()).isNull();
    assertThat(r.routerId()).isEqualTo(IpAddr.parse("10.0.0.11"));
    assertThat(r.defaultIpv4Unicast()).isFalse();
    assertThat(r.line("default ipv4-unicast").line()).isEqualTo(3);
    assertThat(r.asPathMultipathRelax()).isTrue();
    assertThat(r.compareRouterId()).isTrue();
    assertThat(r.networkImportCheck()).isFalse();
    assertThat(r.allowMartianNexthop()).isTrue();
    assertThat(r.disableEbgpConnectedRouteCheck()).isTrue();
  }

  @Test
  void neighborsPeerGroupsAndSessionSettings() {
    FrrConfig c = config("""
        router bgp 64513
         neighbor k8s peer-group
         neighbor k8s remote-as 64514
         neighbor k8s update-source lo
         neighbor k8s ebgp-multihop
         neighbor k8s password s3cret word
         neighbor 192.168.20.10 peer-group k8s
         neighbor fd00:101::21 remote-as internal
         neighbor fd00:101::21 disable-connected-check
         neighbor fd00:101::21 passive
         neighbor fd00:101::21 timers 3 9
         neighbor fd00:101::21 timers connect 5
         neighbor fd00:101::21 capability extended-nexthop
         neighbor eth1 interface v6only remote-as external
         bgp listen range 192.168.30.0/24 peer-group k8s
        """);
    FrrBgpRouter r = c.bgpRouters().get(0);
    FrrNeighbor pg = r.peerGroups().get("k8s");
    assertThat(pg.remoteAs().asn()).isEqualTo(64514);
    assertThat(pg.updateSource()).isEqualTo("lo");
    assertThat(pg.ebgpMultihop()).isEqualTo(255);
    assertThat(pg.password()).isEqualTo("s3cret word");
    FrrNeighbor m = r.neighbors().get("192.168.20.10");
    assertThat(m.peerGroup()).isEqualTo("k8s");
    assertThat(m.remoteAs()).isNull();
    FrrNeighbor v6 = r.neighbors().get("fd00:101::21");
    assertThat(v6.remoteAs().kind()).isEqualTo(RemoteAs.Kind.INTERNAL);
    assertThat(v6.disableConnectedCheck()).isTrue();
    assertThat(v6.passive()).isTrue();
    assertThat(v6.timers()).isEqualTo(new FrrNeighbor.Timers(3, 9));
    assertThat(v6.connectRetry()).isEqualTo(5);
    assertThat(v6.extendedNexthop()).isTrue();
    FrrNeighbor un = r.neighbors().get("eth1");
    assertThat(un.kind()).isEqualTo(FrrNeighbor.Kind.INTERFACE);
    assertThat(un.v6only()).isTrue();
    assertThat(un.remoteAs().kind()).isEqualTo(RemoteAs.Kind.EXTERNAL);
    assertThat(r.listenRanges()).containsExactly(new FrrListenRange(IpPrefix.parse("192.168.30.0/24"), "k8s", SourceRef.of("hosts/r1/frr.conf", 15)));
  }

  @Test
  void addressFamilyNeighborSettings() {
    FrrConfig c = config("""
        router bgp 65001
         neighbor fd00::2 remote-as 65002
         neighbor fd00::3 remote-as 65001
         address-family ipv6 unicast
          network fd00:101:224::/60 route-map ORIG
          redistribute connected route-map CONN
          redistribute static
          maximum-paths 8
          maximum-paths ibgp 4
          neighbor fd00::2 activate
          neighbor fd00::2 route-map IN in
          neighbor fd00::2 route-map OUT out
          neighbor fd00::2 prefix-list PL-IN in
          neighbor fd00::2 allowas-in
          neighbor fd00::2 attribute-unchanged next-hop
          neighbor fd00::3 activate
          neighbor fd00::3 next-hop-self force
          neighbor fd00::3 route-reflector-client
          neighbor fd00::3 soft-reconfiguration inbound
          neighbor fd00::3 allowas-in origin
         exit-address-family
        """);
    FrrBgpRouter r = c.bgpRouters().get(0);
    FrrBgpAf af = r.af(Afi.IPV6);
    assertThat(af.networks()).extracting(FrrNetwork::prefix).containsExactly(IpPrefix.parse("fd00:101:224::/60"));
    assertThat(af.networks().get(0).routeMap()).isEqualTo("ORIG");
    assertThat(af.redistributes()).extracting(FrrRedistribute::protocol).containsExactly("connected", "static");
    assertThat(af.maximumPaths()).isEqualTo(8);
    assertThat(af.maximumPathsIbgp()).isEqualTo(4);
    FrrNeighborAf n2 = r.neighbors().get("fd00::2").af(Afi.IPV6);
    assertThat(n2.activate()).isTrue();
    assertThat(n2.routeMapIn()).isEqualTo("IN");
    assertThat(n2.routeMapOut()).isEqualTo("OUT");
    assertThat(n2.prefixListIn()).isEqualTo("PL-IN");
    assertThat(n2.allowasIn()).isEqualTo(3);
    assertThat(n2.attributeUnchanged()).containsExactly(Unchanged.NEXT_HOP);
    assertThat(n2.line("route-map in").line()).isEqualTo(11);
    FrrNeighborAf n3 = r.neighbors().get("fd00::3").af(Afi.IPV6);
    assertThat(n3.nextHopSelf()).isEqualTo(NextHopSelf.FORCE);
    assertThat(n3.routeReflectorClient()).isTrue();
    assertThat(n3.softReconfigurationInbound()).isTrue();
    assertThat(n3.allowasInOrigin()).isTrue();
  }

  @Test
  void hiddenIpv4CommandsInRouterBgpNode() {
    // bgp_vty.c neighbor_activate_hidden_cmd etc.: in the BGP node they act on ipv4 unicast
    FrrConfig c = config("""
        router bgp 65000
          neighbor home peer-group
          neighbor home remote-as 65020
          neighbor home activate
          neighbor home soft-reconfiguration inbound
        """);
    FrrNeighborAf af = c.bgpRouters().get(0).peerGroups().get("home").af(Afi.IPV4);
    assertThat(af.activate()).isTrue();
    assertThat(af.softReconfigurationInbound()).isTrue();
  }

  @Test
  void lineNotInAddressFamilyFallsBackToRouterBgp() {
    // lib/command.c: a line unknown in the AF node is retried in `router bgp`, which becomes current
    FrrConfig c = config("""
        router bgp 1
          neighbor a peer-group
          neighbor a remote-as 2
          address-family ipv4 unicast
            neighbor a next-hop-self
          neighbor 10.0.0.5 remote-as 3
          bgp router-id 10.0.0.1
          address-family ipv6 unicast
            neighbor 10.0.0.5 activate
          address-family l2vpn evpn
          neighbor c peer-group
        """);
    // lab: FRR 8.4.4 `bgpd -C` accepts the same lines (2026-11-26)
    FrrBgpRouter r = c.bgpRouters().get(0);
    assertThat(r.peerGroups()).containsKeys("a", "c");
    assertThat(r.routerId()).isEqualTo(IpAddr.parse("10.0.0.1"));
    assertThat(r.neighbors().get("10.0.0.5").af(Afi.IPV6).activate()).isTrue();
  }

  @Test
  void incompleteLineInIpv4NodeIsNotRetriedUpwards() {
    // lab: FRR 8.4.4 `bgpd -C` on Malpractis bgp-v6.conf, 2026-11-26: `neighbor k8s-v6 peer-group`
    // inside address-family ipv4 matches the hidden `neighbor X peer-group PGNAME` incompletely,
    // so the group is never created and every later k8s-v6 line fails.
    FrrParseResult r = parse("""
        router bgp 64513
          neighbor k8s-v4 peer-group
          neighbor k8s-v4 remote-as 64514
          address-family ipv4 unicast
            neighbor k8s-v4 next-hop-self
          neighbor k8s-v6 peer-group
          neighbor k8s-v6 remote-as 64514
          bgp listen range 2403:5817:f2d1::/64 peer-group k8s-v6
          address-family ipv6 unicast
            neighbor k8s-v6 activate
        """);
    assertThat(problemLines(r)).containsExactly(6, 7, 8, 10);
    assertThat(r.status()).isEqualTo(ParseStatus.PARTIALLY_UNRECOGNIZED);
    assertThat(r.config().bgpRouters().get(0).peerGroups()).containsOnlyKeys("k8s-v4");
    assertThat(r.warnings().get(1).message()).contains("% Create the peer-group or interface first");
  }

  @Test
  void evpnAddressFamily() {
    FrrConfig c = config("""
        router bgp 65000
         neighbor VTEP peer-group
         neighbor VTEP remote-as 65000
         address-family l2vpn evpn
          neighbor VTEP activate
          neighbor VTEP route-map MAP_VTEP_IN in
          advertise-all-vni
          advertise ipv4 unicast
          default-originate ipv6
         exit-address-family
        """);
    FrrEvpn e = c.bgpRouters().get(0).evpn();
    assertThat(e.advertiseAllVni()).isTrue();
    assertThat(e.advertiseIpv4Unicast()).isTrue();
    assertThat(e.defaultOriginateIpv6()).isTrue();
    assertThat(e.activated()).containsExactly("VTEP");
  }

  @Test
  void prefixListsWithAndWithoutSeq() {
    FrrConfig c = config("""
        ip prefix-list PL permit 10.0.0.0/8 le 24
        ip prefix-list PL deny any
        ip prefix-list PL seq 3 permit 10.1.0.0/16 ge 20 le 28
        ipv6 prefix-list K8S seq 5 permit fd00::/48 le 128
        ipv6 prefix-list K8S seq 10 permit fd00:101:224::/60 ge 64
        """);
    FrrPrefixList pl = c.prefixList(false, "PL");
    assertThat(pl.entries()).extracting(FrrPrefixList.Entry::seq).containsExactly(3L, 5L, 10L);
    assertThat(pl.permits(IpPrefix.parse("10.2.0.0/24"))).isTrue();
    assertThat(pl.permits(IpPrefix.parse("10.2.0.0/25"))).isFalse(); // falls to `deny any`
    assertThat(pl.entries().get(0).matches(IpPrefix.parse("10.1.16.0/20"))).isTrue();
    assertThat(pl.entries().get(0).matches(IpPrefix.parse("10.1.0.0/16"))).isFalse();
    FrrPrefixList k = c.prefixList(true, "K8S");
    assertThat(k.permits(IpPrefix.parse("fd00:0:0:1::/64"))).isTrue();
    assertThat(k.entries().get(1).matches(IpPrefix.parse("fd00:101:224::/80"))).isTrue();
    assertThat(k.entries().get(1).matches(IpPrefix.parse("fd00:101:224::/60"))).isFalse();
    assertThat(c.prefixList(false, "K8S")).isNull();
  }

  @Test
  void invalidPrefixRangeIsRefusedWithFrrMessage() {
    FrrParseResult r = parse("ip prefix-list PL seq 5 permit 10.0.0.0/16 ge 8\n");
    assertThat(problemLines(r)).containsExactly(1);
    assertThat(r.warnings().get(0).message()).contains("Make sure that mask length <= ge <= le");
  }

  @Test
  void asPathAndCommunityLists() {
    FrrConfig c = config("""
        bgp as-path access-list FROM_K8S seq 5 permit ^64514_
        bgp as-path access-list FROM_K8S deny .*
        bgp community-list standard NOEXP permit 65000:100 no-export
        bgp community-list expanded RE permit ^65000:.*
        """);
    assertThat(c.asPathLists().get("FROM_K8S").entries()).extracting(FrrAsPathList.Entry::regex).containsExactly("^64514_", ".*");
    assertThat(c.communityLists().get("NOEXP").expanded()).isFalse();
    assertThat(c.communityLists().get("NOEXP").entries().get(0).values()).containsExactly("65000:100", "no-export");
    assertThat(c.communityLists().get("RE").expanded()).isTrue();
  }

  @Test
  void routeMapMatchSetAndFlow() {
    FrrConfig c = config("""
        route-map IN permit 10
         match ipv6 address prefix-list K8S
         match as-path FROM_K8S
         match community NOEXP exact-match
         set local-preference 200
         set metric +5
         set as-path prepend 65000 65000
         set community 65000:1 no-export additive
         set ipv6 next-hop prefer-global
         set weight 100
         on-match next
        route-map IN deny 20
         match ip next-hop prefix-list NH
         match source-protocol connected
         call OTHER
        exit
        route-map IN permit 30
         set ip next-hop 10.0.0.1
         set ipv6 next-hop global fd00::1
         set ipv6 next-hop peer-address
         continue 40
        exit
        """);
    FrrRouteMap m = c.routeMaps().get("IN");
    assertThat(m.entries()).extracting(FrrRouteMap.Entry::seq).containsExactly(10, 20, 30);
    FrrRouteMap.Entry e10 = m.entries().get(0);
    assertThat(e10.matches()).hasSize(3).first().isEqualTo(new RouteMapMatch.PrefixList(true, "K8S", SourceRef.of("hosts/r1/frr.conf", 2)));
    assertThat(e10.sets()).hasSize(6);
    assertThat(e10.sets().get(0)).isEqualTo(new RouteMapSet.LocalPreference(200, 0, SourceRef.of("hosts/r1/frr.conf", 5)));
    assertThat(((RouteMapSet.Metric) e10.sets().get(1)).relative()).isEqualTo(1);
    assertThat(((RouteMapSet.AsPathPrepend) e10.sets().get(2)).asns()).containsExactly(65000L, 65000L);
    RouteMapSet.Communities cs = (RouteMapSet.Communities) e10.sets().get(3);
    assertThat(cs.additive()).isTrue();
    assertThat(cs.values()).containsExactly(Community.of(65000, 1).value(), 0xFFFFFF01L);
    assertThat(e10.sets().get(4)).isInstanceOf(RouteMapSet.Ipv6PreferGlobal.class);
    assertThat(e10.onMatchNext()).isTrue();
    FrrRouteMap.Entry e20 = m.entries().get(1);
    assertThat(e20.permit()).isFalse();
    assertThat(e20.call()).isEqualTo("OTHER");
    assertThat(e20.matches().get(1)).isEqualTo(new RouteMapMatch.SourceProtocol("connected", SourceRef.of("hosts/r1/frr.conf", 14)));
    FrrRouteMap.Entry e30 = m.entries().get(2);
    assertThat(e30.continueTo()).isEqualTo(40);
    assertThat(e30.sets()).hasSize(3);
  }

  @Test
  void miscGlobalLines() {
    FrrConfig c = config("""
        ipv6 nht resolve-via-default
        no ipv6 forwarding
        line vty
        !
        end
        """);
    assertThat(c.nhtResolveViaDefaultV6()).isTrue();
    assertThat(c.nhtResolveViaDefaultV4()).isFalse();
  }

  @Test
  void vrfInstanceIsSeparate() {
    FrrConfig c = config("""
        router bgp 65000
        exit
        router bgp 65000 vrf vrf_evpnz1
         neighbor 10.10.10.21 remote-as 65010
        exit
        """);
    assertThat(c.bgpRouters()).extracting(FrrBgpRouter::vrf).containsExactly(null, "vrf_evpnz1");
    assertThat(c.bgpRouter("vrf_evpnz1").orElseThrow().neighbors()).containsOnlyKeys("10.10.10.21");
    assertThat(c.bgpRouter(null).orElseThrow().neighbors()).isEmpty();
  }
}
