package dev.podpath.lab;

import static org.assertj.core.api.Assertions.assertThat;

import dev.podpath.core.net.IpAddr;
import dev.podpath.core.net.IpPrefix;
import java.util.List;
import org.junit.jupiter.api.Test;

class BirdOutputParserTest {

  @Test
  void establishedSessionWithRouteCounts() {
    List<ObservedSession> s = BirdOutputParser.sessions("r1", Samples.read("birdc-show-protocols-all.txt"));
    assertThat(s).singleElement().satisfies(x -> {
      assertThat(x.name()).isEqualTo("up1");
      assertThat(x.daemon()).isEqualTo(LabDaemon.BIRD);
      assertThat(x.state()).isEqualTo(SessionState.ESTABLISHED);
      assertThat(x.peerAddress()).isEqualTo(IpAddr.parse("fd00:1::2"));
      assertThat(x.peerAsn()).isEqualTo(65002L);
      assertThat(x.localAsn()).isEqualTo(65001L);
      assertThat(x.routesImported()).isEqualTo(1);
      assertThat(x.routesExported()).isEqualTo(1);
      assertThat(x.detail()).isEmpty();
    });
  }

  @Test
  void idleWithLastErrorAndDisabledProtocol() {
    List<ObservedSession> s = BirdOutputParser.sessions("r1", Samples.read("birdc-show-protocols-errors.txt"));
    assertThat(s).extracting(ObservedSession::name).containsExactly("wrongas", "offpeer");
    assertThat(s.get(0).state()).isEqualTo(SessionState.IDLE);
    assertThat(s.get(0).detail()).isEqualTo("BGP Error: Bad peer AS");
    assertThat(s.get(0).routesImported()).isNull();
    assertThat(s.get(1).state()).isEqualTo(SessionState.DOWN);
    assertThat(s.get(1).peerAddress()).isEqualTo(IpAddr.parse("10.1.0.3"));
  }

  @Test
  void neighborRangeIsATemplate() {
    assertThat(BirdOutputParser.sessions("router", Samples.read("birdc-show-protocols-range.txt"))).singleElement().satisfies(x -> {
      assertThat(x.name()).isEqualTo("svc");
      assertThat(x.peerAddress()).isNull();
      assertThat(x.detail()).isEqualTo("neighbor range 10.112.8.0/24");
      assertThat(x.rangeTemplate()).isTrue();
      assertThat(x.state()).isEqualTo(SessionState.ACTIVE);
    });
  }

  @Test
  void loopbackPeerOfTheCiliumStandIn() {
    List<ObservedSession> s = BirdOutputParser.sessions("w1", Samples.read("birdc-show-protocols-all-cilium.txt"));
    assertThat(s).extracting(ObservedSession::name).containsExactly("up1", "cilium");
    assertThat(s.get(1).peerAddress()).isEqualTo(IpAddr.parse("::1"));
    assertThat(s.get(1).state()).isEqualTo(SessionState.ESTABLISHED);
    assertThat(s.get(1).routesImported()).isEqualTo(2);
    assertThat(SessionState.parse("Passive")).isEqualTo(SessionState.ACTIVE);
  }

  @Test
  void bgpStaticAndDeviceRoutes() {
    List<ObservedBgpRoute> r = BirdOutputParser.routes("r1", Samples.read("birdc-show-route-all.txt"));
    assertThat(r).extracting(ObservedBgpRoute::prefix).extracting(IpPrefix::toString)
        .containsExactly("fd00:bb::/64", "fd00:aa::/64", "fd00:1::/64");
    ObservedBgpRoute bgp = r.get(0);
    assertThat(bgp.table()).isEqualTo("master6");
    assertThat(bgp.source()).isEqualTo("bgp");
    assertThat(bgp.from()).isEqualTo("up1");
    assertThat(bgp.best()).isTrue();
    assertThat(bgp.kind()).isEqualTo("unicast");
    assertThat(bgp.asPath()).containsExactly(65002L);
    assertThat(bgp.origin()).isEqualTo("IGP");
    assertThat(bgp.nextHop()).isEqualTo(IpAddr.parse("fd00:1::2"));
    assertThat(bgp.localPref()).isEqualTo(100L);
    assertThat(bgp.med()).isEqualTo(0L);
    assertThat(r.get(1).kind()).isEqualTo("unreachable");
    assertThat(r.get(1).source()).isEqualTo("static");
    assertThat(r.get(2).source()).isEqualTo("device");
    assertThat(r.get(2).nextHop()).isNull();
  }

  @Test
  void multihopRouteFromLoopbackIsUnreachable() {
    List<ObservedBgpRoute> r = BirdOutputParser.routes("w1", Samples.read("birdc-show-route-all-cilium.txt"));
    assertThat(r).filteredOn(x -> x.from().equals("cilium")).hasSize(2).allSatisfy(x -> {
      assertThat(x.kind()).isEqualTo("unreachable");
      assertThat(x.nextHop()).isEqualTo(IpAddr.parse("::1"));
      assertThat(x.asPath()).containsExactly(65010L);
    });
    assertThat(r).filteredOn(x -> x.prefix().equals(IpPrefix.parse("fd00:101:224::/80")))
        .singleElement().satisfies(x -> assertThat(x.origin()).isEqualTo("Incomplete"));
  }

  @Test
  void secondRouteForTheSameNetKeepsTheNet() {
    List<ObservedBgpRoute> r = BirdOutputParser.routes("m", Samples.read("birdc-show-route-two-routes.txt"));
    assertThat(r).hasSize(2).allSatisfy(x -> assertThat(x.prefix()).isEqualTo(IpPrefix.parse("fd00:cc::/64")));
    assertThat(r.get(0).best()).isTrue();
    assertThat(r.get(0).kind()).isEqualTo("blackhole");
    assertThat(r.get(1).best()).isFalse();
    assertThat(r.get(1).from()).isEqualTo("s2");
    assertThat(r.get(1).kind()).isEqualTo("unreachable");
  }

  @Test
  void ipv4TableAndGateway() {
    List<ObservedBgpRoute> r = BirdOutputParser.routes("a", Samples.read("birdc-show-route-static4.txt"));
    assertThat(r).extracting(ObservedBgpRoute::table).containsOnly("master4");
    assertThat(r.get(1).nextHop()).isEqualTo(IpAddr.parse("10.1.0.2"));
    assertThat(r.get(0).kind()).isEqualTo("blackhole");
  }
}
