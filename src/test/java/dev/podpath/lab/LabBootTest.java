package dev.podpath.lab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.podpath.core.net.IfAddress;
import dev.podpath.core.net.IpAddr;
import dev.podpath.core.net.IpPrefix;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Boots real bird2 / FRR / gobgpd in network namespaces (Linux, root; run with -Plab). Each test
 * asserts what the real daemons did; try-with-resources tears the run down even on failure.
 */
@Tag("lab")
class LabBootTest {

  private static final IpPrefix BIRD_NET = IpPrefix.parse("fd00:aa::/64");
  private static final IpPrefix FRR_NET = IpPrefix.parse("fd00:bb::/64");

  private static final String BIRD_CONF = """
      router id 10.0.0.1;
      protocol device {}
      protocol direct { ipv6; interface "eth0"; }
      protocol kernel { ipv6 { export all; }; }
      protocol static { ipv6; route fd00:aa::/64 unreachable; }
      protocol bgp frr {
        local fd00:1::1 as 65001;
        neighbor fd00:1::2 as 65002;
        ipv6 { import all; export where source = RTS_STATIC; };
      }
      """;

  private static String frrConf(String profile, boolean requirePolicy) {
    return """
        frr defaults %s
        hostname r2
        log syslog informational
        router bgp 65002
         bgp router-id 10.0.0.2
        %s
         neighbor fd00:1::1 remote-as 65001
         address-family ipv6 unicast
          network fd00:bb::/64
          neighbor fd00:1::1 activate
         exit-address-family
        !
        ipv6 route fd00:bb::/64 blackhole
        """.formatted(profile, requirePolicy ? "" : " no bgp ebgp-requires-policy");
  }

  private final StringBuilder progress = new StringBuilder();
  private final LabListener listener = m -> {
    progress.append(m).append('\n');
    System.out.println("[lab] " + m);
  };

  @BeforeEach
  void requireLab() {
    List<String> missing = LabPreconditions.missing(new LabTopology(List.of(), List.of(), List.of()));
    assumeTrue(missing.isEmpty(), () -> "lab unavailable: " + missing);
  }

  private static LabTopology birdAndFrr(boolean requirePolicy) {
    return birdAndFrr("traditional", requirePolicy);
  }

  private static LabTopology birdAndFrr(String profile, boolean requirePolicy) {
    LabHost r1 = new LabHost("r1", List.of(new LabInterface("eth0", List.of(IfAddress.parse("fd00:1::1/64")), null, null, null)),
        List.of(), Map.of(), new LabConfigText("hosts/r1/bird.conf", BIRD_CONF), null);
    LabHost r2 = new LabHost("r2", List.of(new LabInterface("eth0", List.of(IfAddress.parse("fd00:1::2/64")), null, null, null)),
        List.of(), Map.of(), null, new LabConfigText("hosts/r2/frr.conf", frrConf(profile, requirePolicy)));
    return new LabTopology(List.of(r1, r2), List.of(), List.of());
  }

  @Test
  @Timeout(60)
  void birdAndFrrExchangePrefixesOverIpv6() {
    LabRun kept;
    long t0 = System.nanoTime();
    try (LabRun run = LabRun.start(birdAndFrr(false), LabOptions.defaults(), listener)) {
      kept = run;
      LabObservation seen = run.awaitConvergence();
      System.out.printf("[lab] 2-node bird<->FRR: boot+converge %.1f s (converge %.1f s after daemons started)%n",
          (System.nanoTime() - t0) / 1e9, seen.elapsed().toMillis() / 1000.0);

      assertThat(seen.converged()).isTrue();
      assertThat(seen.sessionsOf("r1")).singleElement().satisfies(s -> {
        assertThat(s.daemon()).isEqualTo(LabDaemon.BIRD);
        assertThat(s.state()).isEqualTo(SessionState.ESTABLISHED);
        assertThat(s.peerAddress()).isEqualTo(IpAddr.parse("fd00:1::2"));
        assertThat(s.routesImported()).isEqualTo(1);
      });
      assertThat(seen.sessionsOf("r2")).singleElement().satisfies(s -> {
        assertThat(s.daemon()).isEqualTo(LabDaemon.FRR);
        assertThat(s.state()).isEqualTo(SessionState.ESTABLISHED);
        assertThat(s.peerAsn()).isEqualTo(65001L);
        assertThat(s.routesImported()).isEqualTo(1);
      });
      // bird learned FRR's prefix and its kernel protocol exported it.
      assertThat(seen.bgpRoutes("r1", FRR_NET)).singleElement().satisfies(r -> {
        assertThat(r.source()).isEqualTo("bgp");
        assertThat(r.asPath()).containsExactly(65002L);
        assertThat(r.nextHop()).isEqualTo(IpAddr.parse("fd00:1::2"));
        assertThat(r.best()).isTrue();
      });
      assertThat(seen.kernelRoutes("r1", FRR_NET)).singleElement().satisfies(r -> {
        assertThat(r.protocol()).isEqualTo("bird");
        assertThat(r.nextHops()).containsExactly(new ObservedKernelRoute.NextHop(IpAddr.parse("fd00:1::2"), "eth0"));
      });
      // FRR learned bird's prefix and zebra installed it.
      assertThat(seen.bgpRoutes("r2", BIRD_NET)).singleElement().satisfies(r -> {
        assertThat(r.asPath()).containsExactly(65001L);
        assertThat(r.best()).isTrue();
      });
      assertThat(seen.kernelRoutes("r2", BIRD_NET)).singleElement().satisfies(r -> {
        assertThat(r.protocol()).isEqualTo("bgp");
        assertThat(r.nextHops()).singleElement().satisfies(h -> assertThat(h.dev()).isEqualTo("eth0"));
      });
      // FRR's own origination is in its RIB as a local path, and staticd installed the blackhole.
      assertThat(seen.bgpRoutes("r2", FRR_NET)).anySatisfy(r -> assertThat(r.source()).isEqualTo("local"));
      assertThat(seen.kernelRoutes("r2", FRR_NET)).singleElement()
          .satisfies(r -> assertThat(r.type()).isEqualTo("blackhole"));
    }
    assertTornDown(kept);
  }

  @Test
  @Timeout(60)
  void frrTraditionalRequiresPolicyOnEbgp() {
    LabRun kept;
    try (LabRun run = LabRun.start(birdAndFrr(true), LabOptions.defaults(), listener)) {
      kept = run;
      LabObservation seen = run.awaitConvergence();
      assertThat(seen.converged()).isTrue();
      // lab: FRR 8.4.4 with "frr defaults traditional" keeps RFC 8212 on: the session comes up,
      // peerState "Policy", nothing accepted and nothing sent.
      assertThat(seen.sessionsOf("r2")).singleElement().satisfies(s -> {
        assertThat(s.state()).isEqualTo(SessionState.ESTABLISHED);
        assertThat(s.detail()).isEqualTo("Policy");
        assertThat(s.routesImported()).isZero();
        assertThat(s.routesExported()).isZero();
      });
      assertThat(seen.sessionsOf("r1")).singleElement().satisfies(s -> {
        assertThat(s.state()).isEqualTo(SessionState.ESTABLISHED);
        assertThat(s.routesImported()).isZero();
      });
      assertThat(seen.bgpRoutes("r2", BIRD_NET)).isEmpty();
      assertThat(seen.kernelRoutes("r2", BIRD_NET)).isEmpty();
      assertThat(seen.bgpRoutes("r1", FRR_NET)).isEmpty();
      assertThat(seen.kernelRoutes("r1", FRR_NET)).isEmpty();
    }
    assertTornDown(kept);
  }

  @Test
  @Timeout(60)
  void frrDatacenterProfileDoesNotRequirePolicy() {
    try (LabRun run = LabRun.start(birdAndFrr("datacenter", true), LabOptions.defaults(), listener)) {
      LabObservation seen = run.awaitConvergence();
      assertThat(seen.converged()).isTrue();
      // lab: FRR 8.4.4 "frr defaults datacenter" turns bgp ebgp-requires-policy off.
      assertThat(seen.sessionsOf("r2")).singleElement().satisfies(s -> {
        assertThat(s.state()).isEqualTo(SessionState.ESTABLISHED);
        assertThat(s.detail()).isEmpty();
        assertThat(s.routesImported()).isEqualTo(1);
      });
      assertThat(seen.kernelRoutes("r2", BIRD_NET)).hasSize(1);
      assertThat(seen.kernelRoutes("r1", FRR_NET)).hasSize(1);
    }
  }

  private static void assertTornDown(LabRun run) {
    List<String> left = CommandRunner.run(List.of("ip", "netns", "list"), Duration.ofSeconds(5)).out().lines()
        .filter(l -> l.startsWith(run.prefix())).toList();
    assertThat(left).as("namespaces left behind").isEmpty();
    assertThat(Files.exists(run.workDir())).as("run directory left behind").isFalse();
  }
}
