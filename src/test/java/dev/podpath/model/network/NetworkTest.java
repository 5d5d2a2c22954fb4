package dev.podpath.model.network;

import static org.assertj.core.api.Assertions.assertThat;

import dev.podpath.controlplane.Hosts;
import dev.podpath.core.net.IpAddr;
import dev.podpath.core.net.IpPrefix;
import dev.podpath.model.routing.KernelRoute;
import java.util.List;
import org.junit.jupiter.api.Test;

class NetworkTest {

  @Test
  void interfacesSharingAConnectedPrefixAreOneSegment() {
    Network n = Network.of(List.of(
        Hosts.host("a").iface("eth0", "fd00:1::1/64").iface("lo", "fd00:fe::1/128").build(),
        Hosts.host("b").iface("eth0", "fd00:1::2/64", "10.1.0.2/24").build(),
        Hosts.host("c").iface("eth1", "10.1.0.3/24").iface("eth2", "fd00:9::3/64").build()));
    // a-b share fd00:1::/64, b-c share 10.1.0.0/24: one segment by transitivity
    assertThat(n.segmentOf("a", "eth0")).isEqualTo(n.segmentOf("c", "eth1"));
    assertThat(n.segmentOf("a", "eth0")).contains("10.1.0.0/24");
    assertThat(n.segmentOf("c", "eth2")).contains("fd00:9::/64");
    assertThat(n.segmentOf("a", "lo")).isEmpty();
  }

  @Test
  void aNamedSegmentWinsAndUnnamedPeersOfItsPrefixJoinIt() {
    Network n = Network.of(List.of(
        Hosts.host("r").ifaceIn("vmbr0", null, "lan101", "fd00:101::1/64").build(),
        Hosts.host("w1").iface("eth0", "fd00:101::21/64").build()));
    assertThat(n.segmentOf("w1", "eth0")).contains("lan101");
    assertThat(n.findings()).isEmpty();
  }

  @Test
  void anUnnamedInterfaceBetweenTwoNamedSegmentsIsAmbiguous() {
    Network n = Network.of(List.of(
        Hosts.host("r").ifaceIn("vmbr0", null, "lan101", "fd00:101::1/64").build(),
        Hosts.host("w1").iface("eth0", "fd00:101::21/64").build(),
        Hosts.host("w2").ifaceIn("eth0", null, "other", "fd00:101::22/64").build()));
    assertThat(n.segmentOf("w2", "eth0")).contains("other");
    assertThat(n.segmentOf("w1", "eth0")).contains("fd00:101::/64");
    assertThat(n.findings()).extracting(f -> f.code()).containsExactly("host/ambiguous-segment");
  }

  @Test
  void addressOwnersAndDuplicates() {
    Network n = Network.of(List.of(
        Hosts.host("a").ifaceIn("eth0", "vrf1", null, "fd00:1::1/64").build(),
        Hosts.host("b").iface("eth0", "fd00:1::1/64").build()));
    assertThat(n.owners(IpAddr.parse("fd00:1::1"))).extracting(AddressOwner::host).containsExactly("a", "b");
    assertThat(n.owners(IpAddr.parse("fd00:1::1"), "vrf1")).extracting(AddressOwner::host).containsExactly("a");
    assertThat(n.isLocal("a", null, IpAddr.parse("fd00:1::1"))).isFalse();
    assertThat(n.isLocal("a", "vrf1", IpAddr.parse("fd00:1::1"))).isTrue();
    assertThat(n.findings()).extracting(f -> f.code()).containsExactly("host/duplicate-address");
  }

  @Test
  void linuxCreatesLocalAndConnectedRoutesAsObservedInANamespace() {
    Host h = Network.of(List.of(Hosts.host("a")
        .iface("eth0", "fd00:1::1/64", "10.1.0.1/24", "10.1.0.9/24")
        .iface("lo", "fd00:fe::1/128", "10.255.0.1/32")
        .ifaceIn("eth1", "blue", null, "fd00:5::1/64").build())).host("a").orElseThrow();
    List<String> routes = LinuxAddressRoutes.of(h).stream()
        .map(r -> r.table() + " " + r.type() + " " + r.prefix() + " dev " + r.device() + " metric " + r.metric()).toList();
    assertThat(routes).containsExactlyInAnyOrder(
        "local LOCAL 127.0.0.0/8 dev lo metric 0",
        "local LOCAL ::1/128 dev lo metric 0",
        "local LOCAL fd00:1::1/128 dev eth0 metric 0",
        "main UNICAST fd00:1::/64 dev eth0 metric 256",
        "local LOCAL 10.1.0.1/32 dev eth0 metric 0",
        "main UNICAST 10.1.0.0/24 dev eth0 metric 0",
        "local LOCAL 10.1.0.9/32 dev eth0 metric 0",
        "local LOCAL fd00:fe::1/128 dev lo metric 0",
        "main UNICAST fd00:fe::1/128 dev lo metric 256",
        "local LOCAL 10.255.0.1/32 dev lo metric 0",
        "blue LOCAL fd00:5::1/128 dev eth1 metric 0",
        "blue UNICAST fd00:5::/64 dev eth1 metric 256");
    assertThat(LinuxAddressRoutes.of(h)).allMatch(r -> r.protocol().equals("kernel"));
  }

  @Test
  void staticRouteMetricDefaults() {
    Host h = Network.of(List.of(Hosts.host("a").iface("eth0", "fd00:1::1/64")
        .route("::/0", "fd00:1::fe").route("0.0.0.0/0", "10.0.0.1").route("fd00:9::/64", null, "eth0", null, 0, null)
        .route("fd00:8::/64", null, null, "100", 5, "blackhole").build())).host("a").orElseThrow();
    List<KernelRoute> r = StaticRoutes.of(h);
    assertThat(r.get(0).metric()).isEqualTo(1024);
    assertThat(r.get(1).metric()).isEqualTo(0);
    assertThat(r.get(2).metric()).isEqualTo(1024); // ip -6 route add ... metric 0 shows metric 1024
    assertThat(r.get(2).nextHops()).isEmpty();
    assertThat(r.get(2).device()).isEqualTo("eth0");
    assertThat(r.get(3).type()).isEqualTo(KernelRoute.Type.BLACKHOLE);
    assertThat(r.get(3).table()).isEqualTo("100");
    assertThat(r.get(0).prefix()).isEqualTo(IpPrefix.parse("::/0"));
    assertThat(r).allMatch(x -> x.protocol().equals("boot"));
  }
}
