package dev.podpath.controlplane.bird;

import static dev.podpath.controlplane.bird.TestHost.daemon;
import static dev.podpath.controlplane.bird.TestHost.route;
import static dev.podpath.controlplane.bird.TestHost.session;
import static org.assertj.core.api.Assertions.assertThat;

import dev.podpath.controlplane.spi.AddressFamily;
import dev.podpath.controlplane.spi.RibEntry;
import dev.podpath.controlplane.spi.SessionContext;
import dev.podpath.core.net.IpAddr;
import dev.podpath.core.net.IpPrefix;
import dev.podpath.model.routing.AsPath;
import dev.podpath.model.routing.BgpRoute;
import dev.podpath.model.routing.Origin;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The same inputs as a lab run of real bird2 2.0.12 in network namespaces (2026-11-26, netns
 * pp-bird-2: bird on fd00:101::21 with gobgpd on ::1 as Cilium and gobgpd on fd00:101::fffe as
 * the upstream router), asserting what `birdc show route all` and the peers' RIBs showed.
 */
class BirdLabScenarioTest {

  static final String CONF = """
      router id 10.0.0.21;
      protocol device { scan time 2; }
      protocol static { ipv6; route fd00:101:224::/64 blackhole; }
      protocol kernel k6 {
        ipv6 { import none; };
        scan time 2;
      }
      protocol bgp cilium {
        local ::1 as 65001;
        neighbor ::1 as 65100;
        multihop 2;
        passive on;
        ipv6 { import all; export all; };
      }
      protocol bgp up {
        local fd00:101::21 as 65001;
        neighbor fd00:101::fffe as 65200;
        connect retry time 3;
        ipv6 { import all; export all; };
      }
      """;

  @Test
  void labPpBird2() {
    BirdDaemon d = daemon(CONF, TestHost.node("eth0=fd00:101::21/64"));
    SessionContext cil = session("cilium", "::1", "::1", 65001, 65100, null);
    SessionContext up = session("up", "fd00:101::21", "fd00:101::fffe", 65001, 65200, "eth0");
    d.neighbors();
    d.open(List.of(cil, up));
    d.receive(cil, AddressFamily.IPV6_UNICAST, List.of(route("fd00:101:224:1::/80", "::1", 65100)));
    d.receive(up, AddressFamily.IPV6_UNICAST, List.of(
        route("fd00:7::/64", "fd00:999::1", 65200),
        route("fd00:8::/64", "fd00:101::fffe", 65200),
        route("fd00:9::/64", "fd00:101::21", 65200)));
    d.settle();

    // show route all: fd00:101:224:1::/80 unreachable *, fd00:8::/64 via fd00:101::fffe on eth0 *, static blackhole *;
    // fd00:7::/64 (next hop not connected) and fd00:9::/64 (next hop is our own address) are absent
    List<RibEntry> best = d.rib().stream().filter(RibEntry::best).toList();
    assertThat(best).extracting(RibEntry::prefix).containsExactly(
        IpPrefix.parse("fd00:8::/64"), IpPrefix.parse("fd00:101:224::/64"), IpPrefix.parse("fd00:101:224:1::/80"));
    assertThat(d.rib()).filteredOn(r -> r.prefix().equals(IpPrefix.parse("fd00:7::/64"))).singleElement()
        .satisfies(r -> assertThat(r.status()).contains("not directly reachable"));
    assertThat(d.rib()).filteredOn(r -> r.prefix().equals(IpPrefix.parse("fd00:9::/64"))).singleElement()
        .satisfies(r -> assertThat(r.status()).contains("is local"));

    // upstream gobgp RIB: fd00:101:224::/64 via fd00:101::21 path 65001 origin i; fd00:101:224:1::/80 via fd00:101::21 path 65001 65100
    List<BgpRoute> toUp = d.advertise(up, AddressFamily.IPV6_UNICAST);
    assertThat(toUp).extracting(BgpRoute::prefix).containsExactly(IpPrefix.parse("fd00:101:224::/64"), IpPrefix.parse("fd00:101:224:1::/80"));
    assertThat(toUp.get(0).attributes().origin()).isEqualTo(Origin.IGP);
    assertThat(toUp.get(0).attributes().asPath()).isEqualTo(AsPath.of(65001));
    assertThat(toUp.get(1).attributes().asPath()).isEqualTo(AsPath.of(65001, 65100));
    assertThat(toUp).allSatisfy(r -> assertThat(r.attributes().nextHop()).isEqualTo(IpAddr.parse("fd00:101::21")));

    // cilium-side gobgp RIB held only its own route: BIRD refuses next hop ::1 == neighbor address
    assertThat(d.advertise(cil, AddressFamily.IPV6_UNICAST)).isEmpty();
    // kernel: default export none, nothing installed by bird
    assertThat(d.kernelRoutes()).isEmpty();
  }
}
