package dev.podpath.lab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.podpath.core.InputException;
import dev.podpath.core.net.IfAddress;
import dev.podpath.core.net.IpAddr;
import dev.podpath.core.net.IpPrefix;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Real-world configs from the corpus (tillycode/homelab-v2, MIT): a node's bird peering Cilium on
 * 127.0.0.1 (passive, multihop 2) and iBGP to a route reflector with "neighbor range". Only the
 * node's Nix interpolation {@code ${routerId}} is resolved here; the node address 10.112.8.10 is
 * chosen inside the documented "Nodes" /24; the pod block is one /24 of "Hasee Pods" 10.112.0.0/21.
 */
@Tag("lab")
class CorpusTillycodeLabTest {

  /** ../shared/corpus from the main checkout; ../../shared/corpus from a worktree under /work/wt. */
  private static final Path HOSTS = Stream.of(Path.of("..", "shared", "corpus"), Path.of("..", "..", "shared", "corpus"))
      .filter(Files::isDirectory).findFirst().orElse(Path.of("..", "shared", "corpus"))
      .resolve("tillycode__homelab-v2").resolve("nixos").resolve("hosts");
  private static final IpPrefix POD_BLOCK = IpPrefix.parse("10.112.0.0/24");
  private static final IpPrefix LB_IP = IpPrefix.parse("10.112.10.1/32");
  private static final IpAddr POD = IpAddr.parse("10.112.0.10");
  private static final IpAddr NODE = IpAddr.parse("10.112.8.10");
  private static final IpAddr ROUTER = IpAddr.parse("10.112.8.1");

  private String nodeVerbatim;
  private String routerVerbatim;

  @BeforeEach
  void read() throws Exception {
    List<String> missing = LabPreconditions.missing(new LabTopology(List.of(), List.of(), List.of()));
    assumeTrue(missing.isEmpty(), () -> "lab unavailable: " + missing);
    assumeTrue(Files.isDirectory(HOSTS), "corpus not present");
    nodeVerbatim = Files.readString(HOSTS.resolve("hasee/bird.nix.extracted-bird.conf")).replace("${routerId}", NODE.toString());
    routerVerbatim = Files.readString(HOSTS.resolve("router/bird.nix.extracted-bird.conf"));
  }

  @Test
  @Timeout(20)
  void verbatimConfigsNeedANewerBird() {
    // lab: BIRD 2.0.12 knows neither "learn all" (kernel) nor "require add paths" (BGP channel);
    // these configs were written for a newer BIRD. bird -p stops at the first error.
    assertThatThrownBy(() -> LabRun.start(topology(nodeVerbatim, routerVerbatim), LabOptions.defaults(), LabListener.NONE))
        .isInstanceOf(InputException.class)
        .hasMessage("tillycode/router/bird.conf:9: bird refuses this config: syntax error, unexpected ALL");
  }

  @Test
  @Timeout(60)
  void withPlainLearnIbgpNextHopsStayUnresolved() {
    try (LabRun run = LabRun.start(topology(for2012(nodeVerbatim), for2012(routerVerbatim)), LabOptions.defaults(), LabListener.NONE)) {
      LabObservation seen = run.awaitConvergence();
      assertThat(seen.converged()).isTrue();
      assertThat(seen.sessions()).filteredOn(s -> !s.rangeTemplate()).hasSize(4)
          .allSatisfy(s -> assertThat(s.established()).isTrue());
      // The RR learned the pod block with next hop self (the node), but iBGP resolves next hops
      // recursively and, without "learn all", BIRD 2.0.12 has no route to the node's subnet.
      assertThat(seen.bgpRoutes("router", POD_BLOCK)).singleElement().satisfies(r -> {
        assertThat(r.nextHop()).isEqualTo(NODE);
        assertThat(r.asPath()).containsExactly(64512L);
        assertThat(r.kind()).isEqualTo("unreachable");
      });
      assertThat(seen.kernelRoutes("router", POD_BLOCK)).singleElement()
          .satisfies(r -> assertThat(r.type()).isEqualTo("unreachable"));
      assertThat(run.probe("router", POD).reached()).isFalse();
      assertNodeKeepsItsPodRoute(seen);
    }
  }

  @Test
  @Timeout(60)
  void withConnectedRoutesInBirdThePodIsReachable() {
    // "learn all" would import the kernel's connected routes; a direct protocol gives BIRD 2.0.12
    // the same routes for next-hop resolution.
    String direct = "\nprotocol direct { ipv4; interface \"eth0\"; }\n";
    LabTopology t = topology(for2012(nodeVerbatim) + direct, for2012(routerVerbatim) + direct);
    try (LabRun run = LabRun.start(t, LabOptions.defaults(), LabListener.NONE)) {
      LabObservation seen = run.awaitConvergence();
      assertThat(seen.converged()).isTrue();
      assertThat(seen.bgpRoutes("router", POD_BLOCK)).singleElement().satisfies(r -> {
        assertThat(r.kind()).isEqualTo("unicast");
        assertThat(r.nextHop()).isEqualTo(NODE);
      });
      assertThat(seen.kernelRoutes("router", POD_BLOCK)).singleElement().satisfies(r -> {
        assertThat(r.protocol()).isEqualTo("bird");
        assertThat(r.nextHops()).containsExactly(new ObservedKernelRoute.NextHop(NODE, "eth0"));
      });
      assertThat(seen.kernelRoutes("router", LB_IP)).singleElement()
          .satisfies(r -> assertThat(r.nextHops()).containsExactly(new ObservedKernelRoute.NextHop(NODE, "eth0")));
      assertNodeKeepsItsPodRoute(seen);
      assertThat(run.probe("router", POD).reached()).isTrue();
      assertThat(run.probe("pod", ROUTER).reached()).isTrue();
    }
  }

  /** The node's kernel export drops routes whose AS path ends in Cilium's AS: no unreachable shadow. */
  private static void assertNodeKeepsItsPodRoute(LabObservation seen) {
    assertThat(seen.bgpRoutes("hasee", POD_BLOCK)).anySatisfy(r -> {
      assertThat(r.from()).isEqualTo("cilium");
      assertThat(r.nextHop()).isEqualTo(IpAddr.parse("127.0.0.1"));
      assertThat(r.kind()).isEqualTo("unreachable");
    });
    assertThat(seen.kernelRoutes("hasee", POD_BLOCK)).singleElement().satisfies(r -> {
      assertThat(r.protocol()).isEqualTo("boot");
      assertThat(r.nextHops()).containsExactly(new ObservedKernelRoute.NextHop(null, "lxc0"));
    });
  }

  /** The two BIRD 2.0.12 adaptations: "learn all" -> "learn", drop "require add paths on". */
  private static String for2012(String conf) {
    return conf.replace("learn all;", "learn;").replace("require add paths on;", "");
  }

  private static LabTopology topology(String nodeConf, String routerConf) {
    LabHost router = new LabHost("router",
        List.of(new LabInterface("eth0", List.of(IfAddress.parse("10.112.8.1/24")), null, null, null)), List.of(), Map.of(),
        new LabConfigText("tillycode/router/bird.conf", routerConf), null);
    LabHost hasee = new LabHost("hasee",
        List.of(new LabInterface("eth0", List.of(IfAddress.parse("10.112.8.10/24")), null, null, null)), List.of(), Map.of(),
        new LabConfigText("tillycode/hasee/bird.conf", nodeConf), null);
    LabSpeaker cilium = new LabSpeaker("hasee", 64512, NODE.toString(),
        List.of(new LabSpeakerPeer(IpAddr.parse("127.0.0.1"), 64513)), null, List.of(POD_BLOCK, LB_IP));
    return new LabTopology(List.of(router, hasee), List.of(cilium), List.of(new LabPod("hasee", "pod", POD_BLOCK, POD)));
  }
}
