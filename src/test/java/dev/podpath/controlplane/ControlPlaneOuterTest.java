package dev.podpath.controlplane;

import static org.assertj.core.api.Assertions.assertThat;

import dev.podpath.core.SourceRef;
import dev.podpath.core.net.IpAddr;
import dev.podpath.core.net.IpPrefix;
import dev.podpath.ingest.host.HostSpec;
import dev.podpath.model.network.Network;
import dev.podpath.model.routing.KernelRoute;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The outer fixed point (sessions <-> FIBs), VRF sessions and IPv4 sessions. */
class ControlPlaneOuterTest {

  static final HostSpec R1 = Hosts.host("r1").iface("eth0", "fd00:1::1/64").iface("eth1", "fd00:2::1/64").build();
  static final HostSpec N1 = Hosts.host("n1").iface("eth0", "fd00:1::11/64").route("fd00:2::/64", "fd00:1::1").build();
  static final HostSpec R2 = Hosts.host("r2").iface("eth0", "fd00:2::2/64").route("fd00:1::/64", "fd00:2::1").build();

  /** Installs a blackhole for everything it learns: learning r2's own address kills the session it came over. */
  static final class BlackholingDaemon extends FakeBgpDaemon {
    BlackholingDaemon(String host, List<dev.podpath.controlplane.spi.BgpNeighborConfig> n) {
      super(host, "blackholer", n, List.of(), false);
    }

    @Override
    public List<KernelRoute> kernelRoutes() {
      List<KernelRoute> out = new ArrayList<>();
      for (IpPrefix p : bestRoutes().keySet()) {
        out.add(new KernelRoute("main", p, KernelRoute.Type.BLACKHOLE, List.of(), null, 10, "bird", "blackholer", SourceRef.NONE));
      }
      return out;
    }
  }

  @Test
  void aSessionThatBlackholesItsOwnPathIsReportedAsTopologyOscillation() {
    BlackholingDaemon n1 = new BlackholingDaemon("n1", List.of(Nbr.to("r2", 65001, 65002, "fd00:2::2").ttl(3).build()));
    FakeBgpDaemon r2 = new FakeBgpDaemon("r2", "fake", List.of(Nbr.to("n1", 65002, 65001, "fd00:1::11").ttl(3).build()),
        List.of(IpPrefix.parse("fd00:2::2/128")), false);
    ControlPlaneResult r = ControlPlane.compute(Network.of(List.of(R1, N1, R2)), List.of(n1, r2), List.of());
    assertThat(r.converged()).isFalse();
    assertThat(r.findings()).anyMatch(f -> f.code().equals("bgp/topology-oscillation"));
    assertThat(r.outerIterations()).isLessThanOrEqualTo(ControlPlane.MAX_OUTER_ITERATIONS);
  }

  @Test
  void sessionInAVrfMatchesOnlyANeighborInThatVrf() {
    HostSpec r1 = Hosts.host("r1").ifaceIn("eth0", "blue", null, "fd00:1::1/64").build();
    HostSpec n1 = Hosts.host("n1").iface("eth0", "fd00:1::11/64").build();
    var inVrf = new FakeBgpDaemon("r1", "frr", List.of(Nbr.to("n1", 65000, 65001, "fd00:1::11").vrf("blue").build()), List.of(), true);
    var n = new FakeBgpDaemon("n1", "bird", List.of(Nbr.to("r1", 65001, 65000, "fd00:1::1").build()), List.of(), true);
    ControlPlaneResult ok = ControlPlane.compute(Network.of(List.of(r1, n1)), List.of(inVrf, n), List.of());
    assertThat(ok.sessions()).allMatch(SessionResult::established);
    var inDefault = new FakeBgpDaemon("r1", "frr", List.of(Nbr.to("n1", 65000, 65001, "fd00:1::11").build()), List.of(), true);
    var n2 = new FakeBgpDaemon("n1", "bird", List.of(Nbr.to("r1", 65001, 65000, "fd00:1::1").build()), List.of(), true);
    ControlPlaneResult down = ControlPlane.compute(Network.of(List.of(r1, n1)), List.of(inDefault, n2), List.of());
    assertThat(down.sessions()).filteredOn(s -> s.host().equals("n1")).extracting(SessionResult::reason)
        .containsExactly(SessionDownReason.NO_MATCHING_NEIGHBOR);
  }

  @Test
  void ipv4SessionUsesTheInterfaceAddressAsSource() {
    HostSpec r1 = Hosts.host("r1").iface("eth0", "10.1.0.1/24").build();
    HostSpec n1 = Hosts.host("n1").iface("eth0", "10.1.0.11/24", "10.9.0.11/24").build();
    var a = new FakeBgpDaemon("r1", "frr", List.of(Nbr.to("n1", 65000, 65001, "10.1.0.11").build()), List.of(IpPrefix.parse("10.50.0.0/16")), true);
    var b = new FakeBgpDaemon("n1", "bird", List.of(Nbr.to("r1", 65001, 65000, "10.1.0.1").passive().build()), List.of(), true);
    ControlPlaneResult r = ControlPlane.compute(Network.of(List.of(r1, n1)), List.of(a, b), List.of());
    assertThat(r.sessions()).allMatch(SessionResult::established);
    assertThat(r.sessions()).filteredOn(s -> s.host().equals("r1")).extracting(SessionResult::localAddress)
        .containsExactly(IpAddr.parse("10.1.0.1"));
    FibMatch m = r.fib("n1").lookup(null, IpAddr.parse("10.50.1.1")).orElseThrow();
    assertThat(m.gateway()).isEqualTo(IpAddr.parse("10.1.0.1"));
    assertThat(m.device()).isEqualTo("eth0");
  }
}
