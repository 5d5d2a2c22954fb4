package dev.podpath.controlplane.frr;

import static dev.podpath.controlplane.frr.FrrFixture.daemon;
import static dev.podpath.controlplane.frr.FrrFixture.open;
import static dev.podpath.controlplane.frr.FrrFixture.route;
import static dev.podpath.controlplane.frr.FrrFixture.session;
import static org.assertj.core.api.Assertions.assertThat;

import dev.podpath.controlplane.spi.AddressFamily;
import dev.podpath.controlplane.spi.RibEntry;
import dev.podpath.controlplane.spi.SessionContext;
import dev.podpath.core.net.IpAddr;
import dev.podpath.model.routing.KernelRoute;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Best path (bgp_route.c bgp_path_info_cmp) and multipath (bgp_mpath.c, `maximum-paths`). */
class FrrBestPathTest {

  private static final AddressFamily V4 = AddressFamily.IPV4_UNICAST;

  private static TestHost host() {
    return new TestHost("r1").iface("eth0", null, "10.0.0.1/24");
  }

  private static final String TWO_PEERS = """
      router bgp 64513
       no bgp ebgp-requires-policy
       neighbor 10.0.0.10 remote-as %d
       neighbor 10.0.0.11 remote-as %d
       address-family ipv4 unicast
      %s
      """;

  private static FrrDaemon twoPeers(long as10, long as11, String af, List<List<Long>> paths) {
    FrrDaemon d = daemon(TWO_PEERS.formatted(as10, as11, af), host());
    SessionContext a = session(d, "10.0.0.10", "10.0.0.1", null, 64513, as10, "10.0.0.10", "eth0", V4);
    SessionContext b = session(d, "10.0.0.11", "10.0.0.1", null, 64513, as11, "10.0.0.11", "eth0", V4);
    open(d, a, b);
    d.receive(a, V4, List.of(route("10.244.0.0/16", "10.0.0.10", paths.get(0).stream().mapToLong(Long::longValue).toArray())));
    d.receive(b, V4, List.of(route("10.244.0.0/16", "10.0.0.11", paths.get(1).stream().mapToLong(Long::longValue).toArray())));
    d.settle();
    return d;
  }

  private static RibEntry best(FrrDaemon d) {
    return d.rib().stream().filter(RibEntry::best).findFirst().orElseThrow();
  }

  @Test
  void shorterAsPathWins() {
    // step 4: aspath_count_hops
    FrrDaemon d = twoPeers(64514, 64515, "", List.of(List.of(64514L, 64600L), List.of(64515L)));
    assertThat(best(d).from()).isEqualTo("default/10.0.0.11");
    assertThat(d.rib()).filteredOn(e -> !e.best()).extracting(RibEntry::status).containsExactly("lost to default/10.0.0.11: AS path length 2 vs 1");
  }

  @Test
  void weightBeatsAsPathLength() {
    // step 1: weight (`neighbor X weight N`)
    FrrDaemon d = twoPeers(64514, 64515, "  neighbor 10.0.0.10 weight 100", List.of(List.of(64514L, 64600L), List.of(64515L)));
    assertThat(best(d).from()).isEqualTo("default/10.0.0.10");
  }

  @Test
  void equalPathsTieOnRouterIdAndSayStep12IsNotModelled() {
    // steps 12/13: the older eBGP path (arrival order, not modelled) then the lower router-id
    FrrDaemon d = twoPeers(64514, 64515, "", List.of(List.of(64514L), List.of(64515L)));
    assertThat(best(d).from()).isEqualTo("default/10.0.0.10");
    assertThat(best(d).arrivalOrderTie()).isFalse();
    assertThat(d.rib()).filteredOn(e -> !e.best()).singleElement().satisfies(e -> {
      assertThat(e.status()).contains("router-id 10.0.0.11 vs 10.0.0.10").contains("step 12");
      assertThat(e.arrivalOrderTie()).isTrue();
    });
    // different neighbour AS: no multipath, one next hop
    assertThat(d.kernelRoutes().get(0).nextHops()).hasSize(1);
  }

  @Test
  void thePathSelectedFirstWinsATieDownToStep12() {
    // step 12: BGP_PATH_SELECTED wins among eBGP paths equal down to it; the lab passes real bgpd's choice
    FrrDaemon d = daemon(TWO_PEERS.formatted(64514, 64515, ""), host());
    SessionContext a = session(d, "10.0.0.10", "10.0.0.1", null, 64513, 64514, "10.0.0.10", "eth0", V4);
    SessionContext b = session(d, "10.0.0.11", "10.0.0.1", null, 64513, 64515, "10.0.0.11", "eth0", V4);
    d.selectedFirst(java.util.Map.of(dev.podpath.core.net.IpPrefix.parse("10.244.0.0/16"), IpAddr.parse("10.0.0.11")));
    open(d, a, b);
    d.receive(a, V4, List.of(route("10.244.0.0/16", "10.0.0.10", 64514)));
    d.receive(b, V4, List.of(route("10.244.0.0/16", "10.0.0.11", 64515)));
    d.settle();
    assertThat(best(d).from()).isEqualTo("default/10.0.0.11");
    assertThat(d.kernelRoutes().get(0).nextHops()).containsExactly(new KernelRoute.NextHop(IpAddr.parse("10.0.0.11"), "eth0"));
    // a shorter AS path is decided before step 12: the hint does not override it
    FrrDaemon longer = daemon(TWO_PEERS.formatted(64514, 64515, ""), host());
    SessionContext la = session(longer, "10.0.0.10", "10.0.0.1", null, 64513, 64514, "10.0.0.10", "eth0", V4);
    SessionContext lb = session(longer, "10.0.0.11", "10.0.0.1", null, 64513, 64515, "10.0.0.11", "eth0", V4);
    longer.selectedFirst(java.util.Map.of(dev.podpath.core.net.IpPrefix.parse("10.244.0.0/16"), IpAddr.parse("10.0.0.11")));
    open(longer, la, lb);
    longer.receive(la, V4, List.of(route("10.244.0.0/16", "10.0.0.10", 64514)));
    longer.receive(lb, V4, List.of(route("10.244.0.0/16", "10.0.0.11", 64515, 64600)));
    longer.settle();
    assertThat(best(longer).from()).isEqualTo("default/10.0.0.10");
  }

  @Test
  void compareRouterIdOrALongerPathIsNoArrivalOrderTie() {
    String cmp = TWO_PEERS.replace(" no bgp ebgp-requires-policy\n", " no bgp ebgp-requires-policy\n bgp bestpath compare-routerid\n");
    FrrDaemon d = daemon(cmp.formatted(64514, 64515, ""), host());
    SessionContext a = session(d, "10.0.0.10", "10.0.0.1", null, 64513, 64514, "10.0.0.10", "eth0", V4);
    SessionContext b = session(d, "10.0.0.11", "10.0.0.1", null, 64513, 64515, "10.0.0.11", "eth0", V4);
    open(d, a, b);
    d.receive(a, V4, List.of(route("10.244.0.0/16", "10.0.0.10", 64514)));
    d.receive(b, V4, List.of(route("10.244.0.0/16", "10.0.0.11", 64515)));
    d.settle();
    assertThat(d.rib()).noneMatch(RibEntry::arrivalOrderTie);
    FrrDaemon longer = twoPeers(64514, 64515, "", List.of(List.of(64514L, 64600L), List.of(64515L)));
    assertThat(longer.rib()).noneMatch(RibEntry::arrivalOrderTie);
  }

  @Test
  void withoutMaximumPathsEveryEqualPathIsInstalled() {
    // F84 bgpd.c bgp_create: maxpaths default MULTIPATH_NUM (256 on Debian); lab seed 3 r6 fd00:a:1::/48
    FrrDaemon d = twoPeers(64514, 64514, "", List.of(List.of(64514L), List.of(64514L)));
    assertThat(best(d).from()).isEqualTo("default/10.0.0.10");
    assertThat(d.rib()).filteredOn(e -> e.from().equals("default/10.0.0.11")).singleElement().satisfies(e -> {
      assertThat(e.best()).isTrue();
      assertThat(e.status()).isEqualTo("multipath");
      assertThat(e.arrivalOrderTie()).isTrue();
    });
    assertThat(d.kernelRoutes().get(0).nextHops()).containsExactly(
        new KernelRoute.NextHop(IpAddr.parse("10.0.0.10"), "eth0"), new KernelRoute.NextHop(IpAddr.parse("10.0.0.11"), "eth0"));
    FrrDaemon one = twoPeers(64514, 64514, "  maximum-paths 1", List.of(List.of(64514L), List.of(64514L)));
    assertThat(one.kernelRoutes().get(0).nextHops()).containsExactly(new KernelRoute.NextHop(IpAddr.parse("10.0.0.10"), "eth0"));
  }

  @Test
  void aPathWithTheBestsNextHopIsNoMultipath() {
    // bgp_best_selection: "has the same nexthop as the bestpath, skip it" (bgp_path_info_nexthop_cmp)
    FrrDaemon d = daemon(TWO_PEERS.formatted(64514, 64514, ""), host());
    SessionContext a = session(d, "10.0.0.10", "10.0.0.1", null, 64513, 64514, "10.0.0.10", "eth0", V4);
    SessionContext b = session(d, "10.0.0.11", "10.0.0.1", null, 64513, 64514, "10.0.0.11", "eth0", V4);
    open(d, a, b);
    d.receive(a, V4, List.of(route("10.244.0.0/16", "10.0.0.12", 64514)));
    d.receive(b, V4, List.of(route("10.244.0.0/16", "10.0.0.12", 64514)));
    d.settle();
    assertThat(d.rib()).filteredOn(RibEntry::best).hasSize(1);
    assertThat(d.kernelRoutes().get(0).nextHops()).containsExactly(new KernelRoute.NextHop(IpAddr.parse("10.0.0.12"), "eth0"));
  }

  @Test
  void aGlobalOnlyNextHopAndTheSameGlobalWithALinkLocalAreTwoMultipathHops() {
    // F84 bgp_mpath.c bgp_path_info_nexthop_cmp: same global, 16- vs 32-byte next hop -> different next hops;
    // lab `lab --generate 30` r6 fd00:a:3::/48: "via fe80::3:1 dev eth0, via fd00:0:2::5 dev eth0", 2026-11-26
    AddressFamily v6 = AddressFamily.IPV6_UNICAST;
    String conf = """
        router bgp 64513
         neighbor fd00::10 remote-as 64513
         neighbor fd00::11 remote-as 64513
         address-family ipv6 unicast
          neighbor fd00::10 activate
          neighbor fd00::11 activate
        """;
    for (String secondLl : new String[] {null, "fe80::12"}) {
      FrrDaemon d = daemon(conf, new TestHost("r1").iface("eth0", null, "fd00::1/64", "fe80::1/64"));
      SessionContext a = session(d, "fd00::10", "fd00::1", "fe80::1", 64513, 64513, "10.0.0.10", "eth0", v6);
      SessionContext b = session(d, "fd00::11", "fd00::1", "fe80::1", 64513, 64513, "10.0.0.11", "eth0", v6);
      open(d, a, b);
      d.receive(a, v6, List.of(route("fd00:7::/48", "fd00::12")));
      d.receive(b, v6, List.of(route("fd00:7::/48", "fd00::12", secondLl)));
      d.settle();
      List<KernelRoute.NextHop> hops = d.kernelRoutes().stream().filter(k -> k.prefix().toString().equals("fd00:7::/48"))
          .findFirst().orElseThrow().nextHops();
      if (secondLl == null) {
        assertThat(hops).containsExactly(new KernelRoute.NextHop(IpAddr.parse("fd00::12"), "eth0"));
      } else {
        assertThat(hops).containsExactlyInAnyOrder(new KernelRoute.NextHop(IpAddr.parse("fd00::12"), "eth0"),
            new KernelRoute.NextHop(IpAddr.parse("fe80::12"), "eth0"));
      }
    }
  }

  @Test
  void maximumPathsInstallsEcmpForSameNeighborAs() {
    // step 11: eBGP multipath needs the same neighbour AS (bgp_path_info_cmp paths_eq); maximum-paths 2
    FrrDaemon d = twoPeers(64514, 64514, "  maximum-paths 2", List.of(List.of(64514L), List.of(64514L)));
    assertThat(d.rib()).allMatch(RibEntry::best);
    assertThat(d.kernelRoutes().get(0).nextHops()).containsExactly(
        new KernelRoute.NextHop(IpAddr.parse("10.0.0.10"), "eth0"), new KernelRoute.NextHop(IpAddr.parse("10.0.0.11"), "eth0"));
  }

  @Test
  void differentNeighborAsNeedsMultipathRelax() {
    FrrDaemon strict = twoPeers(64514, 64515, "  maximum-paths 2", List.of(List.of(64514L), List.of(64515L)));
    assertThat(strict.kernelRoutes().get(0).nextHops()).hasSize(1);
    String relax = TWO_PEERS.replace(" no bgp ebgp-requires-policy\n", " no bgp ebgp-requires-policy\n bgp bestpath as-path multipath-relax\n");
    FrrDaemon d = daemon(relax.formatted(64514, 64515, "  maximum-paths 2"), host());
    SessionContext a = session(d, "10.0.0.10", "10.0.0.1", null, 64513, 64514, "10.0.0.10", "eth0", V4);
    SessionContext b = session(d, "10.0.0.11", "10.0.0.1", null, 64513, 64515, "10.0.0.11", "eth0", V4);
    open(d, a, b);
    d.receive(a, V4, List.of(route("10.244.0.0/16", "10.0.0.10", 64514)));
    d.receive(b, V4, List.of(route("10.244.0.0/16", "10.0.0.11", 64515)));
    d.settle();
    assertThat(d.kernelRoutes().get(0).nextHops()).hasSize(2);
  }

  @Test
  void localPreferenceFromInboundRouteMapWins() {
    // step 2: local preference (eBGP-received LOCAL_PREF is ignored, bgp_attr_local_pref)
    FrrDaemon d = twoPeers(64514, 64515, "  neighbor 10.0.0.10 route-map LP in\n exit-address-family\nroute-map LP permit 10\n set local-preference 200",
        List.of(List.of(64514L, 64600L, 64601L), List.of(64515L)));
    assertThat(best(d).from()).isEqualTo("default/10.0.0.10");
    assertThat(d.rib()).filteredOn(e -> !e.best()).extracting(RibEntry::status).containsExactly("lost to default/10.0.0.10: local-pref 100 vs 200");
  }

  @Test
  void locallyOriginatedNetworkBeatsReceivedAndIsNotInstalled() {
    // step 3 (local route) and bgp_zebra_announce skipping self-originated paths
    TestHost h = host().route("10.244.0.0/16", null, "eth0");
    FrrDaemon d = daemon(TWO_PEERS.formatted(64514, 64515, "  network 10.244.0.0/16"), h);
    SessionContext a = session(d, "10.0.0.10", "10.0.0.1", null, 64513, 64514, "10.0.0.10", "eth0", V4);
    open(d, a);
    d.receive(a, V4, List.of(route("10.244.0.0/16", "10.0.0.10", 64514)));
    d.settle();
    assertThat(best(d).from()).isEqualTo("network");
    assertThat(best(d).attributes().origin()).isEqualTo(dev.podpath.model.routing.Origin.IGP);
    assertThat(d.kernelRoutes()).isEmpty();
  }
}
