package dev.podpath.dataplane;

import static dev.podpath.dataplane.EastWest.kpr;
import static dev.podpath.dataplane.Fixtures.ip;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Hop-by-hop routing: LPM, next hops, null routes, loops, sysctls, VRFs (Batfish dispositions). */
class RoutingTest {

  private static final ServiceTable NONE = ServiceTable.of(List.of());

  private static FlowSpec aToB() {
    return FlowSpec.tcp(new FlowSpec.Source.Pod(ip("fd00:101:224:1::10")), ip("fd00:101:224:2::10"), 8080);
  }

  private static TestNetwork twoNodesWithoutReturnRoute() {
    return new TestNetwork()
        .node("w1").iface("w1", "eth0", "lan", "fd00:101::21/64")
        .node("w2").iface("w2", "eth0", "lan", "fd00:101::22/64")
        .route("w1", "fd00:101:224:1::/80 dev cilium_host proto kernel")
        .route("w1", "fd00:101:224:2::/80 via fd00:101::22 proto bird")
        .route("w2", "fd00:101:224:2::/80 dev cilium_host proto kernel")
        .podCidr("w1", "fd00:101:224:1::/80").podCidr("w2", "fd00:101:224:2::/80")
        .pod("default/a", "fd00:101:224:1::10", "w1")
        .pod("default/b", "fd00:101:224:2::10", "w2");
  }

  @Test
  void missingReturnRouteIsNoRouteOnTheReplyWithLegacyRouting() {
    TestNetwork net = twoNodesWithoutReturnRoute();
    FlowTrace t = PacketWalk.trace(aToB(), kpr(), net, NONE, net);

    PathTrace p = t.representative();
    assertThat(p.endedIn()).isEqualTo(Direction.REPLY);
    assertThat(p.endedAt()).isEqualTo("w2");
    assertThat(t.disposition()).isEqualTo(Disposition.NO_ROUTE);
    assertThat(p.lastStep().actor()).isEqualTo("kernel FIB main");
  }

  @Test
  void withBpfHostRoutingTheSameGapIsHubblesFibLookupFailed() {
    // cilium bpf/bpf_lxc.c handle_ipv6_from_lxc: ENABLE_HOST_ROUTING => fib_redirect_v6 (DROP_NO_FIB).
    TestNetwork net = twoNodesWithoutReturnRoute();
    FlowTrace t = PacketWalk.trace(aToB(), kpr().withHostLegacyRouting(false), net, NONE, net);

    assertThat(t.disposition()).isEqualTo(Disposition.FIB_LOOKUP_FAILED);
    assertThat(t.representative().endedAt()).isEqualTo("w2");
    assertThat(t.representative().lastStep().actor()).isEqualTo("bpf_lxc from-container (fib_redirect_v6)");
  }

  @Test
  void aNextHopNobodyOnTheSegmentOwnsIsNeighborUnreachable() {
    TestNetwork net = EastWest.network().route("w1", "fd00:101:224:2::/96 via fd00:101::99 proto bird");
    FlowTrace t = PacketWalk.trace(aToB(), kpr(), net, NONE, net);

    assertThat(t.disposition()).isEqualTo(Disposition.NEIGHBOR_UNREACHABLE);
    assertThat(t.representative().endedIn()).isEqualTo(Direction.REQUEST);
    assertThat(t.representative().lastStep().rule()).contains("fd00:101::99");
  }

  @Test
  void aBlackholeRouteIsNullRoutedOrFibLookupFailedInBpf() {
    TestNetwork net = EastWest.network().route("w1", "blackhole fd00:101:224:2::/96");
    FlowTrace legacy = PacketWalk.trace(aToB(), kpr(), net, NONE, net);
    assertThat(legacy.disposition()).isEqualTo(Disposition.NULL_ROUTED);
    assertThat(legacy.representative().lastStep().where().file()).isEqualTo("hosts/w1/host.yaml");

    FlowTrace bpf = PacketWalk.trace(aToB(), kpr().withHostLegacyRouting(false), net, NONE, net);
    assertThat(bpf.disposition()).isEqualTo(Disposition.FIB_LOOKUP_FAILED);
    assertThat(bpf.representative().lastStep().rule()).contains("blackhole");
  }

  private static TestNetwork twoRouters() {
    return new TestNetwork()
        .router("r1").iface("r1", "eth0", "core", "192.0.2.1/24").iface("r1", "lo", null, "198.51.100.1/32")
        .router("r2").iface("r2", "eth0", "core", "192.0.2.2/24")
        .route("r1", "default via 192.0.2.2")
        .route("r2", "default via 192.0.2.1");
  }

  @Test
  void routersPointingAtEachOtherLoop() {
    TestNetwork net = twoRouters();
    FlowSpec f = FlowSpec.tcp(new FlowSpec.Source.Router("r1", ip("198.51.100.1")), ip("203.0.113.9"), 443);
    FlowTrace t = PacketWalk.trace(f, kpr(), net, NONE, net);
    assertThat(t.disposition()).isEqualTo(Disposition.LOOP);
  }

  @Test
  void forwardingDisabledByASysctlIsDeniedIn() {
    TestNetwork net = twoRouters().route("r2", "203.0.113.0/24 via 192.0.2.1")
        .sysctl("r2", "net.ipv4.ip_forward", 0);
    FlowSpec f = FlowSpec.tcp(new FlowSpec.Source.Router("r1", ip("198.51.100.1")), ip("203.0.113.9"), 443);
    FlowTrace t = PacketWalk.trace(f, kpr(), net, NONE, net);
    assertThat(t.disposition()).isEqualTo(Disposition.DENIED_IN);
    assertThat(t.representative().endedAt()).isEqualTo("r2");
    assertThat(t.representative().lastStep().where().file()).isEqualTo("hosts/r2/host.yaml");
  }

  @Test
  void strictRpFilterDropsAPacketWhoseReturnRouteUsesAnotherInterface() {
    TestNetwork net = new TestNetwork()
        .router("r1").iface("r1", "eth0", "core", "192.0.2.1/24").iface("r1", "eth1", "wan", "198.51.100.1/24")
        .router("r2").iface("r2", "eth0", "core", "192.0.2.2/24")
        .outside("wan", "internet")
        .route("r1", "default via 198.51.100.254 dev eth1")
        .route("r2", "default via 192.0.2.1")
        .sysctl("r1", "net.ipv4.conf.all.rp_filter", 1);
    // 203.0.113.7 arrives on eth0 (from r2's side) but r1 routes it out of eth1.
    FlowSpec f = FlowSpec.tcp(new FlowSpec.Source.Outside(ip("203.0.113.7"), "r1", "eth0"), ip("198.51.100.1"), 22);
    FlowTrace strict = PacketWalk.trace(f, kpr(), net, NONE, net);
    assertThat(strict.disposition()).isEqualTo(Disposition.DENIED_IN);
    assertThat(strict.representative().lastStep().actor()).isEqualTo("kernel rp_filter (strict)");

    FlowSpec toOther = FlowSpec.tcp(new FlowSpec.Source.Outside(ip("203.0.113.7"), "r1", "eth0"), ip("192.0.2.2"), 22);
    FlowTrace loose = PacketWalk.trace(toOther, kpr(), net.sysctl("r1", "net.ipv4.conf.all.rp_filter", 2), NONE, net);
    assertThat(loose.representative().forward()).noneMatch(s -> s.actor().startsWith("kernel rp_filter"));
  }

  @Test
  void aPacketArrivingOnAVrfInterfaceIsRoutedInTheVrfTable() {
    TestNetwork net = new TestNetwork()
        .router("pve").vrfIface("pve", "vrfbr0", "lan", "vrf_evpnz1", "fd00:101::fffe/64")
        .iface("pve", "eth9", "mgmt", "2001:db8:9::1/64")
        .node("w1").iface("w1", "eth0", "lan", "fd00:101::21/64")
        .node("w2").iface("w2", "eth0", "lan2", "fd00:102::22/64")
        .router("gw").iface("gw", "eth0", "lan2", "fd00:102::fffe/64").iface("gw", "eth1", "lan", "fd00:101::fffd/64")
        .route("w1", "fd00:101:224:1::/80 dev cilium_host proto kernel")
        .route("w1", "default via fd00:101::fffe")
        .route("pve", "fd00:101:224:2::/80 via fd00:101::fffd proto bgp table vrf_evpnz1")
        .route("gw", "fd00:101:224:2::/80 via fd00:102::22")
        .route("w2", "fd00:101:224:2::/80 dev cilium_host proto kernel")
        .route("w2", "default via fd00:102::fffe")
        .route("gw", "fd00:101:224:1::/80 via fd00:101::21")
        .podCidr("w1", "fd00:101:224:1::/80").podCidr("w2", "fd00:101:224:2::/80")
        .pod("default/a", "fd00:101:224:1::10", "w1")
        .pod("default/b", "fd00:101:224:2::10", "w2");
    FlowTrace t = PacketWalk.trace(aToB(), kpr(), net, NONE, net);
    assertThat(t.works()).as(t.toString()).isTrue();
    assertThat(t.forward()).anySatisfy(s -> {
      assertThat(s.host()).isEqualTo("pve");
      assertThat(s.actor()).isEqualTo("kernel FIB vrf_evpnz1");
    });
  }

  @Test
  void aRequestToAnAddressOutsideTheModelExitsTheNetwork() {
    TestNetwork net = Fixtures.seedNetwork();
    FlowSpec f = FlowSpec.tcp(new FlowSpec.Source.Pod(ip("fd00:101:224:1::10")), ip("2001:db8::1"), 443);
    FlowTrace t = PacketWalk.trace(f, Fixtures.seedSettings(), net, NONE, net);
    assertThat(t.disposition()).isEqualTo(Disposition.EXITS_NETWORK);
    assertThat(t.works()).isTrue();
    // IPv6 masquerade applies: 2001:db8::1 is outside fd00:101::/48 (cilium iptables.go catch-all rule).
    assertThat(t.forward()).anySatisfy(s -> assertThat(s.kind()).isEqualTo(Step.Kind.SNAT));
  }

  @Test
  void aRouteIntoCiliumHostForAWorldAddressIsStaleOrUnroutableIp() {
    // cilium bpf/bpf_host.c handle_ipv6_cont (from_host): no local endpoint, world identity => DROP_UNROUTABLE.
    TestNetwork net = EastWest.network().route("w1", "2001:db8:77::/48 dev cilium_host");
    FlowSpec f = FlowSpec.tcp(new FlowSpec.Source.HostProcess("w1", ip("fd00:101::21")), ip("2001:db8:77::1"), 443);
    FlowTrace t = PacketWalk.trace(f, kpr(), net, NONE, net);
    assertThat(t.disposition()).isEqualTo(Disposition.STALE_OR_UNROUTABLE_IP);
    assertThat(t.representative().lastStep().actor()).isEqualTo("bpf_host from-host (cilium_host)");
  }
}
