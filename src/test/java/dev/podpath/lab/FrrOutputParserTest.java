package dev.podpath.lab;

import static org.assertj.core.api.Assertions.assertThat;

import dev.podpath.core.net.IpAddr;
import dev.podpath.core.net.IpPrefix;
import java.util.List;
import org.junit.jupiter.api.Test;

class FrrOutputParserTest {

  @Test
  void sessionCountsAreSummedOverAddressFamilies() {
    List<ObservedSession> s = FrrOutputParser.sessions("r2", Samples.read("frr-summary.json"));
    assertThat(s).singleElement().satisfies(x -> {
      assertThat(x.vrf()).isEqualTo("default");
      assertThat(x.peerAddress()).isEqualTo(IpAddr.parse("fd00:1::1"));
      assertThat(x.state()).isEqualTo(SessionState.ESTABLISHED);
      assertThat(x.peerAsn()).isEqualTo(65001L);
      assertThat(x.localAsn()).isEqualTo(65002L);
      assertThat(x.routesImported()).isEqualTo(1);
      assertThat(x.routesExported()).isEqualTo(2);
      assertThat(x.detail()).isEmpty();
    });
  }

  @Test
  void rfc8212ShowsPolicy() {
    assertThat(FrrOutputParser.sessions("r2", Samples.read("frr-summary-rfc8212.json"))).singleElement().satisfies(x -> {
      assertThat(x.state()).isEqualTo(SessionState.ESTABLISHED);
      assertThat(x.detail()).isEqualTo("Policy");
      assertThat(x.routesImported()).isZero();
    });
  }

  @Test
  void activePeers() {
    assertThat(FrrOutputParser.sessions("b", Samples.read("frr-summary-down.json")))
        .extracting(ObservedSession::state).containsOnly(SessionState.ACTIVE).hasSize(2);
  }

  @Test
  void learnedAndLocalPaths() {
    List<ObservedBgpRoute> r = FrrOutputParser.routes("r2", Samples.read("frr-ipv6-unicast.json"));
    assertThat(r).hasSize(2);
    ObservedBgpRoute learned = r.stream().filter(x -> x.prefix().equals(IpPrefix.parse("fd00:aa::/64"))).findFirst().orElseThrow();
    assertThat(learned.source()).isEqualTo("bgp");
    assertThat(learned.from()).isEqualTo("fd00:1::1");
    // The global next hop, not the link-local one FRR actually uses ("used":true).
    assertThat(learned.nextHop()).isEqualTo(IpAddr.parse("fd00:1::1"));
    assertThat(learned.asPath()).containsExactly(65001L);
    assertThat(learned.best()).isTrue();
    assertThat(learned.origin()).isEqualTo("IGP");
    ObservedBgpRoute local = r.stream().filter(x -> x.prefix().equals(IpPrefix.parse("fd00:bb::/64"))).findFirst().orElseThrow();
    assertThat(local.source()).isEqualTo("local");
    assertThat(local.asPath()).isEmpty();
    assertThat(local.med()).isEqualTo(0L);
    assertThat(local.attributes()).containsEntry("weight", "32768");
  }

  @Test
  void emptyVrf() {
    assertThat(FrrOutputParser.routes("r2", Samples.read("frr-ipv4-unicast.json"))).isEmpty();
  }
}
