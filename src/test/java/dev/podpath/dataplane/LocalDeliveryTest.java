package dev.podpath.dataplane;

import static dev.podpath.dataplane.Fixtures.ip;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Pod to pod on the same node. cilium bpf/bpf_lxc.c handle_ipv6_from_lxc: with ENABLE_ROUTING
 * (no endpoint routes) or ENABLE_HOST_ROUTING the local endpoint is delivered by bpf_lxc;
 * with endpoint routes and legacy host routing the kernel FIB routes it.
 */
class LocalDeliveryTest {

  private static FlowTrace trace(DatapathSettings s) {
    TestNetwork n = EastWest.network().pod("default/a2", "fd00:101:224:1::11", "w1");
    FlowSpec f = FlowSpec.tcp(new FlowSpec.Source.Pod(ip("fd00:101:224:1::10")), ip("fd00:101:224:1::11"), 80);
    return PacketWalk.trace(f, s, n, ServiceTable.of(List.of()), n);
  }

  @Test
  void withoutEndpointRoutesBpfLxcDeliversLocallyWithoutTheKernelFib() {
    FlowTrace t = trace(EastWest.kpr().withEndpointRoutes(false));
    assertThat(t.works()).as(t.toString()).isTrue();
    assertThat(t.forward()).noneMatch(s -> s.actor().startsWith("kernel FIB"));
    assertThat(t.forward().get(0).rule()).contains("local endpoint default/a2");
  }

  @Test
  void withEndpointRoutesAndLegacyRoutingTheKernelRoutesIt() {
    FlowTrace t = trace(EastWest.kpr().withEndpointRoutes(true));
    assertThat(t.works()).as(t.toString()).isTrue();
    assertThat(t.forward()).anyMatch(s -> s.actor().equals("kernel FIB main"));
    assertThat(t.forward()).anyMatch(s -> s.rule().startsWith("pass_to_stack"));
  }
}
