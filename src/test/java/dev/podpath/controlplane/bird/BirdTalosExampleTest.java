package dev.podpath.controlplane.bird;

import static dev.podpath.controlplane.bird.TestHost.daemon;
import static dev.podpath.controlplane.bird.TestHost.route;
import static dev.podpath.controlplane.bird.TestHost.session;
import static org.assertj.core.api.Assertions.assertThat;

import dev.podpath.controlplane.spi.AddressFamily;
import dev.podpath.controlplane.spi.BgpNeighborConfig;
import dev.podpath.controlplane.spi.SessionContext;
import dev.podpath.core.net.IpAddr;
import dev.podpath.core.net.IpPrefix;
import dev.podpath.ingest.bird.BirdVersion;
import dev.podpath.model.routing.AsPath;
import dev.podpath.model.routing.BgpRoute;
import dev.podpath.model.routing.KernelRoute;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The siderolabs/extensions bird2 README's ToR example (IPv4, Cilium on 127.0.0.1), as BIRD 2.18 runs it on Talos. */
class BirdTalosExampleTest {

  static final String TOR = """
      define FABRIC_AS = 65000;
      define TALOS_NODE_AS = 65001;
      define CILIUM_AS = 65002;
      define PODS = [ 10.244.0.0/16{24,32} ];
      log stderr all;
      debug protocols all;
      router id from "dummy0";
      protocol device { scan time 10; }
      protocol direct loopback {
        interface "dummy0";
        ipv4 { import all; export none; };
      }
      protocol kernel {
        merge paths on;
        learn off;
        ipv4 {
          export filter {
            if proto = "cilium" then reject;
            if proto = "loopback" then reject;
            accept;
          };
          import none;
        };
      }
      protocol bgp fabric_enp33s0f1np1 {
        local as TALOS_NODE_AS;
        source address 10.66.66.6;
        neighbor 10.66.66.1 as FABRIC_AS;
        ipv4 {
          import all;
          export filter { if net ~ PODS || proto = "loopback" then accept; reject; };
          next hop self;
        };
        interface "enp33s0f1np1";
      };
      protocol bgp cilium {
        passive on;
        multihop 2;
        local as TALOS_NODE_AS;
        neighbor 127.0.0.1 as CILIUM_AS;
        ipv4 { import all; export none; };
      };
      """;

  static final TestHost HOST = TestHost.node("enp33s0f1np1=10.66.66.6/24", "dummy0=10.0.0.6/32");

  @Test
  void torExample() {
    BirdDaemon d = daemon(TOR, HOST, BirdVersion.V2_18);
    // router id from "dummy0"
    assertThat(d.routerId()).isEqualTo(IpAddr.parse("10.0.0.6"));
    List<BgpNeighborConfig> n = d.neighbors();
    assertThat(n).extracting(BgpNeighborConfig::id).containsExactly("fabric_enp33s0f1np1", "cilium");
    assertThat(n.get(0).interfaceName()).isEqualTo("enp33s0f1np1");
    assertThat(n.get(0).localAddress()).isEqualTo(IpAddr.parse("10.66.66.6"));
    assertThat(n.get(1).multihopTtl()).isEqualTo(2);

    SessionContext fab = session("fabric_enp33s0f1np1", "10.66.66.6", "10.66.66.1", 65001, 65000, "enp33s0f1np1");
    SessionContext cil = session("cilium", "127.0.0.1", "127.0.0.1", 65001, 65002, null);
    d.open(List.of(fab, cil));
    d.receive(cil, AddressFamily.IPV4_UNICAST, List.of(route("10.244.3.0/24", "127.0.0.1", 65002)));
    d.receive(fab, AddressFamily.IPV4_UNICAST, List.of(route("0.0.0.0/0", "10.66.66.1", 65000)));
    d.settle();

    List<BgpRoute> toFabric = d.advertise(fab, AddressFamily.IPV4_UNICAST);
    assertThat(toFabric).extracting(BgpRoute::prefix).containsExactly(IpPrefix.parse("10.0.0.6/32"), IpPrefix.parse("10.244.3.0/24"));
    assertThat(toFabric.get(1).attributes().asPath()).isEqualTo(AsPath.of(65001, 65002));
    assertThat(toFabric).allSatisfy(r -> assertThat(r.attributes().nextHop()).isEqualTo(IpAddr.parse("10.66.66.6")));
    // the kernel gets the fabric default route (ECMP merge of one path), not Cilium's or the loopback
    assertThat(d.kernelRoutes()).singleElement().satisfies(k -> {
      assertThat(k.prefix()).isEqualTo(IpPrefix.parse("0.0.0.0/0"));
      assertThat(k.nextHops()).containsExactly(new KernelRoute.NextHop(IpAddr.parse("10.66.66.1"), "enp33s0f1np1"));
    });
    // next hop 127.0.0.1 resolves recursively through the fabric's default route (a direct-mode BGP route has no
    // hostentry, so rt_update_hostentry accepts it): the pod route is usable, via the fabric router
    // (same mechanism as the lab-confirmed IPv6 case with a learned default route)
    assertThat(d.rib()).filteredOn(r -> r.prefix().equals(IpPrefix.parse("10.244.3.0/24"))).singleElement()
        .satisfies(r -> {
          assertThat(r.best()).isTrue();
          assertThat(r.status()).isEmpty();
        });
    BirdDaemon noDefault = daemon(TOR, HOST, BirdVersion.V2_18);
    noDefault.neighbors();
    noDefault.open(List.of(fab, cil));
    noDefault.receive(cil, AddressFamily.IPV4_UNICAST, List.of(route("10.244.3.0/24", "127.0.0.1", 65002)));
    noDefault.settle();
    assertThat(noDefault.rib()).filteredOn(r -> r.prefix().equals(IpPrefix.parse("10.244.3.0/24"))).singleElement()
        .satisfies(r -> assertThat(r.status()).startsWith("unreachable"));
  }
}
