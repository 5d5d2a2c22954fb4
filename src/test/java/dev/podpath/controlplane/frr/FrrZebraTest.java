package dev.podpath.controlplane.frr;

import static dev.podpath.controlplane.frr.FrrFixture.daemon;
import static dev.podpath.controlplane.frr.FrrFixture.open;
import static dev.podpath.controlplane.frr.FrrFixture.route;
import static dev.podpath.controlplane.frr.FrrFixture.session;
import static org.assertj.core.api.Assertions.assertThat;

import dev.podpath.controlplane.spi.AddressFamily;
import dev.podpath.controlplane.spi.SessionContext;
import dev.podpath.core.net.IpAddr;
import dev.podpath.core.net.IpPrefix;
import dev.podpath.model.routing.BgpRoute;
import dev.podpath.model.routing.KernelRoute;
import java.util.List;
import org.junit.jupiter.api.Test;

/** zebra: static routes, VRF tables, administrative distance against kernel routes, VRF leaking. */
class FrrZebraTest {

  private static final AddressFamily V4 = AddressFamily.IPV4_UNICAST;

  @Test
  void staticRoutesGoToTheirVrfTableAsProtoStaticMetric20() {
    // staticd -> zebra -> kernel; Null0 = blackhole (static_vty.c); VRF table named after the VRF
    TestHost h = new TestHost("pve1").iface("eth0", null, "10.0.0.11/24").iface("vmbr1", "vrf_evpnz1", "10.10.10.1/24");
    FrrDaemon d = daemon("""
        vrf vrf_evpnz1
         ip route 192.168.50.0/24 null0
        exit-vrf
        ip route 0.0.0.0/0 10.0.0.1
        ip route 10.99.0.0/16 10.77.0.1
        """, h);
    assertThat(d.kernelRoutes()).containsExactly(
        new KernelRoute("main", IpPrefix.parse("0.0.0.0/0"), KernelRoute.Type.UNICAST, List.of(new KernelRoute.NextHop(IpAddr.parse("10.0.0.1"), "eth0")), "eth0", 20, "static", "frr", dev.podpath.core.SourceRef.of("hosts/r1/frr.conf", 4)),
        new KernelRoute("vrf_evpnz1", IpPrefix.parse("192.168.50.0/24"), KernelRoute.Type.BLACKHOLE, List.of(), null, 20, "static", "frr", dev.podpath.core.SourceRef.of("hosts/r1/frr.conf", 2)));
    assertThat(d.findings()).anySatisfy(f -> assertThat(f.code()).isEqualTo("frr/static-unresolved"));
  }

  @Test
  void kernelRouteForTheSamePrefixKeepsBgpOutOfTheKernel() {
    // zebra rib selection: kernel/connected (distance 0) beat eBGP (20)
    TestHost h = new TestHost("r1").iface("eth0", null, "10.0.0.1/24").route("10.244.1.0/24", "10.0.0.99", "eth0");
    FrrDaemon d = daemon("""
        router bgp 64513
         no bgp ebgp-requires-policy
         neighbor 10.0.0.10 remote-as 64514
        """, h);
    SessionContext s = session(d, "10.0.0.10", "10.0.0.1", null, 64513, 64514, "10.0.0.10", "eth0", V4);
    open(d, s);
    d.receive(s, V4, List.of(route("10.244.1.0/24", "10.0.0.10", 64514), route("10.244.2.0/24", "10.0.0.10", 64514)));
    d.settle();
    assertThat(d.kernelRoutes()).extracting(k -> k.prefix().toString()).containsExactly("10.244.2.0/24");
  }

  @Test
  void vrfInstanceLearnsIntoItsTableAndImportVrfLeaksIntoTheDefault() {
    // Proxmox exit node: `import vrf vrf_evpnz1` in the default instance (bgp_mplsvpn.c leaking, approximated)
    TestHost h = new TestHost("pve1").iface("eth0", null, "10.0.0.11/24").iface("vmbr1", "vrf_evpnz1", "10.10.10.1/24");
    FrrDaemon d = daemon("""
        frr defaults datacenter
        router bgp 65000
         address-family ipv4 unicast
          import vrf vrf_evpnz1
         exit-address-family
        exit
        router bgp 65000 vrf vrf_evpnz1
         neighbor 10.10.10.21 remote-as 65010
         address-family ipv4 unicast
          redistribute connected
        """, h);
    SessionContext s = session(d, "10.10.10.21", "10.10.10.1", null, 65000, 65010, "10.10.10.21", "vmbr1", V4);
    open(d, s);
    d.receive(s, V4, List.of(route("10.244.1.0/24", "10.10.10.21", 65010)));
    d.settle();
    assertThat(d.kernelRoutes()).extracting(k -> k.table() + " " + k.prefix() + " " + k.nextHops())
        .containsExactly(
            "main 10.10.10.0/24 [NextHop[gateway=null, device=vmbr1]]",
            "main 10.244.1.0/24 [NextHop[gateway=10.10.10.21, device=vmbr1]]",
            "vrf_evpnz1 10.244.1.0/24 [NextHop[gateway=10.10.10.21, device=vmbr1]]");
    // the VM peer gets the connected subnet (datacenter: no RFC 8212), next hop self; its own
    // route comes back too (it drops it: AS loop)
    List<BgpRoute> out = d.advertise(s, V4);
    assertThat(out).extracting(r -> r.prefix().toString()).containsExactly("10.10.10.0/24", "10.244.1.0/24");
    assertThat(out.get(0).attributes().nextHop()).isEqualTo(IpAddr.parse("10.10.10.1"));
  }

  @Test
  void deterministicWhateverTheReceiveOrder() {
    TestHost h = new TestHost("r1").iface("eth0", null, "10.0.0.1/24");
    String cfg = """
        router bgp 64513
         no bgp ebgp-requires-policy
         neighbor 10.0.0.10 remote-as 64514
         neighbor 10.0.0.11 remote-as 64514
         address-family ipv4 unicast
          maximum-paths 4
        """;
    FrrDaemon d1 = daemon(cfg, h);
    FrrDaemon d2 = daemon(cfg, h);
    SessionContext a1 = session(d1, "10.0.0.10", "10.0.0.1", null, 64513, 64514, "10.0.0.10", "eth0", V4);
    SessionContext b1 = session(d1, "10.0.0.11", "10.0.0.1", null, 64513, 64514, "10.0.0.11", "eth0", V4);
    SessionContext a2 = session(d2, "10.0.0.10", "10.0.0.1", null, 64513, 64514, "10.0.0.10", "eth0", V4);
    SessionContext b2 = session(d2, "10.0.0.11", "10.0.0.1", null, 64513, 64514, "10.0.0.11", "eth0", V4);
    d1.open(List.of(a1, b1));
    d2.open(List.of(b2, a2));
    List<BgpRoute> ra = List.of(route("10.244.1.0/24", "10.0.0.10", 64514), route("10.244.0.0/24", "10.0.0.10", 64514));
    List<BgpRoute> rb = List.of(route("10.244.1.0/24", "10.0.0.11", 64514));
    d1.receive(a1, V4, ra);
    d1.receive(b1, V4, rb);
    d2.receive(b2, V4, rb);
    d2.receive(a2, V4, ra);
    d1.settle();
    d2.settle();
    assertThat(d1.kernelRoutes()).isEqualTo(d2.kernelRoutes());
    assertThat(d1.rib()).isEqualTo(d2.rib());
    assertThat(d1.findings()).isEqualTo(d2.findings());
    assertThat(d1.settle()).isFalse();
  }
}
