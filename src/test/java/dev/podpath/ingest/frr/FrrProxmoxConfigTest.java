package dev.podpath.ingest.frr;

import static org.assertj.core.api.Assertions.assertThat;

import dev.podpath.core.Finding;
import dev.podpath.core.net.IpAddr;
import dev.podpath.core.net.IpPrefix;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * A config shaped like Proxmox VE SDN's EVPN controller output (pve-network EvpnPlugin.pm
 * generate_controller_config, exit node, plus a frr.conf.local VM peer inside the VRF).
 */
class FrrProxmoxConfigTest {

  private static FrrParseResult parse() throws Exception {
    String text = Files.readString(Path.of("src/test/resources/frr/proxmox-evpn-exitnode.frr.conf"));
    return FrrConfigParser.parse(text, "hosts/pve1/frr.conf");
  }

  @Test
  void parsesCompletely() throws Exception {
    FrrParseResult r = parse();
    assertThat(r.status()).as(FrrParseFixture.messages(r.warnings())).isEqualTo(ParseStatus.PASSED);
    assertThat(r.config().daemonVersion().text()).isEqualTo("8.5.2");
    assertThat(r.config().hostname()).isEqualTo("pve1");
  }

  @Test
  void datacenterProfileTurnsOffRfc8212InBothInstances() throws Exception {
    FrrConfig c = parse().config();
    assertThat(c.bgpRouters()).hasSize(2);
    for (FrrBgpRouter r : c.bgpRouters()) {
      assertThat(r.defaults().profile()).isEqualTo(DefaultsProfile.DATACENTER);
      assertThat(r.ebgpRequiresPolicy()).isFalse();
      assertThat(r.deterministicMed()).isTrue();
    }
    assertThat(parse().warnings()).filteredOn(f -> f.code().equals("frr/defaults-applied"))
        .extracting(Finding::message)
        .anySatisfy(m -> assertThat(m).contains("router bgp 65000 vrf vrf_evpnz1").contains("`datacenter`").contains("ebgp-requires-policy off (default)"));
  }

  @Test
  void defaultInstanceUnderlayAndEvpn() throws Exception {
    FrrBgpRouter r = parse().config().bgpRouter(null).orElseThrow();
    assertThat(r.asn()).isEqualTo(65000);
    assertThat(r.routerId()).isEqualTo(IpAddr.parse("10.0.0.11"));
    assertThat(r.defaultIpv4Unicast()).isFalse();
    assertThat(r.peerGroups()).containsOnlyKeys("VTEP", "BGP");
    assertThat(r.peerGroups().get("BGP").remoteAs().kind()).isEqualTo(RemoteAs.Kind.EXTERNAL);
    assertThat(r.neighbors()).containsOnlyKeys("10.0.0.12", "10.0.0.13", "10.0.0.1");
    assertThat(r.neighbors().get("10.0.0.1").peerGroup()).isEqualTo("BGP");
    assertThat(r.peerGroups().get("BGP").af(Afi.IPV4).activate()).isTrue();
    assertThat(r.af(Afi.IPV4).importVrfs()).containsExactly("vrf_evpnz1");
    assertThat(r.af(Afi.IPV6).importVrfs()).containsExactly("vrf_evpnz1");
    assertThat(r.evpn().advertiseAllVni()).isTrue();
    assertThat(r.evpn().activated()).containsExactly("VTEP");
  }

  @Test
  void tenantVrfInstanceAndNullRoutes() throws Exception {
    FrrConfig c = parse().config();
    FrrBgpRouter v = c.bgpRouter("vrf_evpnz1").orElseThrow();
    // the VRF instance has no `no bgp default ipv4-unicast`: neighbors are auto-activated (bgp_create)
    assertThat(v.defaultIpv4Unicast()).isTrue();
    assertThat(v.neighbors().get("10.10.10.21").remoteAs().asn()).isEqualTo(65010);
    assertThat(v.af(Afi.IPV4).redistributes()).extracting(FrrRedistribute::protocol).containsExactly("connected");
    assertThat(v.evpn().defaultOriginateIpv4()).isTrue();
    assertThat(c.vrfs().get("vrf_evpnz1").vni()).isEqualTo(10000L);
    assertThat(c.staticRoutes()).extracting(FrrStaticRoute::prefix)
        .containsExactly(IpPrefix.parse("192.168.50.0/24"), IpPrefix.parse("fd00:50::/64"));
    assertThat(c.staticRoutes()).allMatch(s -> s.kind() == FrrStaticRoute.Kind.BLACKHOLE && "vrf_evpnz1".equals(s.vrf()));
  }

  @Test
  void exitNodeRouteMaps() throws Exception {
    FrrConfig c = parse().config();
    FrrRouteMap in = c.routeMaps().get("MAP_VTEP_IN");
    assertThat(in.entries()).extracting(FrrRouteMap.Entry::seq).containsExactly(1, 2, 3);
    assertThat(in.entries().get(0).permit()).isFalse();
    assertThat(c.prefixList(false, "only_default").permits(IpPrefix.parse("0.0.0.0/0"))).isTrue();
    assertThat(c.prefixList(false, "only_default").permits(IpPrefix.parse("10.0.0.0/8"))).isFalse();
  }
}
