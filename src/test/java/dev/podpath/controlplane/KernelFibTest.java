package dev.podpath.controlplane;

import static org.assertj.core.api.Assertions.assertThat;

import dev.podpath.core.SourceRef;
import dev.podpath.core.net.IpAddr;
import dev.podpath.core.net.IpPrefix;
import dev.podpath.model.network.Network;
import dev.podpath.model.routing.KernelRoute;
import java.util.List;
import org.junit.jupiter.api.Test;

class KernelFibTest {

  static KernelRoute route(String table, String prefix, String via, String dev, long metric, String proto) {
    List<KernelRoute.NextHop> nh = via == null ? List.of() : List.of(new KernelRoute.NextHop(IpAddr.parse(via), dev));
    return new KernelRoute(table, IpPrefix.parse(prefix), KernelRoute.Type.UNICAST, nh, dev, metric, proto, "test", SourceRef.NONE);
  }

  static ControlPlaneResult fibOf(Hosts h) {
    return ControlPlane.compute(Network.of(List.of(h.build())), List.of(), List.of());
  }

  @Test
  void longestPrefixThenLowestMetric() {
    KernelFibBuilder b = new KernelFibBuilder("h");
    b.add(route("main", "fd00:1::/64", null, "eth0", 256, "kernel"), "kernel", InstallMode.APPEND);
    b.add(route("main", "fd00:9::/48", "fd00:1::2", null, 1024, "boot"), "host.yaml", InstallMode.ADD);
    b.add(route("main", "fd00:9::/64", "fd00:1::3", null, 1024, "boot"), "host.yaml", InstallMode.ADD);
    b.add(route("main", "fd00:9::/64", "fd00:1::4", null, 32, "bird"), "n/bird", InstallMode.ADD);
    KernelFib f = b.build();
    FibMatch m = f.lookup(null, IpAddr.parse("fd00:9::5")).orElseThrow();
    assertThat(m.gateway()).isEqualTo(IpAddr.parse("fd00:1::4")); // lab: fd00:9::5 via fd00:1::3 proto bird metric 32
    assertThat(m.device()).isEqualTo("eth0"); // resolved through the connected route
    assertThat(f.lookup(null, IpAddr.parse("fd00:9:0:1::5")).orElseThrow().gateway()).isEqualTo(IpAddr.parse("fd00:1::2"));
    assertThat(f.lookup(null, IpAddr.parse("fd00:7::1"))).isEmpty();
    assertThat(b.findings()).isEmpty();
  }

  @Test
  void equalPrefixAndMetricIsRefusedWhateverTheProtocolUnlessReplaced() {
    KernelFibBuilder b = new KernelFibBuilder("h");
    b.add(route("main", "fd00:1::/64", null, "eth0", 256, "kernel"), "kernel", InstallMode.APPEND);
    b.add(route("main", "fd00:9::/64", "fd00:1::2", null, 1024, "boot"), "host.yaml", InstallMode.ADD);
    b.add(route("main", "fd00:9::/64", "fd00:1::3", null, 1024, "bird"), "n/bird", InstallMode.ADD);
    assertThat(b.findings()).extracting(x -> x.code()).containsExactly("route/kernel-route-conflict");
    assertThat(b.findings().get(0).message()).contains("File exists");
    assertThat(b.build().lookup(null, IpAddr.parse("fd00:9::1")).orElseThrow().gateway()).isEqualTo(IpAddr.parse("fd00:1::2"));
    b.add(route("main", "fd00:9::/64", "fd00:1::5", "eth0", 1024, "kernel"), "cilium-agent", InstallMode.REPLACE);
    KernelFib f = b.build();
    assertThat(f.lookup(null, IpAddr.parse("fd00:9::1")).orElseThrow().gateway()).isEqualTo(IpAddr.parse("fd00:1::5"));
    assertThat(f.routes("main")).hasSize(2);
  }

  @Test
  void gatewayNotOnAConnectedSubnetIsRefused() {
    KernelFibBuilder b = new KernelFibBuilder("h");
    b.add(route("main", "10.1.0.0/24", null, "eth0", 0, "kernel"), "kernel", InstallMode.APPEND);
    b.add(route("main", "10.9.0.0/24", "10.2.0.1", null, 0, "boot"), "host.yaml", InstallMode.ADD);
    b.add(route("main", "fd00:9::/64", "fd00:2::1", null, 1024, "boot"), "host.yaml", InstallMode.ADD);
    assertThat(b.findings()).extracting(x -> x.message())
        .anyMatch(m -> m.contains("Nexthop has invalid gateway"))
        .anyMatch(m -> m.contains("No route to host"));
    assertThat(b.build().lookup(null, IpAddr.parse("10.9.0.1"))).isEmpty();
  }

  @Test
  void localTableBeforeMainAndVrfTablesApart() {
    ControlPlaneResult r = fibOf(Hosts.host("h").iface("eth0", "fd00:1::1/64").ifaceIn("eth1", "blue", null, "fd00:5::1/64")
        .route("::/0", "fd00:1::fe").route("fd00:66::/64", null, null, null, null, "blackhole")
        .route("fd00:67::/64", null, null, null, 10, "unreachable"));
    KernelFib f = r.fib("h");
    assertThat(f.lookup(null, IpAddr.parse("fd00:1::1")).orElseThrow().type()).isEqualTo(KernelRoute.Type.LOCAL);
    assertThat(f.lookup(null, IpAddr.parse("::1")).orElseThrow().table()).isEqualTo("local");
    assertThat(f.lookup(null, IpAddr.parse("2001:db8::1")).orElseThrow().gateway()).isEqualTo(IpAddr.parse("fd00:1::fe"));
    assertThat(f.lookup(null, IpAddr.parse("fd00:66::1")).orElseThrow().type()).isEqualTo(KernelRoute.Type.BLACKHOLE);
    assertThat(f.lookup(null, IpAddr.parse("fd00:67::1")).orElseThrow().type()).isEqualTo(KernelRoute.Type.UNREACHABLE);
    // the VRF sees only its own table: no default route there
    assertThat(f.lookup("blue", IpAddr.parse("2001:db8::1"))).isEmpty();
    assertThat(f.lookup("blue", IpAddr.parse("fd00:5::1")).orElseThrow().type()).isEqualTo(KernelRoute.Type.LOCAL);
    assertThat(f.lookup(null, IpAddr.parse("fd00:5::1")).orElseThrow().type()).isEqualTo(KernelRoute.Type.UNICAST); // main's default
    assertThat(f.tables()).containsExactly("blue", "local", "main");
  }

  @Test
  void ipv6RefusesLoopbackAndLocalGatewaysIpv4AcceptsALocalOne() {
    KernelFibBuilder b = new KernelFibBuilder("h");
    b.add(route("main", "fd00:1::/64", null, "eth0", 256, "kernel"), "kernel", InstallMode.APPEND);
    b.add(new KernelRoute("local", IpPrefix.parse("fd00:1::1/128"), KernelRoute.Type.LOCAL, List.of(), "eth0", 0, "kernel", "kernel", SourceRef.NONE), "kernel", InstallMode.APPEND);
    b.add(new KernelRoute("local", IpPrefix.parse("10.224.1.1/32"), KernelRoute.Type.LOCAL, List.of(), "cilium_host", 0, "kernel", "kernel", SourceRef.NONE), "kernel", InstallMode.APPEND);
    b.add(route("main", "fd00:9::/64", "::1", null, 32, "bird"), "n/bird", InstallMode.ADD);
    b.add(route("main", "fd00:8::/64", "fd00:1::1", null, 32, "bird"), "n/bird", InstallMode.ADD);
    b.add(route("main", "10.224.1.0/24", "10.224.1.1", null, 0, "boot"), "host.yaml", InstallMode.ADD);
    assertThat(b.findings()).extracting(x -> x.message())
        .anyMatch(m -> m.contains("fd00:9::/64") && m.contains("Egress device can not be loopback device"))
        .anyMatch(m -> m.contains("fd00:8::/64") && m.contains("Gateway can not be a local address"))
        .noneMatch(m -> m.contains("10.224.1.0/24"));
    assertThat(b.build().lookup(null, IpAddr.parse("10.224.1.7")).orElseThrow().device()).isEqualTo("cilium_host");
  }
}
