package dev.podpath.controlplane.frr;

import static org.assertj.core.api.Assertions.assertThat;

import dev.podpath.controlplane.spi.AddressFamily;
import dev.podpath.controlplane.spi.BgpNeighborConfig;
import dev.podpath.controlplane.spi.SessionContext;
import dev.podpath.core.net.IpAddr;
import dev.podpath.ingest.frr.FrrConfigParser;
import dev.podpath.ingest.frr.FrrParseResult;
import dev.podpath.ingest.frr.ParseStatus;
import dev.podpath.model.routing.BgpRoute;
import dev.podpath.model.routing.KernelRoute;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The founding case's router side: Proxmox FRR peering with each Talos node's bird2 inside the
 * tenant VRF vrf_evpnz1 over fd00:101::/64 (seed coredns-clusterip-bgp.md topology).
 */
class FrrProxmoxTenantVrfTest {

  private static final AddressFamily V6 = AddressFamily.IPV6_UNICAST;

  private static FrrDaemon daemon() throws Exception {
    FrrParseResult r = FrrConfigParser.parse(Files.readString(Path.of("src/test/resources/frr/proxmox-vrf-k8s.frr.conf")), "hosts/pve1/frr.conf");
    assertThat(r.status()).isEqualTo(ParseStatus.PASSED);
    TestHost pve = new TestHost("pve1").iface("vmbr0", null, "10.0.0.11/24")
        .iface("vnet101", "vrf_evpnz1", "fd00:101::fffe/64", "fe80::fffe/64");
    return new FrrDaemon(r.config(), pve);
  }

  private static SessionContext session(FrrDaemon d, String node) {
    String n = node.substring(node.lastIndexOf(':') + 1);
    return FrrFixture.session(d, node, "fd00:101::fffe", "fe80::fffe", 4200001000L, 4210101000L + Long.parseLong(n), "10.0.0." + n, "vnet101", V6);
  }

  @Test
  void nodesPeerInTheVrfForIpv6Only() throws Exception {
    FrrDaemon d = daemon();
    assertThat(d.neighbors()).extracting(BgpNeighborConfig::id).containsExactly("vrf_evpnz1/fd00:101::11", "vrf_evpnz1/fd00:101::21", "vrf_evpnz1/fd00:101::22");
    assertThat(d.neighbors()).allSatisfy(n -> {
      assertThat(n.vrf()).isEqualTo("vrf_evpnz1");
      assertThat(n.families()).containsExactly(V6);
      assertThat(n.peerAs()).isEqualTo(new BgpNeighborConfig.PeerAs.External());
      assertThat(n.connectedCheck()).isTrue();
    });
  }

  @Test
  void podCidrOfOneNodeIsInstalledInTheVrfAndPassedToTheOthers() throws Exception {
    FrrDaemon d = daemon();
    SessionContext w1 = session(d, "fd00:101::21");
    SessionContext w2 = session(d, "fd00:101::22");
    SessionContext cp = session(d, "fd00:101::11");
    d.open(List.of(w1, w2, cp));
    d.receive(w1, V6, List.of(FrrFixture.route("fd00:101:224:21::/80", "fd00:101::21", "fe80::21", 4210101021L)));
    d.settle();
    // datacenter defaults: no RFC 8212 policy needed; zebra installs the link-local next hop in the VRF table
    assertThat(d.kernelRoutes()).containsExactly(new KernelRoute("vrf_evpnz1", dev.podpath.core.net.IpPrefix.parse("fd00:101:224:21::/80"), KernelRoute.Type.UNICAST,
        List.of(new KernelRoute.NextHop(IpAddr.parse("fe80::21"), "vnet101")), "vnet101", 20, "bgp", "frr", d.neighbors().get(1).where()));
    // to another node: third-party global next hop (the worker itself) plus PVE's link-local (lab 2026-11-26)
    BgpRoute toW2 = d.advertise(w2, V6).stream().filter(r -> r.prefix().toString().equals("fd00:101:224:21::/80")).findFirst().orElseThrow();
    assertThat(toW2.attributes().nextHop()).isEqualTo(IpAddr.parse("fd00:101::21"));
    assertThat(toW2.attributes().nextHopLinkLocal()).isEqualTo(IpAddr.parse("fe80::fffe"));
    assertThat(toW2.attributes().asPath().asns()).containsExactly(4200001000L, 4210101021L);
    // the VRF's connected subnet is redistributed to every node
    assertThat(d.advertise(cp, V6)).extracting(r -> r.prefix().toString()).contains("fd00:101::/64", "fd00:101:224:21::/80");
    assertThat(d.findings()).noneMatch(f -> f.code().equals("bgp/no-policy-rfc8212"));
  }
}
