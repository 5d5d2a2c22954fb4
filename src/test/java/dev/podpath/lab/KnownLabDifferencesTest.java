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
  void zebraKernelRouteFlapMatchesOnlyTheRedistributedStaticPrefixesOfABirdAndFrrHost() {
    // seed 191 (lab replay alone, --timeout 180, 2026-11-26): still changing after 181 s; r1 runs FRR (`ipv6 route
    // fd00:a:1::/48 blackhole`, `fd00:b:1::/48`, `redistribute static`) and bird2 (kernel6 exports RTS_BGP)
    assertThat(ZebraKernelRouteFlap.prefixes(191)).containsExactly("fd00:a:1::/48", "fd00:b:1::/48");
    LabDifference notConverged = new LabDifference("*", LabDifference.Kind.NOT_CONVERGED, "convergence", "converged", "still changing after 181 s");
    LabDifference flap = new LabDifference("r3", LabDifference.Kind.ROUTE_MISSING, "fib main fd00:a:1::/48 bird", "unreachable metric 32",
        LabDifference.ABSENT);
    List<LabDifference> all = List.of(notConverged, flap);
    assertThat(KnownLabDifferences.attribute(all, 191, notConverged)).contains(KnownLabDifferences.ZEBRA_KERNEL_ROUTE_FLAP);
    assertThat(KnownLabDifferences.attribute(all, 191, flap)).contains(KnownLabDifferences.ZEBRA_KERNEL_ROUTE_FLAP);
    // another prefix of the same seed is not attributed, nor a seed without such a host (seed 1), nor a `network` prefix
    LabDifference other = new LabDifference("r3", LabDifference.Kind.ROUTE_MISSING, "fib main fd00:a:3::/48 bird", "unreachable metric 32",
        LabDifference.ABSENT);
    KnownLabDifferences.Matcher zebra = KnownLabDifferences.ZEBRA_KERNEL_ROUTE_FLAP.matches();
    assertThat(zebra.test(List.of(notConverged, other), 191, other)).isFalse();
    assertThat(ZebraKernelRouteFlap.prefixes(1)).isEmpty();
    assertThat(zebra.test(List.of(notConverged), 1, notConverged)).isFalse();
    // seed 63: r3 runs both, kernel export filtered to RTS_BGP; seed 134: its bird2 exports nothing to the kernel
    assertThat(ZebraKernelRouteFlap.prefixes(63)).containsExactly("fd00:a:3::/48");
    assertThat(ZebraKernelRouteFlap.prefixes(134)).isEmpty();
  }

  @Test
  void openSeedsAttributeOnlyTheirOwnSeedAndSayWhatWasSeen() {
    // seed 43, host r7: real zebra installed the global next hop, the simulation the link-local one
    LabDifference d = new LabDifference("r7", LabDifference.Kind.ROUTE_NEXT_HOP, "fib main fd00:a:3::/48 bgp",
        "via fe80::3:1 dev eth0", "via fd00:0:1::6 dev eth0");
    assertThat(KnownLabDifferences.attribute(List.of(d), 43, d)).contains(KnownLabDifferences.OPEN);
    assertThat(KnownLabDifferences.attribute(List.of(d), 1, d)).isEmpty();
    assertThat(KnownLabDifferences.OPEN_SEEDS.get(43L)).contains("host r7 route-next-hop fib main fd00:a:3::/48 bgp");
    // the two triaged bugs are not listed as open
    assertThat(KnownLabDifferences.OPEN_SEEDS).doesNotContainKeys(3L, 10L);
  }
}
