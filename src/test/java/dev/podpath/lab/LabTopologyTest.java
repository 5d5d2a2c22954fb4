package dev.podpath.lab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.podpath.core.SourceRef;
import dev.podpath.core.net.IfAddress;
import dev.podpath.core.net.IpAddr;
import dev.podpath.core.net.IpPrefix;
import dev.podpath.ingest.host.AddressSpec;
import dev.podpath.ingest.host.HostSpec;
import dev.podpath.ingest.host.InterfaceSpec;
import dev.podpath.ingest.host.RouteSpec;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LabTopologyTest {

  private static LabInterface iface(String name, String segment, String... addrs) {
    return new LabInterface(name, java.util.Arrays.stream(addrs).map(IfAddress::parse).toList(), segment, null, null);
  }

  private static LabHost host(String name, LabInterface... ifs) {
    return new LabHost(name, List.of(ifs), List.of(), Map.of(), null, null);
  }

  @Test
  void segmentsFollowConnectedPrefixesUnlessNamed() {
    LabTopology t = new LabTopology(List.of(
        host("w1", iface("eth0", null, "fd00:101::21/64", "fe80::1/64"), iface("lo", null, "fd00:101:fe::21/128")),
        host("w2", iface("eth0", null, "fd00:101::22/64", "fe80::2/64"), iface("eth1", "storage", "10.9.0.2/24")),
        host("pve", iface("vmbr0", null, "10.101.0.1/24", "fd00:101::fffe/64"), iface("eth9", "storage", "10.9.9.9/24")),
        host("gw", iface("eth0", null, "192.0.2.1/24"))), List.of(), List.of());
    List<LabSegment> segs = t.segments();
    assertThat(segs).extracting(LabSegment::name).containsExactly("gw.eth0", "storage", "w1.eth0");
    assertThat(segs.get(2).ports()).containsExactlyInAnyOrder(
        new LabSegment.Port("w1", "eth0"), new LabSegment.Port("w2", "eth0"), new LabSegment.Port("pve", "vmbr0"));
    assertThat(segs.get(1).ports()).containsExactlyInAnyOrder(
        new LabSegment.Port("w2", "eth1"), new LabSegment.Port("pve", "eth9"));
  }

  @Test
  void fromHostsCarriesInterfacesRoutesSysctlsAndConfigs() {
    SourceRef at = SourceRef.of("hosts/w1/host.yaml", 1);
    HostSpec w1 = new HostSpec("w1",
        List.of(new InterfaceSpec("eth0", List.of(new AddressSpec(IfAddress.parse("fd00:101::21/64"), at)), null, "vrf1", 1450, at)),
        List.of(new RouteSpec(IpPrefix.parse("::/0"), IpAddr.parse("fd00:101::1"), null, "main", null, "unicast", at),
            new RouteSpec(IpPrefix.parse("fd00:dead::/64"), null, null, null, 5L, "blackhole", at)),
        Map.of("net.ipv6.conf.all.forwarding", "1"), at);
    LabConfigText bird = new LabConfigText("hosts/w1/bird.conf", "router id 1.1.1.1;");
    LabTopology t = LabTopology.fromHosts(List.of(w1), Map.of("w1", bird), Map.of(), List.of(), List.of());
    LabHost h = t.host("w1");
    assertThat(h.bird()).isEqualTo(bird);
    assertThat(h.frr()).isNull();
    assertThat(h.interfaces()).singleElement().satisfies(i -> {
      assertThat(i.vrf()).isEqualTo("vrf1");
      assertThat(i.mtu()).isEqualTo(1450);
    });
    assertThat(h.routes()).containsExactly(
        new LabStaticRoute(IpPrefix.parse("::/0"), IpAddr.parse("fd00:101::1"), null, null, null, null),
        new LabStaticRoute(IpPrefix.parse("fd00:dead::/64"), null, null, null, 5L, "blackhole"));
    assertThat(h.sysctls()).containsEntry("net.ipv6.conf.all.forwarding", "1");
    assertThat(t.usesVrfs()).isTrue();
  }

  @Test
  void refusesDuplicatesAndDanglingReferences() {
    LabHost a = host("a", iface("eth0", null, "10.0.0.1/24"));
    assertThatThrownBy(() -> new LabTopology(List.of(a, a), List.of(), List.of())).hasMessageContaining("twice");
    assertThatThrownBy(() -> new LabTopology(List.of(a), List.of(),
        List.of(new LabPod("b", "p", IpPrefix.parse("10.1.0.0/24"), IpAddr.parse("10.1.0.10")))))
        .hasMessageContaining("unknown host b");
    LabSpeaker s = new LabSpeaker("a", 65000, "10.0.0.1", List.of(), null, List.of());
    assertThatThrownBy(() -> new LabTopology(List.of(a), List.of(s, s), List.of())).hasMessageContaining("two Cilium stand-ins");
  }

  @Test
  void podNeedsAnAddressInsideItsCidrOtherThanTheGateway() {
    IpPrefix cidr = IpPrefix.parse("fd00:101:224:1::/80");
    assertThat(new LabPod("w1", "p", cidr, IpAddr.parse("fd00:101:224:1::10")).gateway())
        .isEqualTo(IpAddr.parse("fd00:101:224:1::1"));
    assertThatThrownBy(() -> new LabPod("w1", "p", cidr, IpAddr.parse("fd00:101:224:1::1"))).hasMessageContaining("reserved");
    assertThatThrownBy(() -> new LabPod("w1", "p", cidr, IpAddr.parse("fd00:101:224:2::10"))).hasMessageContaining("not in");
  }

  @Test
  void staticRouteCommandsNameTheNamespaceAndMapVrfTables() {
    LabStaticRoute r = new LabStaticRoute(IpPrefix.parse("::/0"), IpAddr.parse("fd00::1"), "eth0", "vrf1", 100L, null);
    assertThat(NetworkBuilder.routeCommand("pp000000-h0-w1", r, Map.of("vrf1", 1001)))
        .containsExactly("/usr/sbin/ip", "-n", "pp000000-h0-w1", "-6", "route", "add", "::/0", "via", "fd00::1",
            "dev", "eth0", "table", "1001", "metric", "100");
    LabStaticRoute bh = new LabStaticRoute(IpPrefix.parse("10.0.0.0/8"), null, null, null, null, "blackhole");
    assertThat(NetworkBuilder.routeCommand("ns", bh, Map.of()))
        .containsExactly("/usr/sbin/ip", "-n", "ns", "-4", "route", "add", "blackhole", "10.0.0.0/8");
  }

  @Test
  void aConfiguredLinkLocalAddressReplacesTheKernelsOwn() {
    // addrgenmode none before up, then the snapshot's fe80 address without DAD
    assertThat(NetworkBuilder.interfaceCommands("ns", iface("eth0", null, "fd00:1::1/64", "fe80::1:1/64")))
        .containsExactly(
            List.of("/usr/sbin/ip", "-n", "ns", "link", "set", "eth0", "addrgenmode", "none"),
            List.of("/usr/sbin/ip", "-n", "ns", "link", "set", "eth0", "up"),
            List.of("/usr/sbin/ip", "-n", "ns", "addr", "add", "fd00:1::1/64", "dev", "eth0", "nodad"),
            List.of("/usr/sbin/ip", "-n", "ns", "addr", "add", "fe80::1:1/64", "dev", "eth0", "nodad"));
    // none listed: the kernel generates one as before
    assertThat(NetworkBuilder.interfaceCommands("ns", iface("eth0", null, "10.0.0.1/24", "fd00:1::1/64")))
        .noneMatch(c -> c.contains("addrgenmode"))
        .contains(List.of("/usr/sbin/ip", "-n", "ns", "addr", "add", "10.0.0.1/24", "dev", "eth0"));
    assertThat(NetworkBuilder.interfaceCommands("ns", iface("lo", null, "fd00:1::9/128")))
        .containsExactly(List.of("/usr/sbin/ip", "-n", "ns", "addr", "add", "fd00:1::9/128", "dev", "lo", "nodad"));
  }
}
