package dev.podpath.controlplane.cilium;

import static org.assertj.core.api.Assertions.assertThat;

import dev.podpath.controlplane.ControlPlane;
import dev.podpath.controlplane.ControlPlaneResult;
import dev.podpath.controlplane.Hosts;
import dev.podpath.controlplane.KernelRouteText;
import dev.podpath.core.SourceRef;
import dev.podpath.core.net.IpAddr;
import dev.podpath.core.net.IpPrefix;
import dev.podpath.ingest.host.HostSpec;
import dev.podpath.model.network.Network;
import java.util.List;
import org.junit.jupiter.api.Test;

class CiliumAgentRoutesTest {

  static final HostSpec W1 = Hosts.host("w1").iface("eth0", "fd00:101::21/64", "10.101.0.21/24").build();
  static final HostSpec W2 = Hosts.host("w2").iface("eth0", "fd00:101::22/64", "10.101.0.22/24").build();
  // w3 is on another subnet, reached through the router fd00:101::1
  static final HostSpec W1_WITH_DEFAULT = Hosts.host("w1").iface("eth0", "fd00:101::21/64", "10.101.0.21/24").route("::/0", "fd00:101::1").build();

  static CiliumNodeRouting w1(boolean adnr, boolean skip, CiliumNodeRouting.RoutingMode mode, boolean endpointRoutes) {
    return new CiliumNodeRouting("w1", mode, true, true, adnr, skip, endpointRoutes, true,
        IpAddr.parse("10.224.1.1"), IpAddr.parse("fd00:224:1::1"),
        List.of(IpPrefix.parse("fd00:224:1::/80"), IpPrefix.parse("10.224.1.0/24")),
        List.of(new CiliumNodeRouting.RemoteNode("w2", IpAddr.parse("10.101.0.22"), IpAddr.parse("fd00:101::22"),
                List.of(IpPrefix.parse("fd00:224:2::/80"), IpPrefix.parse("10.224.2.0/24")), SourceRef.NONE),
            new CiliumNodeRouting.RemoteNode("w3", null, IpAddr.parse("fd00:102::23"), List.of(IpPrefix.parse("fd00:224:3::/80")), SourceRef.NONE)),
        List.of(new CiliumNodeRouting.Endpoint(IpAddr.parse("fd00:224:1::a"), "lxc1234")), 0, SourceRef.of("cilium/values.yaml", 12));
  }

  static ControlPlaneResult run(HostSpec w1, CiliumNodeRouting c) {
    return ControlPlane.compute(Network.of(List.of(w1, W2)), List.of(), List.of(new CiliumAgentRoutes(c)));
  }

  static List<String> ciliumRoutes(ControlPlaneResult r) {
    return r.fib("w1").entries().stream().filter(e -> e.installer().equals("cilium-agent")).map(e -> KernelRouteText.of(e.route())).toList();
  }

  @Test
  void localNodeRouteFormsPerFamily() {
    ControlPlaneResult r = run(W1, w1(false, false, CiliumNodeRouting.RoutingMode.NATIVE, false));
    assertThat(ciliumRoutes(r)).containsExactly(
        "10.224.1.0/24 via 10.224.1.1 dev cilium_host proto kernel metric 0",
        "fd00:224:1::/80 dev cilium_host proto kernel metric 1024");
  }

  @Test
  void autoDirectNodeRoutesToDirectlyReachableNodes() {
    ControlPlaneResult r = run(W1, w1(true, false, CiliumNodeRouting.RoutingMode.NATIVE, false));
    assertThat(ciliumRoutes(r)).contains(
        "10.224.2.0/24 via 10.101.0.22 dev eth0 proto kernel metric 0",
        "fd00:224:2::/80 via fd00:101::22 dev eth0 proto kernel metric 1024");
    // w3 has no route at all from w1: the agent's RouteGet fails whatever skip-unreachable says
    assertThat(r.findings()).anyMatch(f -> f.code().equals("cilium/agent-route-error") && f.message().contains("fd00:102::23"));
  }

  @Test
  void nodeBehindAGatewayIsAnAgentErrorOrASilentSkip() {
    ControlPlaneResult err = run(W1_WITH_DEFAULT, w1(true, false, CiliumNodeRouting.RoutingMode.NATIVE, false));
    assertThat(err.findings()).anyMatch(f -> f.code().equals("cilium/adnr-not-directly-reachable")
        && f.message().contains("route to destination fd00:102::23 contains gateway fd00:101::1, must be directly reachable"));
    assertThat(ciliumRoutes(err)).noneMatch(s -> s.startsWith("fd00:224:3::"));
    ControlPlaneResult skip = run(W1_WITH_DEFAULT, w1(true, true, CiliumNodeRouting.RoutingMode.NATIVE, false));
    assertThat(skip.findings()).noneMatch(f -> f.code().equals("cilium/adnr-not-directly-reachable"));
    assertThat(skip.findings()).anyMatch(f -> f.code().equals("cilium/adnr-skipped"));
    assertThat(ciliumRoutes(skip)).noneMatch(s -> s.startsWith("fd00:224:3::"));
    assertThat(ciliumRoutes(skip)).contains("fd00:224:2::/80 via fd00:101::22 dev eth0 proto kernel metric 1024");
  }

  @Test
  void noRoutesToOtherNodesWithoutAdnrInNativeMode() {
    ControlPlaneResult r = run(W1, w1(false, false, CiliumNodeRouting.RoutingMode.NATIVE, false));
    assertThat(ciliumRoutes(r)).noneMatch(s -> s.contains("224:2") || s.contains("10.224.2"));
    assertThat(r.fib("w1").lookup(null, IpAddr.parse("fd00:224:2::5"))).isEmpty();
  }

  @Test
  void tunnelModeRoutesRemotePodCidrsViaCiliumHost() {
    ControlPlaneResult r = run(W1, w1(false, false, CiliumNodeRouting.RoutingMode.TUNNEL, false));
    assertThat(ciliumRoutes(r)).contains("fd00:224:2::/80 dev cilium_host proto kernel metric 1024");
  }

  @Test
  void endpointRoutesReplaceTheLocalNodeRoute() {
    ControlPlaneResult r = run(W1, w1(false, false, CiliumNodeRouting.RoutingMode.NATIVE, true));
    assertThat(ciliumRoutes(r)).containsExactly("fd00:224:1::a/128 dev lxc1234 proto kernel metric 1024");
  }
}
