package dev.podpath.controlplane.frr;

import static dev.podpath.controlplane.frr.FrrFixture.daemon;
import static dev.podpath.controlplane.frr.FrrFixture.open;
import static dev.podpath.controlplane.frr.FrrFixture.route;
import static dev.podpath.controlplane.frr.FrrFixture.session;
import static org.assertj.core.api.Assertions.assertThat;

import dev.podpath.controlplane.spi.AddressFamily;
import dev.podpath.controlplane.spi.SessionContext;
import dev.podpath.core.net.IpAddr;
import dev.podpath.model.routing.AsPath;
import dev.podpath.model.routing.BgpRoute;
import dev.podpath.model.routing.Origin;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What bgpd sends (bgp_route.c subgroup_announce_check) and what it originates. */
class FrrAdvertiseTest {

  private static final AddressFamily V4 = AddressFamily.IPV4_UNICAST;
  private static final AddressFamily V6 = AddressFamily.IPV6_UNICAST;

  private static TestHost host() {
    return new TestHost("r1").iface("eth0", null, "10.0.0.1/24", "fd00:101::1/64", "fe80::1/64").iface("lo", null, "10.255.0.1/32");
  }

  @Test
  void ebgpGetsNextHopSelfOurAsPrependedAndNoLocalPref() {
    FrrDaemon d = daemon("""
        router bgp 64513
         no bgp ebgp-requires-policy
         neighbor 10.0.0.10 remote-as 64514
         neighbor 10.0.0.20 remote-as 64520
        """, host().route("10.30.0.0/16", "10.0.0.99", "eth0"));
    SessionContext a = session(d, "10.0.0.10", "10.0.0.1", null, 64513, 64514, "10.0.0.10", "eth0", V4);
    SessionContext b = session(d, "10.0.0.20", "10.0.0.1", null, 64513, 64520, "10.0.0.20", "eth0", V4);
    open(d, a, b);
    d.receive(a, V4, List.of(route("10.244.1.0/24", "10.0.0.10", 64514), route("10.9.0.0/24", "10.30.0.5", 64514)));
    d.settle();
    List<BgpRoute> toB = d.advertise(b, V4);
    assertThat(toB).hasSize(1);
    // 10.0.0.10 is on the peer's subnet: third-party next hop kept (bgp_subgrp_multiaccess_check_v4)
    BgpRoute r = toB.get(0);
    assertThat(r.attributes().nextHop()).isEqualTo(IpAddr.parse("10.0.0.10"));
    assertThat(r.attributes().asPath()).isEqualTo(AsPath.of(64513, 64514));
    assertThat(r.attributes().localPref()).isNull();
    // sent back to the peer it came from too (no `solo`): lab 2026-11-26, FRR 8.4.4 -> gobgpd
    assertThat(d.advertise(a, V4)).extracting(x -> x.prefix().toString()).contains("10.244.1.0/24");
    assertThat(d.advertise(a, V4).get(0).attributes().asPath()).isEqualTo(AsPath.of(64513, 64514));
  }

  @Test
  void rfc8212BlocksOutboundToo() {
    FrrDaemon d = daemon("""
        router bgp 64513
         neighbor 10.0.0.10 remote-as 64514
         address-family ipv4 unicast
          network 10.255.0.1/32
        """, host());
    SessionContext a = session(d, "10.0.0.10", "10.0.0.1", null, 64513, 64514, "10.0.0.10", "eth0", V4);
    open(d, a);
    d.settle();
    assertThat(d.advertise(a, V4)).isEmpty();
    assertThat(d.findings()).anySatisfy(f -> assertThat(f.message()).contains("has no outbound policy").contains("0 of 1 best route advertised"));
  }

  @Test
  void networkIsOriginatedWithOriginIgpAndNextHopSelf() {
    // bgp_static_update: ORIGIN IGP; import-check finds 10.255.0.1/32 (lo) in the RIB
    FrrDaemon d = daemon("""
        router bgp 64513
         no bgp ebgp-requires-policy
         neighbor 10.0.0.10 remote-as 64514
         address-family ipv4 unicast
          network 10.255.0.1/32
          network 10.77.0.0/16
        """, host());
    SessionContext a = session(d, "10.0.0.10", "10.0.0.1", null, 64513, 64514, "10.0.0.10", "eth0", V4);
    open(d, a);
    d.settle();
    List<BgpRoute> out = d.advertise(a, V4);
    assertThat(out).extracting(BgpRoute::prefix).extracting(Object::toString).containsExactly("10.255.0.1/32");
    assertThat(out.get(0).attributes().origin()).isEqualTo(Origin.IGP);
    assertThat(out.get(0).attributes().nextHop()).isEqualTo(IpAddr.parse("10.0.0.1"));
    assertThat(out.get(0).attributes().asPath()).isEqualTo(AsPath.of(64513));
    assertThat(d.rib()).anySatisfy(e -> assertThat(e.status()).startsWith("import-check: no route for exactly 10.77.0.0/16"));
  }

  @Test
  void noImportCheckOriginatesUnconditionally() {
    FrrDaemon d = daemon("""
        router bgp 64515
         no bgp ebgp-requires-policy
         no bgp network import-check
         neighbor 10.0.0.10 remote-as 64513
         address-family ipv4 unicast
          network 10.1.6.21/32
        """, host());
    SessionContext a = session(d, "10.0.0.10", "10.0.0.1", null, 64515, 64513, "10.0.0.10", "eth0", V4);
    open(d, a);
    d.settle();
    assertThat(d.advertise(a, V4)).hasSize(1);
  }

  @Test
  void redistributeConnectedIsIncompleteWithMed0AndSkipsLinkLocal() {
    // bgp_redistribute_add: ORIGIN INCOMPLETE, MED = metric (0 for connected); zebra_check_addr skips fe80::/10
    FrrDaemon d = daemon("""
        router bgp 64513
         no bgp ebgp-requires-policy
         neighbor fd00:101::21 remote-as 64514
         address-family ipv6 unicast
          redistribute connected
          neighbor fd00:101::21 activate
        """, host());
    SessionContext a = session(d, "fd00:101::21", "fd00:101::1", "fe80::1", 64513, 64514, "10.0.0.21", "eth0", V6);
    open(d, a);
    d.settle();
    List<BgpRoute> out = d.advertise(a, V6);
    assertThat(out).extracting(x -> x.prefix().toString()).containsExactly("fd00:101::/64");
    assertThat(out.get(0).attributes().origin()).isEqualTo(Origin.INCOMPLETE);
    // IPv6 to a directly connected eBGP peer: global + link-local next hop
    assertThat(out.get(0).attributes().nextHop()).isEqualTo(IpAddr.parse("fd00:101::1"));
    assertThat(out.get(0).attributes().nextHopLinkLocal()).isEqualTo(IpAddr.parse("fe80::1"));
  }

  @Test
  void ibgpSplitHorizonAndRouteReflection() {
    String cfg = """
        router bgp 65000
         bgp router-id 10.0.0.1
         neighbor 10.0.0.10 remote-as internal
         neighbor 10.0.0.11 remote-as internal
        %s
        """;
    for (boolean rr : new boolean[] {false, true}) {
      FrrDaemon d = daemon(cfg.formatted(rr ? " address-family ipv4 unicast\n  neighbor 10.0.0.11 route-reflector-client" : ""), host());
      SessionContext a = session(d, "10.0.0.10", "10.0.0.1", null, 65000, 65000, "10.0.0.10", "eth0", V4);
      SessionContext b = session(d, "10.0.0.11", "10.0.0.1", null, 65000, 65000, "10.0.0.11", "eth0", V4);
      open(d, a, b);
      d.receive(a, V4, List.of(route("10.244.1.0/24", "10.0.0.10")));
      d.settle();
      List<BgpRoute> out = d.advertise(b, V4);
      if (!rr) {
        assertThat(out).isEmpty();
      } else {
        assertThat(out).hasSize(1);
        assertThat(out.get(0).attributes().originatorId()).isEqualTo(IpAddr.parse("10.0.0.10"));
        assertThat(out.get(0).attributes().clusterList()).containsExactly(IpAddr.parse("10.0.0.1"));
        assertThat(out.get(0).attributes().nextHop()).isEqualTo(IpAddr.parse("10.0.0.10"));
        assertThat(out.get(0).attributes().localPref()).isEqualTo(100);
      }
    }
  }

  @Test
  void nextHopSelfForIbgp() {
    FrrDaemon d = daemon("""
        router bgp 65000
         no bgp ebgp-requires-policy
         neighbor 10.0.0.10 remote-as 65010
         neighbor 10.0.0.11 remote-as internal
         address-family ipv4 unicast
          neighbor 10.0.0.11 next-hop-self
        """, host());
    SessionContext a = session(d, "10.0.0.10", "10.0.0.1", null, 65000, 65010, "10.0.0.10", "eth0", V4);
    SessionContext b = session(d, "10.0.0.11", "10.0.0.1", null, 65000, 65000, "10.0.0.11", "eth0", V4);
    open(d, a, b);
    d.receive(a, V4, List.of(route("10.244.1.0/24", "10.0.0.10", 65010)));
    d.settle();
    List<BgpRoute> out = d.advertise(b, V4);
    assertThat(out.get(0).attributes().nextHop()).isEqualTo(IpAddr.parse("10.0.0.1"));
    assertThat(out.get(0).attributes().asPath()).isEqualTo(AsPath.of(65010));
  }

  @Test
  void outboundRouteMapPrependsBeforeOurAs() {
    FrrDaemon d = daemon("""
        router bgp 64513
         neighbor 10.0.0.10 remote-as 64514
         address-family ipv4 unicast
          network 10.255.0.1/32
          neighbor 10.0.0.10 route-map OUT out
          neighbor 10.0.0.10 route-map IN in
        route-map OUT permit 10
         set as-path prepend 64513 64513
         set metric 50
        route-map IN deny 10
        """, host());
    SessionContext a = session(d, "10.0.0.10", "10.0.0.1", null, 64513, 64514, "10.0.0.10", "eth0", V4);
    open(d, a);
    d.settle();
    BgpRoute r = d.advertise(a, V4).get(0);
    assertThat(r.attributes().asPath()).isEqualTo(AsPath.of(64513, 64513, 64513));
    assertThat(r.attributes().med()).isEqualTo(50);
  }

  @Test
  void thirdPartyIpv6NextHopKeptWithOurLinkLocal() {
    // lab 2026-11-26, FRR 8.4.4 (datacenter, as Proxmox): a route from fd00:101::21 re-advertised to
    // fd00:101::22 on the same subnet went out as mp_nexthop fd00:101::21(fe80::<r1's link-local>)
    FrrDaemon d = daemon("""
        frr defaults datacenter
        router bgp 4200001000
         no bgp default ipv4-unicast
         neighbor fd00:101::21 remote-as 4210101021
         neighbor fd00:101::22 remote-as 4210101022
         address-family ipv6 unicast
          neighbor fd00:101::21 activate
          neighbor fd00:101::22 activate
        """, host());
    SessionContext a = session(d, "fd00:101::21", "fd00:101::1", "fe80::1", 4200001000L, 4210101021L, "10.0.0.21", "eth0", V6);
    SessionContext b = session(d, "fd00:101::22", "fd00:101::1", "fe80::1", 4200001000L, 4210101022L, "10.0.0.22", "eth0", V6);
    open(d, a, b);
    d.receive(a, V6, List.of(route("fd00:101:224::/80", "fd00:101::21", 4210101021L)));
    d.settle();
    BgpRoute r = d.advertise(b, V6).get(0);
    assertThat(r.attributes().nextHop()).isEqualTo(IpAddr.parse("fd00:101::21"));
    assertThat(r.attributes().nextHopLinkLocal()).isEqualTo(IpAddr.parse("fe80::1"));
    assertThat(r.attributes().asPath()).isEqualTo(AsPath.of(4200001000L, 4210101021L));
  }
}
