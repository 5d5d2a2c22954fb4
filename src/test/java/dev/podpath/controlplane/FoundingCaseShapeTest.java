package dev.podpath.controlplane;

import static org.assertj.core.api.Assertions.assertThat;

import dev.podpath.controlplane.cilium.CiliumAgentRoutes;
import dev.podpath.controlplane.cilium.CiliumBgpNodeConfig;
import dev.podpath.controlplane.cilium.CiliumBgpSpeaker;
import dev.podpath.controlplane.cilium.CiliumNodeRouting;
import dev.podpath.controlplane.spi.AddressFamily;
import dev.podpath.controlplane.spi.RoutingDaemon;
import dev.podpath.core.SourceRef;
import dev.podpath.core.net.IpAddr;
import dev.podpath.core.net.IpPrefix;
import dev.podpath.ingest.host.HostSpec;
import dev.podpath.model.network.Network;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The founding case's shape (shared/seed): Cilium on each node peers a local daemon over ::1, the
 * local daemon peers the upstream router, ADNR is off. Fake daemons stand in for bird2 and FRR:
 * the pod CIDR of w1 must reach w2's kernel through the upstream. Each node's daemon has its own AS
 * (with one shared AS, the AS path loop check would drop the other node's routes).
 */
class FoundingCaseShapeTest {

  static HostSpec node(String name, int i) {
    return Hosts.host(name).iface("eth0", "fd00:101::2" + i + "/64").route("::/0", "fd00:101::1").build();
  }

  static IpPrefix pod(int i) {
    return IpPrefix.parse("fd00:224:" + i + "::/80");
  }

  static List<RoutingDaemon> daemons() {
    List<RoutingDaemon> out = new ArrayList<>();
    List<dev.podpath.controlplane.spi.BgpNeighborConfig> up = new ArrayList<>();
    for (int i = 1; i <= 2; i++) {
      String h = "w" + i;
      var ad = new CiliumBgpNodeConfig.Advertisement("pods", CiliumBgpNodeConfig.AdvertisementType.POD_CIDR, List.of(pod(i)),
          new TreeSet<>(), null, SourceRef.of("kubernetes/bgp.yaml", 40));
      var peer = new CiliumBgpNodeConfig.Peer("bird", IpAddr.parse("::1"), 65000 + i, 179, null, 1, null,
          List.of(new CiliumBgpNodeConfig.Family(AddressFamily.IPV6_UNICAST, List.of(ad))), SourceRef.of("kubernetes/bgp.yaml", 12));
      out.add(new CiliumBgpSpeaker(new CiliumBgpNodeConfig(h, List.of(new CiliumBgpNodeConfig.Instance("default", 65010 + i, null,
          IpAddr.parse("10.0.0." + i), List.of(peer), SourceRef.NONE)), SourceRef.NONE)));
      out.add(new FakeBgpDaemon(h, "bird", List.of(
          Nbr.to("cilium", 65000 + i, 65010 + i, "::1").ttl(2).build(),
          Nbr.to("upstream", 65000 + i, 65100, "fd00:101::1").build()), List.of(), true));
      up.add(Nbr.to(h, 65100, 65000 + i, "fd00:101::2" + i).build());
    }
    out.add(new FakeBgpDaemon("pve", "frr", up, List.of(), true));
    return out;
  }

  static CiliumAgentRoutes agent(int i) {
    int other = 3 - i;
    return new CiliumAgentRoutes(new CiliumNodeRouting("w" + i, CiliumNodeRouting.RoutingMode.NATIVE, false, true, false, false, false, true,
        null, IpAddr.parse("fd00:224:" + i + "::1"), List.of(pod(i)),
        List.of(new CiliumNodeRouting.RemoteNode("w" + other, null, IpAddr.parse("fd00:101::2" + other), List.of(pod(other)), SourceRef.NONE)),
        List.of(), 0, SourceRef.NONE));
  }

  @Test
  void podCidrTravelsCiliumToLocalBirdToUpstreamToTheOtherNodesKernel() {
    Network net = Network.of(List.of(node("w1", 1), node("w2", 2),
        Hosts.host("pve").iface("vmbr0", "fd00:101::1/64").sysctl("net.ipv6.conf.all.forwarding", "1").build()));
    ControlPlaneResult r = ControlPlane.compute(net, daemons(), List.of(agent(1), agent(2)));
    assertThat(r.sessions()).hasSize(8).allMatch(SessionResult::established);
    // Cilium's own route on w1, BIRD-learned route on w2
    assertThat(KernelRouteText.of(r.fib("w1").lookup(null, IpAddr.parse("fd00:224:1::5")).orElseThrow().route()))
        .isEqualTo("fd00:224:1::/80 dev cilium_host proto kernel metric 1024");
    FibMatch m = r.fib("w2").lookup(null, IpAddr.parse("fd00:224:1::5")).orElseThrow();
    assertThat(m.installer()).isEqualTo("w2/bird");
    assertThat(m.gateway()).isEqualTo(IpAddr.parse("fd00:101::1"));
    // w1's bird learned w1's pod CIDR from Cilium with next hop ::1: the kernel refuses that gateway
    assertThat(r.findings()).anyMatch(f -> f.code().equals("route/gateway-unreachable") && f.host().equals("w1") && f.message().contains("::1"));
  }

  @Test
  void withAdnrTheAgentRoutesDirectlyAndBgpRouteLosesOnMetric() {
    Network net = Network.of(List.of(node("w1", 1), node("w2", 2),
        Hosts.host("pve").iface("vmbr0", "fd00:101::1/64").build()));
    CiliumAgentRoutes adnr = new CiliumAgentRoutes(new CiliumNodeRouting("w2", CiliumNodeRouting.RoutingMode.NATIVE, false, true, true, false, false, true,
        null, IpAddr.parse("fd00:224:2::1"), List.of(pod(2)),
        List.of(new CiliumNodeRouting.RemoteNode("w1", null, IpAddr.parse("fd00:101::21"), List.of(pod(1)), SourceRef.NONE)),
        List.of(), 0, SourceRef.NONE));
    ControlPlaneResult r = ControlPlane.compute(net, daemons(), List.of(agent(1), adnr));
    // BIRD's metric 32 beats the ADNR route's 1024: both are in the table, the lower metric is used
    assertThat(r.fib("w2").routes("main")).filteredOn(k -> k.prefix().equals(pod(1))).hasSize(2);
    assertThat(r.fib("w2").lookup(null, IpAddr.parse("fd00:224:1::5")).orElseThrow().installer()).isEqualTo("w2/bird");
  }
}
