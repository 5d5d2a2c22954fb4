package dev.podpath.controlplane.frr;

import static org.assertj.core.api.Assertions.assertThat;

import dev.podpath.ingest.frr.FrrConfigParser;
import dev.podpath.ingest.frr.FrrVersion;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Whatever the parser recovers, the daemon builds, settles and answers without throwing. */
class FrrDaemonRobustnessTest {

  private static final String[] LINES = {
    "router bgp 65000", "router bgp 65000 vrf red", "neighbor 10.0.0.2 remote-as 65001", "neighbor fd00::2 remote-as internal",
    "neighbor PG peer-group", "neighbor PG remote-as external", "neighbor 10.0.0.3 peer-group PG", "bgp listen range 10.0.0.0/24 peer-group PG",
    "address-family ipv4 unicast", "address-family ipv6 unicast", "network 10.0.0.0/24", "network fd00::/64 route-map RM",
    "redistribute connected route-map RM", "redistribute static", "redistribute kernel", "neighbor PG route-map RM in",
    "neighbor 10.0.0.2 route-map NOPE out", "maximum-paths 4", "import vrf red", "exit-address-family", "exit",
    "route-map RM permit 10", "match ip address prefix-list PL", "set community 65000:1 additive", "call RM", "on-match next",
    "ip prefix-list PL permit any", "ip route 0.0.0.0/0 10.0.0.254", "ip route 10.9.0.0/16 blackhole", "vrf red", "ip route 10.8.0.0/16 Null0",
    "exit-vrf", "no bgp ebgp-requires-policy", "frr defaults datacenter", "bgp allow-martian-nexthop", "ip nht resolve-via-default"
  };

  @Provide
  Arbitrary<String> configs() {
    return Arbitraries.of(LINES).list().ofMaxSize(40).map(l -> String.join("\n", l));
  }

  @Property(tries = 200)
  void buildsAndSettles(@ForAll("configs") String text) {
    TestHost h = new TestHost("r1").iface("eth0", null, "10.0.0.1/24", "fd00::1/64").iface("vmbr1", "red", "10.10.0.1/24");
    FrrDaemon d = new FrrDaemon(FrrConfigParser.parse(text, "f", FrrVersion.DEBIAN_BOOKWORM).config(), h, java.util.List.of(dev.podpath.core.net.IpAddr.parse("10.0.0.7")));
    d.settle();
    assertThat(d.settle()).isFalse();
    assertThat(d.kernelRoutes()).isNotNull();
    assertThat(d.rib()).isNotNull();
    assertThat(d.findings()).isNotNull();
  }
}
