package dev.podpath.lab;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Each known difference matches the differences it was recorded from (lab, 2026-11-26) and nothing near them. */
class KnownLabDifferencesTest {

  // seed 3, host r6 (differential lab run, 2026-11-26)
  private static final LabDifference ECMP = new LabDifference("r6", LabDifference.Kind.ROUTE_NEXT_HOP, "fib main fd00:a:1::/48 bgp",
      "via fd00:0:2::1 dev eth0", "via fe80::e2:b2ff:fe77:3775 dev eth0, via fe80::c44b:4bff:fe00:a229 dev eth0");
  // seed 36, host r1
  private static final LabDifference LOOPBACK = new LabDifference("r1", LabDifference.Kind.SESSION_STATE, "session frr 127.0.0.1",
      "Established", "ACTIVE");
  private static final LabDifference LOOPBACK_BIRD = new LabDifference("r1", LabDifference.Kind.SESSION_STATE,
      "session bird localhost_v4 (127.0.0.1)", "Established", "IDLE (Received: Finite state machine error)");
  private static final LabDifference CASCADE = new LabDifference("r1", LabDifference.Kind.ROUTE_MISSING, "fib main 172.16.1.0/24 bird",
      "unreachable metric 32", LabDifference.ABSENT);

  @Test
  void theFixedFrrBugsAreNoLongerExcused() {
    // frr-multipath (maximum-paths default MULTIPATH_NUM) and frr-zebra-loopback-peer (session down
    // reason LOOPBACK_UNUSABLE) were fixed in the simulation: such a difference must fail the lab again
    assertThat(KnownLabDifferences.ALL).extracting(KnownLabDifferences::id).doesNotContain("frr-multipath", "frr-zebra-loopback-peer");
    for (LabDifference d : List.of(ECMP, LOOPBACK, LOOPBACK_BIRD, CASCADE)) {
      assertThat(KnownLabDifferences.attribute(List.of(LOOPBACK, CASCADE, d), d == ECMP ? 3 : 36, d)).isEmpty();
    }
  }

  @Test
  void openSeedsAttributeOnlyTheirOwnSeedAndSayWhatWasSeen() {
    // seed 110, host r2: bird's best next hop differs from podpath's
    LabDifference d = new LabDifference("r2", LabDifference.Kind.ROUTE_NEXT_HOP, "fib main fd00:a:6::/48 bird",
        "via fd00:0:1::5 dev eth0", "via fd00:0:1::3 dev eth0");
    assertThat(KnownLabDifferences.attribute(List.of(d), 110, d)).contains(KnownLabDifferences.OPEN);
    assertThat(KnownLabDifferences.attribute(List.of(d), 1, d)).isEmpty();
    assertThat(KnownLabDifferences.OPEN_SEEDS.get(110L)).contains("host r2 route-next-hop fib main fd00:a:6::/48 bird");
    // the two triaged bugs are not listed as open
    assertThat(KnownLabDifferences.OPEN_SEEDS).doesNotContainKeys(3L, 10L);
  }
}
