package dev.podpath.controlplane.frr;

import static dev.podpath.controlplane.frr.FrrFixture.daemon;
import static dev.podpath.controlplane.frr.FrrFixture.open;
import static dev.podpath.controlplane.frr.FrrFixture.route;
import static dev.podpath.controlplane.frr.FrrFixture.session;
import static org.assertj.core.api.Assertions.assertThat;

import dev.podpath.controlplane.spi.AddressFamily;
import dev.podpath.controlplane.spi.RibEntry;
import dev.podpath.controlplane.spi.SessionContext;
import dev.podpath.core.Finding;
import dev.podpath.core.net.IpAddr;
import dev.podpath.model.routing.KernelRoute;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The receive pipeline (bgp_update order) and zebra's installation of what was accepted. */
class FrrReceiveTest {

  private static final AddressFamily V4 = AddressFamily.IPV4_UNICAST;
  private static final AddressFamily V6 = AddressFamily.IPV6_UNICAST;

  private static TestHost host() {
    return new TestHost("r1").iface("eth0", null, "10.0.0.1/24", "fd00:101::1/64", "fe80::1/64").iface("eth1", null, "192.168.9.1/24");
  }

  private static RibEntry only(FrrDaemon d) {
    assertThat(d.rib()).hasSize(1);
    return d.rib().get(0);
  }

  @Test
  void rfc8212BlocksEbgpWithoutPolicyOnTraditionalDefaults() {
    // bgp_route.c bgp_update: !bgp_inbound_policy_exists -> "inbound policy missing"
    FrrDaemon d = daemon("""
        frr version 8.4.4
        frr defaults traditional
        router bgp 64513
         neighbor 10.0.0.10 remote-as 64514
        """, host());
    SessionContext s = session(d, "10.0.0.10", "10.0.0.1", null, 64513, 64514, "10.0.0.10", "eth0", V4);
    open(d, s);
    d.receive(s, V4, List.of(route("10.244.1.0/24", "10.0.0.10", 64514)));
    d.settle();
    assertThat(only(d).best()).isFalse();
    assertThat(only(d).status()).contains("inbound policy missing");
    assertThat(d.kernelRoutes()).isEmpty();
    assertThat(d.findings()).filteredOn(f -> f.code().equals("bgp/no-policy-rfc8212")).extracting(Finding::message)
        .anySatisfy(m -> assertThat(m).contains("RFC 8212: eBGP neighbor 10.0.0.10 has no inbound policy").contains("FRR 8.4.4 `traditional` defaults (hosts/r1/frr.conf:1)").contains("1 received route dropped, 0 accepted"));
  }

  @Test
  void withoutRfc8212TheRouteIsInstalledAsBgpMetric20() {
    // lib/zebra.h ZEBRA_EBGP_DISTANCE_DEFAULT 20; zebra installs proto bgp metric 20
    FrrDaemon d = daemon("""
        router bgp 64513
         no bgp ebgp-requires-policy
         neighbor 10.0.0.10 remote-as 64514
        """, host());
    SessionContext s = session(d, "10.0.0.10", "10.0.0.1", null, 64513, 64514, "10.0.0.10", "eth0", V4);
    open(d, s);
    d.receive(s, V4, List.of(route("10.244.1.0/24", "10.0.0.10", 64514)));
    d.settle();
    assertThat(only(d).best()).isTrue();
    assertThat(d.kernelRoutes()).containsExactly(new KernelRoute("main", dev.podpath.core.net.IpPrefix.parse("10.244.1.0/24"), KernelRoute.Type.UNICAST,
        List.of(new KernelRoute.NextHop(IpAddr.parse("10.0.0.10"), "eth0")), "eth0", 20, "bgp", "frr", d.neighbors().get(0).where()));
    assertThat(d.findings()).noneMatch(f -> f.code().equals("bgp/no-policy-rfc8212"));
  }

  @Test
  void datacenterProfileNeedsNoPolicy() {
    // bgp_vty.c FRR_CFG_DEFAULT_BOOL(BGP_EBGP_REQUIRES_POLICY): datacenter -> off
    FrrDaemon d = daemon("""
        frr defaults datacenter
        router bgp 64513
         neighbor 10.0.0.10 remote-as 64514
        """, host());
    SessionContext s = session(d, "10.0.0.10", "10.0.0.1", null, 64513, 64514, "10.0.0.10", "eth0", V4);
    open(d, s);
    d.receive(s, V4, List.of(route("10.244.1.0/24", "10.0.0.10", 64514)));
    d.settle();
    assertThat(only(d).best()).isTrue();
  }

  @Test
  void ownAsInPathIsDroppedUnlessAllowasIn() {
    // bgp_update: aspath_loop_check > allowas-in count -> "as-path contains our own AS"
    String cfg = """
        router bgp 64513
         no bgp ebgp-requires-policy
         neighbor 10.0.0.10 remote-as 64514
        %s
        """;
    FrrDaemon d = daemon(cfg.formatted(""), host());
    SessionContext s = session(d, "10.0.0.10", "10.0.0.1", null, 64513, 64514, "10.0.0.10", "eth0", V4);
    open(d, s);
    d.receive(s, V4, List.of(route("10.244.1.0/24", "10.0.0.10", 64514, 64513, 64515)));
    d.settle();
    assertThat(only(d).status()).contains("as-path contains our own AS 64513");
    FrrDaemon d2 = daemon(cfg.formatted(" address-family ipv4 unicast\n  neighbor 10.0.0.10 allowas-in 1"), host());
    SessionContext s2 = session(d2, "10.0.0.10", "10.0.0.1", null, 64513, 64514, "10.0.0.10", "eth0", V4);
    open(d2, s2);
    d2.receive(s2, V4, List.of(route("10.244.1.0/24", "10.0.0.10", 64514, 64513, 64515)));
    d2.settle();
    assertThat(only(d2).best()).isTrue();
  }

  @Test
  void loopbackNextHopIsMartianButAnInboundRouteMapCanRepairIt() {
    // bgp_update_martian_nexthop runs on the attributes after the inbound route-map (routing-facts §3.3 step 7)
    String cfg = """
        router bgp 65000
         no bgp ebgp-requires-policy
         neighbor fd00:101::21 remote-as 65010
         neighbor fd00:101::21 disable-connected-check
         address-family ipv6 unicast
          neighbor fd00:101::21 activate
        %s
        """;
    FrrDaemon d = daemon(cfg.formatted(""), host());
    SessionContext s = session(d, "fd00:101::21", "fd00:101::1", null, 65000, 65010, "10.0.0.21", null, V6);
    open(d, s);
    d.receive(s, V6, List.of(route("fd00:101:224::/64", "::1", 65010)));
    d.settle();
    assertThat(only(d).status()).startsWith("martian or self next-hop ::1: loopback address");
    assertThat(d.findings()).anySatisfy(f -> assertThat(f.code()).isEqualTo("bgp/invalid-next-hop"));
    FrrDaemon fixed = daemon(cfg.formatted("  neighbor fd00:101::21 route-map FIX in\n exit-address-family\nroute-map FIX permit 10\n set ipv6 next-hop peer-address"), host());
    SessionContext s2 = session(fixed, "fd00:101::21", "fd00:101::1", null, 65000, 65010, "10.0.0.21", null, V6);
    open(fixed, s2);
    fixed.receive(s2, V6, List.of(route("fd00:101:224::/64", "::1", 65010)));
    fixed.settle();
    assertThat(only(fixed).best()).isTrue();
    assertThat(only(fixed).attributes().nextHop()).isEqualTo(IpAddr.parse("fd00:101::21"));
  }

  @Test
  void ipv4MartianNextHopResetsTheSessionUnlessAllowed() {
    // bgp_attr.c bgp_attr_nexthop_valid: ipv4_martian -> NOTIFICATION; `bgp allow-martian-nexthop` (8.4+)
    String cfg = """
        router bgp 65000
         no bgp ebgp-requires-policy
        %s neighbor 127.0.0.1 remote-as 65010
         neighbor 127.0.0.1 ebgp-multihop
        """;
    TestHost h = host().route("10.244.0.0/16", null, "lo");
    for (boolean allow : new boolean[] {false, true}) {
      FrrDaemon d = daemon(cfg.formatted(allow ? " bgp allow-martian-nexthop\n" : ""), h);
      SessionContext s = session(d, "127.0.0.1", "127.0.0.1", null, 65000, 65010, "10.0.0.21", null, V4);
      open(d, s);
      d.receive(s, V4, List.of(route("10.244.1.0/24", "127.0.0.1", 65010)));
      d.settle();
      // with allow-martian 8.4 still drops it in bgp_update_martian_nexthop (loopback = own address)
      assertThat(only(d).best()).isFalse();
      assertThat(only(d).status()).contains(allow ? "martian or self next-hop 127.0.0.1" : "NOTIFICATION");
    }
  }

  @Test
  void ebgpSingleHopNextHopMustBeConnected() {
    // bgp_nht.c: connected-only tracking for eBGP TTL 1 without disable-connected-check
    String cfg = """
        router bgp 65000
         no bgp ebgp-requires-policy
         neighbor 10.0.0.10 remote-as 65010
        %s
        """;
    TestHost h = host().route("172.16.0.0/16", "192.168.9.254", "eth1");
    FrrDaemon d = daemon(cfg.formatted(""), h);
    SessionContext s = session(d, "10.0.0.10", "10.0.0.1", null, 65000, 65010, "10.0.0.10", "eth0", V4);
    open(d, s);
    d.receive(s, V4, List.of(route("10.244.1.0/24", "172.16.0.5", 65010)));
    d.settle();
    assertThat(only(d).status()).contains("not on a connected network");
    FrrDaemon mh = daemon(cfg.formatted(" neighbor 10.0.0.10 ebgp-multihop 2"), h);
    SessionContext s2 = session(mh, "10.0.0.10", "10.0.0.1", null, 65000, 65010, "10.0.0.10", "eth0", V4);
    open(mh, s2);
    mh.receive(s2, V4, List.of(route("10.244.1.0/24", "172.16.0.5", 65010)));
    mh.settle();
    assertThat(only(mh).best()).isTrue();
    // recursive resolution: zebra installs the resolved gateway
    assertThat(mh.kernelRoutes().get(0).nextHops()).containsExactly(new KernelRoute.NextHop(IpAddr.parse("192.168.9.254"), "eth1"));
  }

  @Test
  void unresolvableNextHopViaDefaultOnlyWithNhtResolveViaDefault() {
    String cfg = """
        %s
        router bgp 65000
         neighbor 10.9.9.9 remote-as internal
        """;
    TestHost h = host().route("0.0.0.0/0", "10.0.0.254", "eth0");
    FrrDaemon d = daemon(cfg.formatted(""), h);
    SessionContext s = session(d, "10.9.9.9", "10.0.0.1", null, 65000, 65000, "10.9.9.9", null, V4);
    open(d, s);
    d.receive(s, V4, List.of(route("10.244.1.0/24", "10.9.9.9")));
    d.settle();
    assertThat(only(d).status()).contains("only the default route covers it").contains("ip nht resolve-via-default");
    FrrDaemon r = daemon(cfg.formatted("ip nht resolve-via-default"), h);
    SessionContext s2 = session(r, "10.9.9.9", "10.0.0.1", null, 65000, 65000, "10.9.9.9", null, V4);
    open(r, s2);
    r.receive(s2, V4, List.of(route("10.244.1.0/24", "10.9.9.9")));
    r.settle();
    assertThat(only(r).best()).isTrue();
    assertThat(r.kernelRoutes().get(0).nextHops()).containsExactly(new KernelRoute.NextHop(IpAddr.parse("10.0.0.254"), "eth0"));
  }

  @Test
  void inboundPrefixListAndRouteMapDenyNameTheLine() {
    FrrDaemon d = daemon("""
        router bgp 65000
         neighbor 10.0.0.10 remote-as 65010
         address-family ipv4 unicast
          neighbor 10.0.0.10 prefix-list K8S in
          neighbor 10.0.0.10 route-map IN in
         exit-address-family
        ip prefix-list K8S seq 5 permit 10.244.0.0/16 le 24
        route-map IN deny 10
         match ip address prefix-list DENYME
        route-map IN permit 20
         set local-preference 300
        ip prefix-list DENYME seq 5 permit 10.244.2.0/24
        """, host());
    SessionContext s = session(d, "10.0.0.10", "10.0.0.1", null, 65000, 65010, "10.0.0.10", "eth0", V4);
    open(d, s);
    d.receive(s, V4, List.of(route("10.244.1.0/24", "10.0.0.10", 65010), route("10.244.2.0/24", "10.0.0.10", 65010), route("10.99.0.0/24", "10.0.0.10", 65010)));
    d.settle();
    assertThat(d.rib()).hasSize(3);
    // rib() is sorted by prefix: 10.99.0.0/24, 10.244.1.0/24, 10.244.2.0/24
    assertThat(d.rib().get(0).status()).isEqualTo("inbound prefix-list K8S: no entry matches (implicit deny) (hosts/r1/frr.conf:4)");
    assertThat(d.rib().get(1).attributes().localPref()).isEqualTo(300);
    assertThat(d.rib().get(1).best()).isTrue();
    assertThat(d.rib().get(2).status()).isEqualTo("inbound route-map IN deny 10 (hosts/r1/frr.conf:8)");
  }

  @Test
  void ipv6LinkLocalNextHopIsInstalledUnlessPreferGlobal() {
    // bgp_zebra.c bgp_path_info_to_ipv6_nexthop: global+LL -> the link-local on the peer's interface
    String cfg = """
        router bgp 65000
         no bgp ebgp-requires-policy
         neighbor fd00:101::21 remote-as 65010
         address-family ipv6 unicast
          neighbor fd00:101::21 activate
        %s
        """;
    FrrDaemon d = daemon(cfg.formatted(""), host());
    SessionContext s = session(d, "fd00:101::21", "fd00:101::1", "fe80::1", 65000, 65010, "10.0.0.21", "eth0", V6);
    open(d, s);
    d.receive(s, V6, List.of(route("fd00:101:224::/64", "fd00:101::21", "fe80::21", 65010)));
    d.settle();
    assertThat(d.kernelRoutes().get(0).nextHops()).containsExactly(new KernelRoute.NextHop(IpAddr.parse("fe80::21"), "eth0"));
    FrrDaemon g = daemon(cfg.formatted("  neighbor fd00:101::21 route-map PG in\nroute-map PG permit 10\n set ipv6 next-hop prefer-global"), host());
    SessionContext s2 = session(g, "fd00:101::21", "fd00:101::1", "fe80::1", 65000, 65010, "10.0.0.21", "eth0", V6);
    open(g, s2);
    g.receive(s2, V6, List.of(route("fd00:101:224::/64", "fd00:101::21", "fe80::21", 65010)));
    g.settle();
    assertThat(g.kernelRoutes().get(0).nextHops()).containsExactly(new KernelRoute.NextHop(IpAddr.parse("fd00:101::21"), "eth0"));
  }
  @Test
  void aLinkLocalNextHopIsTrackedInsteadOfAnOffLinkGlobalOne() {
    // bgp_nht.c make_prefix: (GA)(LL) without prefer-global tracks the LL; lab seed 24 r1 (a path
    // reflected by bird with r5's next hop fd00:0:1::2 + its link-local, off-link for r1)
    String conf = """
        router bgp 64513
         neighbor fd00:101::3 remote-as 64513
         address-family ipv6 unicast
          neighbor fd00:101::3 activate
         exit-address-family
        """;
    FrrDaemon d = daemon(conf, host());
    SessionContext s = session(d, "fd00:101::3", "fd00:101::1", "fe80::1", 64513, 64513, "10.0.0.3", "eth0", V6);
    open(d, s);
    d.receive(s, V6, List.of(route("fd00:a:5::/48", "fd00:1::2", "fe80::14ad:69ff:fe2e:2afc")));
    d.settle();
    assertThat(only(d).best()).isTrue();
    assertThat(d.kernelRoutes()).singleElement().satisfies(k ->
        assertThat(k.nextHops()).containsExactly(new KernelRoute.NextHop(IpAddr.parse("fe80::14ad:69ff:fe2e:2afc"), "eth0")));
    // without the link-local address the off-link global next hop does not resolve
    FrrDaemon g = daemon(conf, host());
    SessionContext gs = session(g, "fd00:101::3", "fd00:101::1", "fe80::1", 64513, 64513, "10.0.0.3", "eth0", V6);
    open(g, gs);
    g.receive(gs, V6, List.of(route("fd00:a:5::/48", "fd00:1::2")));
    g.settle();
    assertThat(only(g).best()).isFalse();
    assertThat(only(g).status()).contains("next hop fd00:1::2 is unreachable");
    assertThat(g.kernelRoutes()).isEmpty();
  }
  @Test
  void aNextHopThatIsTheRoutesOwnPrefixIsNotValidExceptFromAnRrClient() {
    // bgp_nht.c bgp_find_or_add_nexthop "prefix loops through itself"; lab seed 22 r3: r1's loopback
    // 10.255.0.1/32 learned over the multihop session to 10.255.0.1 with next hop 10.255.0.1
    String conf = """
        router bgp 64513
         no bgp ebgp-requires-policy
         neighbor 10.0.0.10 remote-as %s
         address-family ipv4 unicast
        %s
         exit-address-family
        """;
    FrrDaemon d = daemon(conf.formatted("64514", ""), host());
    SessionContext s = session(d, "10.0.0.10", "10.0.0.1", null, 64513, 64514, "10.0.0.10", "eth0", V4);
    open(d, s);
    d.receive(s, V4, List.of(route("10.0.0.10/32", "10.0.0.10", 64514), route("10.255.0.10/32", "10.0.0.10", 64514)));
    d.settle();
    assertThat(d.rib()).filteredOn(e -> e.prefix().toString().equals("10.0.0.10/32")).singleElement().satisfies(e -> {
      assertThat(e.best()).isFalse();
      assertThat(e.status()).contains("loops through itself");
    });
    assertThat(d.rib()).filteredOn(e -> e.prefix().toString().equals("10.255.0.10/32")).singleElement()
        .satisfies(e -> assertThat(e.best()).isTrue());
    FrrDaemon rr = daemon(conf.formatted("64513", "  neighbor 10.0.0.10 route-reflector-client"), host());
    SessionContext rs = session(rr, "10.0.0.10", "10.0.0.1", null, 64513, 64513, "10.0.0.10", "eth0", V4);
    open(rr, rs);
    rr.receive(rs, V4, List.of(route("10.0.0.10/32", "10.0.0.10", new long[0])));
    rr.settle();
    assertThat(only(rr).best()).isTrue();
  }
  @Test
  void aLinkLocalNextHopOverASessionSourcedFromLoIsBestButNotInstalled() {
    // bgp_zebra.c update_ipv6nh_for_route_install: ifindex = peer->nexthop.ifp (the local address's
    // interface, lo here); the kernel refuses a gateway route via lo. Lab seed 17 r2 (iBGP multihop
    // from fd00:ff::2 on lo): best in bgpd, no kernel route
    TestHost h = new TestHost("r2").iface("eth0", null, "fd00:0:1::3/64").iface("lo", null, "fd00:ff::2/128");
    FrrDaemon d = daemon("""
        router bgp 65001
         neighbor fd00:ff::1 remote-as 65001
         neighbor fd00:ff::1 update-source fd00:ff::2
         address-family ipv6 unicast
          neighbor fd00:ff::1 activate
         exit-address-family
        """, h);
    SessionContext s = session(d, "fd00:ff::1", "fd00:ff::2", null, 65001, 65001, "10.255.0.1", null, V6);
    open(d, s);
    d.receive(s, V6, List.of(route("fd00:a:5::/48", "fd00:0:1::2", "fe80::2", 65006)));
    d.settle();
    assertThat(only(d).best()).isTrue();
    assertThat(d.kernelRoutes()).isEmpty();
    assertThat(d.findings()).extracting(Finding::code).contains("frr/link-local-on-loopback");
  }
}
