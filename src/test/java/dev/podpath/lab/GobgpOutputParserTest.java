package dev.podpath.lab;

import static org.assertj.core.api.Assertions.assertThat;

import dev.podpath.core.net.IpAddr;
import org.junit.jupiter.api.Test;

class GobgpOutputParserTest {

  @Test
  void establishedNeighbor() {
    assertThat(GobgpOutputParser.sessions("w1", Samples.read("gobgp-neighbor.json"))).singleElement().satisfies(s -> {
      assertThat(s.daemon()).isEqualTo(LabDaemon.CILIUM_STANDIN);
      assertThat(s.state()).isEqualTo(SessionState.ESTABLISHED);
      assertThat(s.peerAddress()).isEqualTo(IpAddr.parse("::1"));
      assertThat(s.peerAsn()).isEqualTo(65001L);
      assertThat(s.localAsn()).isEqualTo(65010L);
    });
  }

  @Test
  void locallyOriginatedPath() {
    var routes = GobgpOutputParser.routes("w1", Samples.read("gobgp-rib-ipv6.json"));
    assertThat(routes).extracting(r -> r.prefix().toString()).containsExactly("fd00:101:224::/80", "fd00:101:225::/80");
    assertThat(routes).allSatisfy(r -> {
      assertThat(r.source()).isEqualTo("local");
      assertThat(r.nextHop()).isEqualTo(IpAddr.parse("::"));
      assertThat(r.best()).isTrue();
    });
    // lab: "global rib add" without "origin igp" gives ORIGIN incomplete; Cilium's paths carry IGP.
    assertThat(routes.get(0).origin()).isEqualTo("Incomplete");
    assertThat(routes.get(1).origin()).isEqualTo("IGP");
  }

  @Test
  void stateNumbers() {
    assertThat(GobgpOutputParser.fromNumber(3)).isEqualTo(SessionState.ACTIVE);
    assertThat(GobgpOutputParser.fromNumber(6)).isEqualTo(SessionState.ESTABLISHED);
    assertThat(GobgpOutputParser.fromNumber(42)).isEqualTo(SessionState.UNKNOWN);
  }
}
