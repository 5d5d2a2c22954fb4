package dev.podpath.controlplane;

import static org.assertj.core.api.Assertions.assertThat;

import dev.podpath.controlplane.spi.AddressFamily;
import dev.podpath.controlplane.spi.RoutingDaemon;
import dev.podpath.controlplane.spi.SessionContext;
import dev.podpath.core.net.IpAddr;
import dev.podpath.core.net.IpPrefix;
import dev.podpath.ingest.host.HostSpec;
import dev.podpath.model.network.Network;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Each named reason a session stays down, with a failing and a passing case. */
class BgpSessionFinderTest {

  static final HostSpec R1 = Hosts.host("r1").iface("eth0", "fd00:1::1/64").iface("eth1", "fd00:2::1/64").build();
  static final HostSpec N1 = Hosts.host("n1").iface("eth0", "fd00:1::11/64").iface("lo", "fd00:fe::11/128").build();

  static ControlPlaneResult run(List<HostSpec> hosts, RoutingDaemon... ds) {
    return ControlPlane.compute(Network.of(hosts), List.of(ds), List.of());
  }

  static FakeBgpDaemon d(String host, Nbr... ns) {
    List<dev.podpath.controlplane.spi.BgpNeighborConfig> l = new ArrayList<>();
    for (Nbr n : ns) {
      l.add(n.build());
    }
    return new FakeBgpDaemon(host, "fake", l, List.of(), true);
  }

  static SessionResult s(ControlPlaneResult r, String host, String id) {
    return r.sessions().stream().filter(x -> x.host().equals(host) && x.neighborId().equals(id)).findFirst().orElseThrow();
  }

  static ControlPlaneResult pair(Nbr fromN1, Nbr fromR1) {
    return run(List.of(R1, N1), d("n1", fromN1), d("r1", fromR1));
  }

  static Nbr n1ToR1() {
    return Nbr.to("r1", 65001, 65000, "fd00:1::1");
  }

  static Nbr r1ToN1() {
    return Nbr.to("n1", 65000, 65001, "fd00:1::11");
  }

  @Test
  void directEbgpSessionIsEstablishedFromBothEnds() {
    ControlPlaneResult r = pair(n1ToR1(), r1ToN1());
    assertThat(s(r, "n1", "r1").established()).isTrue();
    assertThat(s(r, "n1", "r1").localAddress()).isEqualTo(IpAddr.parse("fd00:1::11"));
    assertThat(s(r, "r1", "n1").established()).isTrue();
    assertThat(s(r, "r1", "n1").localAddress()).isEqualTo(IpAddr.parse("fd00:1::1"));
    assertThat(s(r, "r1", "n1").peerHost()).isEqualTo("n1");
    assertThat(r.established()).hasSize(1);
    assertThat(r.established().get(0).aSide().directlyConnected()).isTrue();
    assertThat(r.established().get(0).aSide().sharedInterface()).isEqualTo("eth0");
  }

  @Test
  void noPeerOwnsAddress() {
    ControlPlaneResult r = pair(Nbr.to("r1", 65001, 65000, "fd00:1::99"), r1ToN1());
    assertThat(s(r, "n1", "r1").reason()).isEqualTo(SessionDownReason.NO_PEER_OWNS_ADDRESS);
    assertThat(s(r, "n1", "r1").toFinding().code()).isEqualTo("bgp/session-down");
  }

  @Test
  void noMatchingNeighbor() {
    ControlPlaneResult r = pair(n1ToR1(), Nbr.to("n2", 65000, 65001, "fd00:1::12"));
    assertThat(s(r, "n1", "r1").reason()).isEqualTo(SessionDownReason.NO_MATCHING_NEIGHBOR);
    assertThat(s(r, "r1", "n2").reason()).isEqualTo(SessionDownReason.NO_PEER_OWNS_ADDRESS);
  }

  @Test
  void asMismatchOnEitherSide() {
    ControlPlaneResult r = pair(Nbr.to("r1", 65001, 65009, "fd00:1::1"), r1ToN1());
    assertThat(s(r, "n1", "r1").reason()).isEqualTo(SessionDownReason.AS_MISMATCH);
    assertThat(s(r, "n1", "r1").message()).contains("65009").contains("65000");
    ControlPlaneResult r2 = pair(n1ToR1(), Nbr.to("n1", 65000, 65002, "fd00:1::11"));
    assertThat(s(r2, "n1", "r1").reason()).isEqualTo(SessionDownReason.AS_MISMATCH);
    assertThat(s(r2, "r1", "n1").reason()).isEqualTo(SessionDownReason.AS_MISMATCH);
    ControlPlaneResult any = pair(n1ToR1().anyAs(), r1ToN1());
    assertThat(s(any, "n1", "r1").established()).isTrue();
  }

  @Test
  void passwordOnOneSideOrDifferent() {
    assertThat(s(pair(n1ToR1().password("a"), r1ToN1()), "n1", "r1").reason()).isEqualTo(SessionDownReason.PASSWORD_MISMATCH);
    assertThat(s(pair(n1ToR1().password("a"), r1ToN1().password("b")), "n1", "r1").reason()).isEqualTo(SessionDownReason.PASSWORD_MISMATCH);
    assertThat(s(pair(n1ToR1().password("a"), r1ToN1().password("a")), "n1", "r1").established()).isTrue();
  }

  @Test
  void noCommonFamily() {
    ControlPlaneResult r = pair(n1ToR1().families(AddressFamily.IPV4_UNICAST), r1ToN1().families(AddressFamily.IPV6_UNICAST));
    assertThat(s(r, "n1", "r1").reason()).isEqualTo(SessionDownReason.NO_COMMON_FAMILY);
    ControlPlaneResult ok = pair(n1ToR1().families(AddressFamily.IPV6_UNICAST), r1ToN1());
    assertThat(s(ok, "n1", "r1").families()).containsExactly(AddressFamily.IPV6_UNICAST);
  }

  @Test
  void bothPassive() {
    assertThat(s(pair(n1ToR1().passive(), r1ToN1().passive()), "r1", "n1").reason()).isEqualTo(SessionDownReason.BOTH_PASSIVE);
    assertThat(s(pair(n1ToR1().passive(), r1ToN1()), "r1", "n1").established()).isTrue();
  }

  @Test
  void neitherSideListensWhereTheOtherConnects() {
    // n1 does not listen (Cilium without localPort) and r1 is passive: nobody can connect
    ControlPlaneResult r = pair(n1ToR1().notListening(), r1ToN1().passive());
    assertThat(s(r, "n1", "r1").established()).isTrue(); // n1 connects, r1 listens
    ControlPlaneResult down = pair(n1ToR1().notListening().passive(), r1ToN1());
    assertThat(s(down, "n1", "r1").reason()).isEqualTo(SessionDownReason.NO_LISTENER);
    ControlPlaneResult down2 = pair(n1ToR1().notListening(), r1ToN1().notListening());
    assertThat(s(down2, "n1", "r1").reason()).isEqualTo(SessionDownReason.NO_LISTENER);
  }

  @Test
  void portMismatch() {
    ControlPlaneResult r = pair(n1ToR1().port(1790), r1ToN1().passive());
    assertThat(s(r, "n1", "r1").reason()).isEqualTo(SessionDownReason.PORT_MISMATCH);
    assertThat(s(r, "n1", "r1").message()).contains("1790");
    assertThat(s(pair(n1ToR1().port(1790), r1ToN1()), "n1", "r1").established()).isTrue(); // r1 connects to 179
  }

  @Nested
  class Multihop {
    final HostSpec r2 = Hosts.host("r2").iface("eth0", "fd00:2::2/64").route("fd00:1::/64", "fd00:2::1").build();
    final HostSpec n1Routed = Hosts.host("n1").iface("eth0", "fd00:1::11/64").route("fd00:2::/64", "fd00:1::1").build();

    Nbr n1ToR2() {
      return Nbr.to("r2", 65001, 65002, "fd00:2::2").ttl(2);
    }

    Nbr r2ToN1() {
      return Nbr.to("n1", 65002, 65001, "fd00:1::11").ttl(2);
    }

    @Test
    void noRouteForTheTcpConnection() {
      ControlPlaneResult r = run(List.of(R1, N1, r2), d("n1", n1ToR2()), d("r2", r2ToN1()));
      assertThat(s(r, "n1", "r2").reason()).isEqualTo(SessionDownReason.NO_TCP_PATH);
      assertThat(s(r, "n1", "r2").message()).contains("no route to fd00:2::2");
      ControlPlaneResult ok = run(List.of(R1, n1Routed, r2), d("n1", n1ToR2()), d("r2", r2ToN1()));
      assertThat(s(ok, "n1", "r2").established()).isTrue();
    }

    @Test
    void forwardingDisabledOnTheRouterBreaksThePath() {
      HostSpec r1NoFwd = Hosts.host("r1").iface("eth0", "fd00:1::1/64").iface("eth1", "fd00:2::1/64")
          .sysctl("net.ipv6.conf.all.forwarding", "0").build();
      ControlPlaneResult r = run(List.of(r1NoFwd, n1Routed, r2), d("n1", n1ToR2()), d("r2", r2ToN1()));
      assertThat(s(r, "n1", "r2").reason()).isEqualTo(SessionDownReason.NO_TCP_PATH);
      assertThat(s(r, "n1", "r2").message()).contains("forwarding is disabled");
    }

    @Test
    void ebgpWithoutMultihopIsNotDirectlyConnected() {
      ControlPlaneResult r = run(List.of(R1, n1Routed, r2), d("n1", n1ToR2().ttl(1)), d("r2", r2ToN1()));
      assertThat(s(r, "n1", "r2").reason()).isEqualTo(SessionDownReason.NOT_DIRECTLY_CONNECTED);
      // disable-connected-check does not help: the TTL 1 packet dies at r1
      ControlPlaneResult r2b = run(List.of(R1, n1Routed, r2), d("n1", n1ToR2().ttl(1).noConnectedCheck()), d("r2", r2ToN1()));
      assertThat(s(r2b, "n1", "r2").reason()).isEqualTo(SessionDownReason.NOT_DIRECTLY_CONNECTED);
      assertThat(s(r2b, "n1", "r2").message()).contains("1 router hop");
    }

    @Test
    void multihopTtlSmallerThanThePath() {
      ControlPlaneResult r = run(List.of(R1, n1Routed, r2), d("n1", Nbr.to("r2", 65000, 65000, "fd00:2::2").ttl(1)),
          d("r2", Nbr.to("n1", 65000, 65000, "fd00:1::11")));
      assertThat(s(r, "n1", "r2").reason()).isEqualTo(SessionDownReason.TTL_TOO_SMALL);
      ControlPlaneResult ok = run(List.of(R1, n1Routed, r2), d("n1", Nbr.to("r2", 65000, 65000, "fd00:2::2").ttl(2)),
          d("r2", Nbr.to("n1", 65000, 65000, "fd00:1::11")));
      assertThat(s(ok, "n1", "r2").established()).isTrue();
    }
  }

  @Test
  void sourceAddressMismatchAndItsFixWithALocalAddress() {
    // r1 peers n1's loopback; n1 would connect from its eth0 address, which r1 does not expect
    HostSpec r1 = Hosts.host("r1").iface("eth0", "fd00:1::1/64").route("fd00:fe::11/128", "fd00:1::11").build();
    ControlPlaneResult r = run(List.of(r1, N1), d("n1", n1ToR1()), d("r1", Nbr.to("n1", 65000, 65001, "fd00:fe::11").ttl(2).passive()));
    assertThat(s(r, "n1", "r1").reason()).isEqualTo(SessionDownReason.SOURCE_ADDRESS_MISMATCH);
    assertThat(s(r, "n1", "r1").message()).contains("connects from fd00:1::11").contains("fd00:fe::11");
    ControlPlaneResult ok = run(List.of(r1, N1), d("n1", n1ToR1().local("fd00:fe::11")), d("r1", Nbr.to("n1", 65000, 65001, "fd00:fe::11").ttl(2).passive()));
    assertThat(s(ok, "n1", "r1").established()).isTrue();
    assertThat(s(ok, "n1", "r1").localAddress()).isEqualTo(IpAddr.parse("fd00:fe::11"));
    // eBGP TTL 1 towards a loopback address: the connected check fails, unless disabled (one hop, so it then works)
    ControlPlaneResult ttl1 = run(List.of(r1, N1), d("n1", n1ToR1().local("fd00:fe::11")), d("r1", Nbr.to("n1", 65000, 65001, "fd00:fe::11").passive()));
    assertThat(s(ttl1, "n1", "r1").reason()).isEqualTo(SessionDownReason.NOT_DIRECTLY_CONNECTED);
    ControlPlaneResult dcc = run(List.of(r1, N1), d("n1", n1ToR1().local("fd00:fe::11")),
        d("r1", Nbr.to("n1", 65000, 65001, "fd00:fe::11").passive().noConnectedCheck()));
    assertThat(s(dcc, "n1", "r1").established()).isTrue();
  }

  @Test
  void localSessionOverLoopbackNeedsNoInterface() {
    FakeBgpDaemon bird = new FakeBgpDaemon("n1", "bird", List.of(Nbr.to("cilium", 65000, 65001, "::1").ttl(2).build()), List.of(), true);
    FakeBgpDaemon other = new FakeBgpDaemon("n1", "cilium", List.of(Nbr.to("bird", 65001, 65000, "::1").notListening().build()),
        List.of(IpPrefix.parse("fd00:224::/80")), false);
    ControlPlaneResult r = run(List.of(N1), bird, other);
    assertThat(s(r, "n1", "cilium").established()).isTrue();
    assertThat(s(r, "n1", "cilium").localAddress()).isEqualTo(IpAddr.parse("::1"));
    assertThat(bird.bestRoutes().get(IpPrefix.parse("fd00:224::/80")).attributes().nextHop()).isEqualTo(IpAddr.parse("::1"));
  }

  @Test
  void aDaemonThatCannotPeerOverLoopbackKeepsBothSidesDownWithTheReason() {
    // FRR + zebra (F84 zebra/connected.c drops ::1 / 127.0.0.0/8); lab seed 36 r1: FRR Active, bird FSM error
    FakeBgpDaemon bird = new FakeBgpDaemon("n1", "bird", List.of(Nbr.to("frr", 65000, 65001, "::1").ttl(2).build()), List.of(), true);
    FakeBgpDaemon frr = new FakeBgpDaemon("n1", "frr", List.of(Nbr.to("bird", 65001, 65000, "::1").ttl(2).build()),
        List.of(IpPrefix.parse("fd00:224::/80")), false) {
      @Override
      public boolean peersOverLoopback() {
        return false;
      }
    };
    ControlPlaneResult r = run(List.of(N1), bird, frr);
    for (String id : List.of("frr", "bird")) {
      SessionResult down = s(r, "n1", id);
      assertThat(down.established()).isFalse();
      assertThat(down.reason()).isEqualTo(SessionDownReason.LOOPBACK_UNUSABLE);
      assertThat(down.message()).contains("n1/frr neighbor bird peers over ::1").contains("Waiting for NHT").contains("nexthop_set failed");
    }
    assertThat(bird.bestRoutes()).isEmpty();
    // the same pair over an address on lo comes up
    FakeBgpDaemon bird2 = new FakeBgpDaemon("n1", "bird", List.of(Nbr.to("frr", 65000, 65001, "fd00:fe::11").ttl(2).build()), List.of(), true);
    FakeBgpDaemon frr2 = new FakeBgpDaemon("n1", "frr", List.of(Nbr.to("bird", 65001, 65000, "fd00:fe::11").ttl(2).build()),
        List.of(), false) {
      @Override
      public boolean peersOverLoopback() {
        return false;
      }
    };
    assertThat(s(run(List.of(N1), bird2, frr2), "n1", "frr").established()).isTrue();
  }

  @Test
  void aConfiguredLinkLocalAddressOfTheSharedInterfaceIsTheSessionsSecondNextHop() {
    HostSpec n1 = Hosts.host("n1").iface("eth0", "fd00:1::11/64", "fe80::11/64").build();
    List<SessionContext> seen = new ArrayList<>();
    FakeBgpDaemon n1d = new FakeBgpDaemon("n1", "fake", List.of(n1ToR1().build()), List.of(), true) {
      @Override
      public void open(List<SessionContext> established) {
        seen.addAll(established);
        super.open(established);
      }
    };
    run(List.of(R1, n1), n1d, d("r1", r1ToN1()));
    assertThat(seen).isNotEmpty().allSatisfy(c -> assertThat(c.localLinkLocal()).isEqualTo(IpAddr.parse("fe80::11")));
    // not configured: unknown (the kernel's generated one is not in the snapshot)
    List<SessionContext> none = new ArrayList<>();
    FakeBgpDaemon r1d = new FakeBgpDaemon("r1", "fake", List.of(r1ToN1().build()), List.of(), true) {
      @Override
      public void open(List<SessionContext> established) {
        none.addAll(established);
        super.open(established);
      }
    };
    run(List.of(R1, n1), d("n1", n1ToR1()), r1d);
    assertThat(none).isNotEmpty().allSatisfy(c -> assertThat(c.localLinkLocal()).isNull());
  }

  @Test
  void sessionWhosePathIsLearnedOverBgpComesUpInALaterOuterIteration() {
    // n1 learns fd00:2::/64 from r1 over a direct session, then reaches r2 over it (Batfish's outer fixed point)
    HostSpec r2 = Hosts.host("r2").iface("eth0", "fd00:2::2/64").route("fd00:1::/64", "fd00:2::1").build();
    FakeBgpDaemon r1d = new FakeBgpDaemon("r1", "fake", List.of(r1ToN1().build()), List.of(IpPrefix.parse("fd00:2::/64")), true);
    ControlPlaneResult r = run(List.of(R1, N1, r2), d("n1", n1ToR1(), Nbr.to("r2", 65001, 65002, "fd00:2::2").ttl(2)), r1d,
        d("r2", Nbr.to("n1", 65002, 65001, "fd00:1::11").ttl(2)));
    assertThat(s(r, "n1", "r2").established()).isTrue();
    assertThat(r.outerIterations()).isGreaterThanOrEqualTo(2);
    assertThat(r.converged()).isTrue();
  }
}
