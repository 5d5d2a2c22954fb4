package dev.podpath.controlplane.frr;

import static dev.podpath.controlplane.frr.FrrFixture.config;
import static dev.podpath.controlplane.frr.FrrFixture.daemon;
import static org.assertj.core.api.Assertions.assertThat;

import dev.podpath.controlplane.spi.AddressFamily;
import dev.podpath.controlplane.spi.BgpNeighborConfig;
import dev.podpath.core.net.IpAddr;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** neighbors(): what the engine sees of FRR's neighbor configuration. */
class FrrNeighborsTest {

  private static final TestHost HOST = new TestHost("r1").iface("eth0", null, "10.0.0.1/24", "fd00::1/64", "fe80::1/64").iface("lo", null, "10.255.0.1/32");

  @Test
  void peerGroupSettingsAreInherited() {
    // bgpd.c peer_group2peer_config_copy: a member takes the group's settings it does not set itself
    FrrDaemon d = daemon("""
        router bgp 64513
         neighbor k8s peer-group
         neighbor k8s remote-as 64514
         neighbor k8s update-source lo
         neighbor k8s ebgp-multihop 2
         neighbor k8s password s3cret
         neighbor 10.0.0.10 peer-group k8s
         neighbor 10.0.0.11 peer-group k8s
         neighbor 10.0.0.11 password other
         neighbor 10.0.0.11 passive
        """, HOST);
    List<BgpNeighborConfig> ns = d.neighbors();
    assertThat(ns).extracting(BgpNeighborConfig::id).containsExactly("default/10.0.0.10", "default/10.0.0.11");
    BgpNeighborConfig a = ns.get(0);
    assertThat(a.peerAs()).isEqualTo(new BgpNeighborConfig.PeerAs.Exact(64514));
    assertThat(a.localAs()).isEqualTo(64513);
    assertThat(a.localAddress()).isEqualTo(IpAddr.parse("10.255.0.1"));
    assertThat(a.multihopTtl()).isEqualTo(2);
    assertThat(a.connectedCheck()).isFalse();
    assertThat(a.peerPort()).isEqualTo(179);
    assertThat(a.where().line()).isEqualTo(7);
    BgpNeighborConfig b = ns.get(1);
    assertThat(b.passive()).isTrue();
    assertThat(a.passwordDigest()).isNotNull().isNotEqualTo(b.passwordDigest()).doesNotContain("s3cret");
  }

  @Test
  void ebgpSingleHopChecksConnectedIbgpDoesNot() {
    // bgpd.h BGP_DEFAULT_TTL 1 for eBGP, MAXTTL for iBGP; disable-connected-check lifts the check
    FrrDaemon d = daemon("""
        router bgp 65000
         neighbor 10.0.0.2 remote-as 65001
         neighbor 10.0.0.3 remote-as 65001
         neighbor 10.0.0.3 disable-connected-check
         neighbor 10.0.0.4 remote-as internal
        """, HOST);
    assertThat(d.neighbors()).extracting(BgpNeighborConfig::multihopTtl).containsExactly(1, 1, 255);
    assertThat(d.neighbors()).extracting(BgpNeighborConfig::connectedCheck).containsExactly(true, false, false);
    assertThat(d.neighbors().get(2).peerAs()).isEqualTo(new BgpNeighborConfig.PeerAs.Internal());
  }

  @Test
  void familiesFollowBgpDefaultIpv4Unicast() {
    // bgpd.c bgp_create: default_af[AFI_IP][SAFI_UNICAST] = true; ipv6 needs `activate`
    FrrDaemon on = daemon("""
        router bgp 65000
         neighbor fd00::2 remote-as 65001
         neighbor fd00::3 remote-as 65001
         address-family ipv6 unicast
          neighbor fd00::3 activate
         exit-address-family
         address-family ipv4 unicast
          no neighbor fd00::3 activate
        """, HOST);
    assertThat(on.neighbors().get(0).families()).containsExactly(AddressFamily.IPV4_UNICAST);
    assertThat(on.neighbors().get(1).families()).containsExactly(AddressFamily.IPV6_UNICAST);
    FrrDaemon off = daemon("""
        router bgp 65000
         no bgp default ipv4-unicast
         neighbor 10.0.0.2 remote-as 65001
         neighbor 10.0.0.3 remote-as 65001
         address-family ipv4 unicast
          neighbor 10.0.0.3 activate
        """, HOST);
    assertThat(off.neighbors().get(0).families()).isEmpty();
    assertThat(off.neighbors().get(1).families()).containsExactly(AddressFamily.IPV4_UNICAST);
  }

  @Test
  void memberWithoutRemoteAsAnywhereNeverStarts() {
    FrrDaemon d = daemon("""
        router bgp 65000
         neighbor g peer-group
         neighbor 10.0.0.2 peer-group g
        """, HOST);
    assertThat(d.neighbors()).isEmpty();
    assertThat(d.findings()).anySatisfy(f -> assertThat(f.code()).isEqualTo("frr/no-remote-as"));
  }

  @Test
  void listenRangeBecomesPassiveNeighborsForKnownAddresses() {
    // bgpd.c peer_lookup_dynamic_neighbor: dynamic peers exist only when they connect in;
    // podpath models one passive neighbor per candidate address inside the range
    FrrDaemon d = new FrrDaemon(config("""
        router bgp 64513
         neighbor k8s peer-group
         neighbor k8s remote-as 64514
         bgp listen range 10.0.0.0/24 peer-group k8s
         neighbor 10.0.0.10 peer-group k8s
        """), HOST, List.of(IpAddr.parse("10.0.0.10"), IpAddr.parse("10.0.0.11"), IpAddr.parse("10.9.0.1")));
    assertThat(d.neighbors()).extracting(n -> n.peerAddress().toString()).containsExactly("10.0.0.10", "10.0.0.11");
    assertThat(d.neighbors().get(1).passive()).isTrue();
    assertThat(d.neighbors().get(0).passive()).isFalse();
  }

  @Test
  void proxmoxVrfInstanceActivatesIpv4ByDefault() throws Exception {
    // routing-facts §4.2 note 2: the VRF instance has no `no bgp default ipv4-unicast`
    String text = Files.readString(Path.of("src/test/resources/frr/proxmox-evpn-exitnode.frr.conf"));
    TestHost pve = new TestHost("pve1").iface("eth0", null, "10.0.0.11/24").iface("vmbr1", "vrf_evpnz1", "10.10.10.1/24");
    FrrDaemon d = new FrrDaemon(dev.podpath.ingest.frr.FrrConfigParser.parse(text, "hosts/pve1/frr.conf").config(), pve);
    BgpNeighborConfig vm = d.neighbors().stream().filter(n -> "vrf_evpnz1".equals(n.vrf())).findFirst().orElseThrow();
    assertThat(vm.families()).containsExactly(AddressFamily.IPV4_UNICAST);
    assertThat(vm.id()).isEqualTo("vrf_evpnz1/10.10.10.21");
    BgpNeighborConfig uplink = d.neighbors().stream().filter(n -> n.peerAddress().toString().equals("10.0.0.1")).findFirst().orElseThrow();
    assertThat(uplink.families()).containsExactly(AddressFamily.IPV4_UNICAST);
    assertThat(uplink.peerAs()).isEqualTo(new BgpNeighborConfig.PeerAs.External());
    assertThat(d.neighbors().stream().filter(n -> n.peerAddress().toString().equals("10.0.0.12")).findFirst().orElseThrow().families()).isEmpty();
    assertThat(d.findings()).anySatisfy(f -> assertThat(f.code()).isEqualTo("frr/evpn-approximated"));
  }

  @Test
  void activationOrderMatchesWhatRealBgpdReported() throws Exception {
    // lab 2026-11-26, FRR 8.4.4 bgpd in a namespace on activation.frr.conf (FrrActivationLabTest):
    // 10.0.0.2 [ipv6], 10.0.0.3 [ipv4, ipv6], fd00::2 [ipv4], fd00::3 [ipv6], 10.0.0.4 [ipv4] AS 65002,
    // vrf red 10.1.0.2 and 10.1.0.3 [ipv4]
    String text = Files.readString(Path.of("src/test/resources/frr/lab/activation.frr.conf"));
    FrrDaemon d = new FrrDaemon(dev.podpath.ingest.frr.FrrConfigParser.parse(text, "frr.conf").config(), new TestHost("lab"));
    java.util.Map<String, String> got = new java.util.TreeMap<>();
    d.neighbors().forEach(n -> got.put(n.id(), new java.util.TreeSet<>(n.families()).toString()));
    assertThat(got).containsExactlyInAnyOrderEntriesOf(java.util.Map.of(
        "default/10.0.0.2", "[IPV6_UNICAST]",
        "default/10.0.0.3", "[IPV4_UNICAST, IPV6_UNICAST]",
        "default/fd00::2", "[IPV4_UNICAST]",
        "default/fd00::3", "[IPV6_UNICAST]",
        "default/10.0.0.4", "[IPV4_UNICAST]",
        "red/10.1.0.2", "[IPV4_UNICAST]",
        "red/10.1.0.3", "[IPV4_UNICAST]"));
  }
}
