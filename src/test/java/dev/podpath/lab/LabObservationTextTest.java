package dev.podpath.lab;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class LabObservationTextTest {

  @Test
  void oneSortedLinePerFact() {
    LabObservation o = new LabObservation(
        FrrOutputParser.sessions("r2", Samples.read("frr-summary-rfc8212.json")),
        BirdOutputParser.routes("w1", Samples.read("birdc-show-route-all-cilium.txt")),
        KernelRouteParser.routes("w1", Samples.read("ip-6-route-bird-unreachable.json"), true, false),
        true, Duration.ofMillis(7600));
    var lines = LabObservationText.lines(o);
    assertThat(lines.get(0)).isEqualTo("converged after 7.6 s");
    assertThat(lines).contains("session r2 frr fd00:1::1 peer fd00:1::1 AS65001: ESTABLISHED (Policy), 0 in / 0 out");
    assertThat(lines).contains("rib w1 bird master6 fd00:101:224::/80 * unreachable from bgp:cilium via ::1 as-path [65010] Incomplete");
    assertThat(lines).contains("fib w1 table main unreachable fd00:101:224::/80 proto bird metric 32 dev lo");
  }

  @Test
  void jsonUsesStringsForAddressesAndOmitsNulls() {
    LabObservation o = new LabObservation(
        BirdOutputParser.sessions("w1", Samples.read("birdc-show-protocols-all-cilium.txt")),
        BirdOutputParser.routes("w1", Samples.read("birdc-show-route-all-cilium.txt")),
        KernelRouteParser.routes("w1", Samples.read("ip-6-route-bird-unreachable.json"), true, false),
        false, Duration.ofMillis(1234));
    var json = LabObservationJson.tree(o);
    assertThat(json.get("converged").asBoolean()).isFalse();
    assertThat(json.get("elapsedMillis").asLong()).isEqualTo(1234);
    assertThat(json.get("sessions").get(0).get("name").asText()).isEqualTo("cilium");
    assertThat(json.get("sessions").get(0).get("peerAddress").asText()).isEqualTo("::1");
    assertThat(json.get("sessions").get(0).get("routesImported").asLong()).isEqualTo(2);
    assertThat(json.get("sessions").get(0).has("detail")).isFalse();
    var rib = json.get("bgpRoutes");
    assertThat(rib).anySatisfy(r -> {
      assertThat(r.get("prefix").asText()).isEqualTo("fd00:101:224::/80");
      assertThat(r.get("nextHop").asText()).isEqualTo("::1");
      assertThat(r.get("asPath").get(0).asLong()).isEqualTo(65010);
    });
    assertThat(json.get("kernelRoutes")).anySatisfy(k -> {
      assertThat(k.get("type").asText()).isEqualTo("unreachable");
      assertThat(k.get("nextHops").get(0).get("dev").asText()).isEqualTo("lo");
      assertThat(k.get("nextHops").get(0).has("gateway")).isFalse();
    });
  }
}
