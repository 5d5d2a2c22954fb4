package dev.podpath.lab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.podpath.core.net.IfAddress;
import dev.podpath.core.net.IpAddr;
import dev.podpath.core.net.IpPrefix;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Two runs at once in one JVM (no shared state), the same host names in both; one routes IPv4
 * pod CIDRs between a bird node and an FRR node and pings pod to pod across them, the other has
 * an address-family mismatch that keeps its session down.
 */
@Tag("lab")
class ConcurrentRunsLabTest {

  private static final String BIRD4 = """
      router id 10.1.0.1;
      protocol device {}
      protocol kernel { ipv4 { export all; }; }
      protocol static { ipv4; route 10.244.1.0/24 via "lxc0"; }
      protocol bgp r2 {
        local 10.1.0.1 as 65001;
        neighbor 10.1.0.2 as 65002;
        ipv4 { import all; export where source = RTS_STATIC; };
      }
      """;

  private static final String FRR4 = """
      frr defaults traditional
      hostname r2
      router bgp 65002
       bgp router-id 10.1.0.2
       no bgp ebgp-requires-policy
       neighbor 10.1.0.1 remote-as 65001
       address-family ipv4 unicast
        network 10.244.2.0/24
       exit-address-family
      !
      """;

  private static LabTopology ipv4WithPods() {
    LabHost r1 = new LabHost("r1", List.of(new LabInterface("eth0", List.of(IfAddress.parse("10.1.0.1/24")), null, null, null)),
        List.of(), Map.of(), new LabConfigText("hosts/r1/bird.conf", BIRD4), null);
    LabHost r2 = new LabHost("r2", List.of(new LabInterface("eth0", List.of(IfAddress.parse("10.1.0.2/24")), null, null, null)),
        List.of(), Map.of(), null, new LabConfigText("hosts/r2/frr.conf", FRR4));
    return new LabTopology(List.of(r1, r2), List.of(), List.of(
        new LabPod("r1", "pod-r1", IpPrefix.parse("10.244.1.0/24"), IpAddr.parse("10.244.1.10")),
        new LabPod("r2", "pod-r2", IpPrefix.parse("10.244.2.0/24"), IpAddr.parse("10.244.2.10"))));
  }

  private static LabTopology ipv6Pair() {
    LabHost r1 = new LabHost("r1", List.of(new LabInterface("eth0", List.of(IfAddress.parse("fd00:1::1/64")), null, null, null)),
        List.of(), Map.of(), new LabConfigText("hosts/r1/bird.conf", """
            router id 10.0.0.1;
            protocol device {}
            protocol bgp frr { local fd00:1::1 as 65001; neighbor fd00:1::2 as 65002; ipv6 { import all; export none; }; }
            """), null);
    LabHost r2 = new LabHost("r2", List.of(new LabInterface("eth0", List.of(IfAddress.parse("fd00:1::2/64")), null, null, null)),
        List.of(), Map.of(), null, new LabConfigText("hosts/r2/frr.conf",
            "frr defaults datacenter\nrouter bgp 65002\n bgp router-id 10.0.0.2\n neighbor fd00:1::1 remote-as 65001\n"));
    return new LabTopology(List.of(r1, r2), List.of(), List.of());
  }

  @Test
  @Timeout(60)
  void twoRunsSideBySide() {
    List<String> missing = LabPreconditions.missing(new LabTopology(List.of(), List.of(), List.of()));
    assumeTrue(missing.isEmpty(), () -> "lab unavailable: " + missing);
    LabNames names4 = LabNames.random();
    LabNames names6 = LabNames.random();
    CompletableFuture<ProbeResult[]> v4 = CompletableFuture.supplyAsync(() -> {
      try (LabRun run = LabRun.start(ipv4WithPods(), LabOptions.defaults(), m -> System.out.println("[v4] " + m), names4)) {
        LabObservation seen = run.awaitConvergence();
        assertThat(seen.converged()).isTrue();
        assertThat(seen.kernelRoutes("r1", IpPrefix.parse("10.244.2.0/24"))).singleElement().satisfies(r -> {
          assertThat(r.protocol()).isEqualTo("bird");
          assertThat(r.nextHops()).containsExactly(new ObservedKernelRoute.NextHop(IpAddr.parse("10.1.0.2"), "eth0"));
        });
        assertThat(seen.kernelRoutes("r2", IpPrefix.parse("10.244.1.0/24"))).singleElement()
            .satisfies(r -> assertThat(r.protocol()).isEqualTo("bgp"));
        return new ProbeResult[] {
            run.probe("pod-r1", IpAddr.parse("10.244.2.10")), run.probe("pod-r2", IpAddr.parse("10.244.1.10"))};
      }
    });
    CompletableFuture<LabObservation> v6 = CompletableFuture.supplyAsync(() -> {
      try (LabRun run = LabRun.start(ipv6Pair(), LabOptions.defaults(), m -> System.out.println("[v6] " + m), names6)) {
        assertThat(LabSafetyLabTest.namespacesOf(names6)).hasSize(3);
        return run.awaitConvergence();
      }
    });
    ProbeResult[] probes = v4.join();
    LabObservation six = v6.join();
    assertThat(probes).allSatisfy(p -> assertThat(p.reached()).as(p.toString()).isTrue());
    assertThat(six.converged()).isTrue();
    // lab: an FRR neighbor never activated for IPv6 unicast offers only IPv4 unicast (FRR's
    // default "bgp default ipv4-unicast"); bird, with only an ipv6 channel, refuses the session.
    // Which side notices first is timing: bird's last error is "BGP Error: ..." when bird sent
    // the notification, "Received: ..." when it got FRR's (lab, -Plab run 2026-11-26 13:05).
    assertThat(six.sessionsOf("r1")).singleElement().satisfies(s -> {
      assertThat(s.state()).isEqualTo(SessionState.IDLE);
      assertThat(s.detail()).isIn("BGP Error: Required capability missing", "Received: Required capability missing");
    });
    assertThat(six.sessionsOf("r2")).singleElement().satisfies(s -> assertThat(s.established()).isFalse());
    // Only this test's own runs: other labs may be running on the machine.
    assertThat(LabSafetyLabTest.namespacesOf(names4)).isEmpty();
    assertThat(LabSafetyLabTest.namespacesOf(names6)).isEmpty();
  }
}
