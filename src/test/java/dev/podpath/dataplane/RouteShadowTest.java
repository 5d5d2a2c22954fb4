package dev.podpath.dataplane;

import static dev.podpath.dataplane.Fixtures.ip;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A routing daemon installs a more specific route for part of the node's own pod CIDR pointing
 * away from cilium_host. Which paths it breaks depends on who consults the kernel FIB:
 * host-originated traffic (kubelet probes) always does; traffic from the network does only with
 * legacy host routing (cilium bpf/bpf_host.c handle_ipv6_cont: #ifndef ENABLE_HOST_ROUTING
 * return CTX_ACT_OK; with it, lookup_ip6_endpoint -> ipv6_local_delivery).
 */
class RouteShadowTest {

  private static TestNetwork net() {
    return EastWest.network()
        .outside("lan", "upstream fd00:101::fffe")
        // bird on w2 exported a /96 inside w2's own /80 towards the upstream.
        .route("w2", "fd00:101:224:2::/96 via fd00:101::fffe proto bird");
  }

  private static final ServiceTable NONE = ServiceTable.of(List.of());

  @Test
  void hostOriginatedTrafficToALocalPodFollowsTheShadowingRoute() {
    TestNetwork n = net();
    FlowSpec probe = FlowSpec.tcp(new FlowSpec.Source.HostProcess("w2", ip("fd00:101::22")), ip("fd00:101:224:2::10"), 8080);
    FlowTrace t = PacketWalk.trace(probe, EastWest.kpr().withHostLegacyRouting(false), n, NONE, n);

    assertThat(t.works()).isFalse();
    assertThat(t.disposition()).isEqualTo(Disposition.EXITS_NETWORK);
    assertThat(t.representative().endedIn()).isEqualTo(Direction.REQUEST);
    assertThat(t.forward()).anySatisfy(s -> {
      assertThat(s.actor()).isEqualTo("kernel FIB main");
      assertThat(s.rule()).contains("shadows Cilium's");
    });
  }

  @Test
  void withBpfHostRoutingTrafficFromTheNetworkBypassesTheShadowingRoute() {
    TestNetwork n = net();
    FlowSpec aToB = FlowSpec.tcp(new FlowSpec.Source.Pod(ip("fd00:101:224:1::10")), ip("fd00:101:224:2::10"), 8080);
    FlowTrace t = PacketWalk.trace(aToB, EastWest.kpr().withHostLegacyRouting(false), n, NONE, n);

    assertThat(t.works()).as(t.toString()).isTrue();
    assertThat(t.forward()).anySatisfy(s -> {
      assertThat(s.host()).isEqualTo("w2");
      assertThat(s.actor()).isEqualTo("bpf_host from-netdev eth0");
      assertThat(s.rule()).contains("kernel FIB bypassed");
    });
  }

  @Test
  void withLegacyHostRoutingTrafficFromTheNetworkIsShadowedToo() {
    TestNetwork n = net();
    FlowSpec aToB = FlowSpec.tcp(new FlowSpec.Source.Pod(ip("fd00:101:224:1::10")), ip("fd00:101:224:2::10"), 8080);
    FlowTrace t = PacketWalk.trace(aToB, EastWest.kpr().withHostLegacyRouting(true), n, NONE, n);

    assertThat(t.works()).isFalse();
    assertThat(t.representative().endedAt()).isEqualTo("w2");
    assertThat(t.representative().endedIn()).isEqualTo(Direction.REQUEST);
    assertThat(t.disposition()).isEqualTo(Disposition.EXITS_NETWORK);
  }
}
