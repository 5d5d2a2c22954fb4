package dev.podpath.lab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.podpath.core.net.IfAddress;
import dev.podpath.core.net.IpAddr;
import dev.podpath.core.net.IpPrefix;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The Cilium stand-in (gobgpd) peering the node's bird over ::1, as in the founding case. */
@Tag("lab")
class CiliumStandInLabTest {

  private static final IpPrefix POD_CIDR = IpPrefix.parse("fd00:101:224::/80");
  private static final IpAddr POD = IpAddr.parse("fd00:101:224::10");
  private static final IpAddr NODE = IpAddr.parse("fd00:101::21");

  private static LabHost node(LabConfigText bird) {
    return new LabHost("w1",
        List.of(new LabInterface("eth0", List.of(IfAddress.parse("fd00:101::21/64")), null, null, null)),
        List.of(), Map.of(), bird, null);
  }

  private static final String BIRD_CONF = """
      router id 10.101.0.21;
      protocol device {}
      protocol direct { ipv6; interface "eth0"; }
      protocol kernel { ipv6 { export all; }; }
      protocol bgp cilium {
        local ::1 as 4210101021;
        neighbor ::1 as 4220101000;
        multihop;
        passive;
        ipv6 { import all; export none; };
      }
      """;

  @BeforeEach
  void requireLab() {
    List<String> missing = LabPreconditions.missing(new LabTopology(List.of(), List.of(), List.of()));
    assumeTrue(missing.isEmpty(), () -> "lab unavailable: " + missing);
  }

  @Test
  @Timeout(60)
  void birdLearnsThePodCidrWithNextHopLoopback() {
    LabHost w1 = node(new LabConfigText("hosts/w1/bird.conf", BIRD_CONF));
    LabSpeaker cilium = new LabSpeaker("w1", 4220101000L, "10.101.0.21",
        List.of(new LabSpeakerPeer(IpAddr.parse("::1"), 4210101021L)), null, List.of(POD_CIDR));
    LabPod pod = new LabPod("w1", "pod-w1", POD_CIDR, POD);
    LabTopology t = new LabTopology(List.of(w1), List.of(cilium), List.of(pod));
    try (LabRun run = LabRun.start(t, LabOptions.defaults(), m -> System.out.println("[lab] " + m))) {
      LabObservation seen = run.awaitConvergence();
      ProbeResult podToNode = run.probe("pod-w1", NODE);
      ProbeResult nodeToPod = run.probe("w1", POD);
      assertThat(seen.converged()).isTrue();
      assertThat(seen.sessionsOf("w1")).hasSize(2).allSatisfy(s -> assertThat(s.state()).isEqualTo(SessionState.ESTABLISHED));
      // The stand-in originates the PodCIDR with next hop :: (GoBGP substitutes the session address).
      assertThat(seen.bgpRoutes("w1", POD_CIDR)).anySatisfy(r -> {
        assertThat(r.daemon()).isEqualTo(LabDaemon.CILIUM_STANDIN);
        assertThat(r.source()).isEqualTo("local");
        assertThat(r.origin()).isEqualTo("IGP");
      });
      assertThat(seen.bgpRoutes("w1", POD_CIDR)).anySatisfy(r -> {
        assertThat(r.daemon()).isEqualTo(LabDaemon.BIRD);
        assertThat(r.from()).isEqualTo("cilium");
        assertThat(r.nextHop()).isEqualTo(IpAddr.parse("::1"));
        assertThat(r.asPath()).containsExactly(4220101000L);
        // lab: bird 2.0.12 resolves next hop ::1 recursively (multihop => gateway recursive) in
        // master6, finds no route for ::1 and marks the route unreachable; it is still best.
        assertThat(r.kind()).isEqualTo("unreachable");
        assertThat(r.best()).isTrue();
      });
      // ...and "export all" puts it in the kernel as an unreachable route with bird's metric 32,
      // which wins over the node's own route to the pod (here metric 1024): the node loses its pods.
      assertThat(seen.kernelRoutes("w1", POD_CIDR)).anySatisfy(r -> {
        assertThat(r.protocol()).isEqualTo("bird");
        assertThat(r.type()).isEqualTo("unreachable");
        assertThat(r.metric()).isEqualTo(32L);
      });
      assertThat(nodeToPod.reached()).as(nodeToPod.toString()).isFalse();
      assertThat(podToNode.reached()).as(podToNode.toString()).isFalse();
    }
  }

  /** Control for the test above: without bird the stand-in pod and its node reach each other. */
  @Test
  @Timeout(30)
  void podAndNodeReachEachOtherWithoutBird() {
    LabTopology t = new LabTopology(List.of(node(null)), List.of(), List.of(new LabPod("w1", "pod-w1", POD_CIDR, POD)));
    try (LabRun run = LabRun.start(t, LabOptions.defaults(), m -> System.out.println("[lab] " + m))) {
      LabObservation seen = run.awaitConvergence();
      assertThat(seen.sessions()).isEmpty();
      assertThat(run.probe("pod-w1", NODE).reached()).isTrue();
      assertThat(run.probe("w1", POD).reached()).isTrue();
    }
  }

  /**
   * The suggested fix "source Cilium's session from the node IP" (peers[].localAddress) with bird
   * peering the node IP: the session comes up and the next hop is the node's own address, which
   * bird still resolves to unreachable, so the pod route on the node stays shadowed.
   */
  @Test
  @Timeout(60)
  void peeringOnTheNodeAddressStillGivesAnUnreachableRouteOnTheNode() {
    String bird = BIRD_CONF.replace("local ::1 as 4210101021;", "local as 4210101021;")
        .replace("neighbor ::1 as 4220101000;", "neighbor fd00:101::21 as 4220101000;");
    LabSpeaker cilium = new LabSpeaker("w1", 4220101000L, "10.101.0.21",
        List.of(new LabSpeakerPeer(NODE, 4210101021L, 179, NODE, 1)), null, List.of(POD_CIDR));
    LabTopology t = new LabTopology(List.of(node(new LabConfigText("hosts/w1/bird.conf", bird))), List.of(cilium),
        List.of(new LabPod("w1", "pod-w1", POD_CIDR, POD)));
    try (LabRun run = LabRun.start(t, LabOptions.defaults(), LabListener.NONE)) {
      LabObservation seen = run.awaitConvergence();
      assertThat(seen.converged()).isTrue();
      assertThat(seen.sessionsOf("w1")).hasSize(2).allSatisfy(s -> assertThat(s.established()).isTrue());
      // lab: next hop = the node's own address -> bird 2.0.12 marks the route unreachable too.
      assertThat(seen.bgpRoutes("w1", POD_CIDR)).filteredOn(r -> r.daemon() == LabDaemon.BIRD).singleElement()
          .satisfies(r -> {
            assertThat(r.nextHop()).isEqualTo(NODE);
            assertThat(r.kind()).isEqualTo("unreachable");
          });
      assertThat(seen.kernelRoutes("w1", POD_CIDR)).anySatisfy(r -> assertThat(r.type()).isEqualTo("unreachable"));
      assertThat(run.probe("w1", POD).reached()).isFalse();
    }
  }
}
