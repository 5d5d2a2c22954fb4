package dev.podpath.controlplane.bird;

import static dev.podpath.controlplane.bird.TestHost.daemon;
import static dev.podpath.controlplane.bird.TestHost.route;
import static org.assertj.core.api.Assertions.assertThat;

import dev.podpath.controlplane.spi.AddressFamily;
import dev.podpath.controlplane.spi.RibEntry;
import dev.podpath.controlplane.spi.SessionContext;
import dev.podpath.core.net.IpAddr;
import dev.podpath.core.net.IpPrefix;
import dev.podpath.model.routing.BgpRoute;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * A worker of the founding case (Talos node, Cilium on ::1, PVE FRR upstream), compared with
 * what real bird2 2.0.12 did in the examples helper's lab run of the same bird.conf (netns
 * pp-ex-*, 2026-11-26, examples/cluster-101/README.md "Observed with real bird2").
 */
class BirdFoundingCaseTest {

  static final String SOLWK01 = """
      log stderr all;
      router id 10.101.0.21;
      define NODE_AS   = 4210101021;
      define CILIUM_AS = 4220101000;
      define PVE_AS    = 4200001000;
      protocol device { scan time 10; }
      protocol direct loopback {
        interface "lo";
        ipv6 { import all; export none; };
      }
      protocol kernel kernel6 {
        merge paths on;
        learn off;
        ipv6 {
          import none;
          export filter {
            if proto = "cilium" then reject;
            if proto = "loopback" then reject;
            accept;
          };
        };
      }
      filter to_pve {
        if proto = "loopback" && net ~ [ fd00:101:fe::/64{128,128} ] then accept;
        if proto = "cilium" && net ~ [ fd00:101:224::/60{80,80}, fd00:101:1b::/112{128,128} ] then accept;
        reject;
      }
      protocol bgp cilium {
        passive on;
        multihop 2;
        local as NODE_AS;
        neighbor ::1 as CILIUM_AS;
        ipv6 { import all; export none; };
      }
      protocol bgp pve {
        local fd00:101::21 as NODE_AS;
        neighbor fd00:101::fffe as PVE_AS;
        ipv6 { import none; export filter to_pve; next hop self; };
      }
      """;

  static final TestHost HOST = TestHost.node("eth0=fd00:101::21/64,10.101.0.21/24", "eth1=2001:db8:101::21/64")
      .withLoopback("fd00:101:fe::21/128")
      .withKernelRoute("::/0", "2001:db8:101::1", "eth1", "boot");

  /** The fixed config's IPv4 additions (examples/cluster-101-fixed solwk01). */
  static final String FIXED_V4 = SOLWK01
      .replace("neighbor ::1 as CILIUM_AS;\n  ipv6 { import all; export none; };",
          "neighbor ::1 as CILIUM_AS;\n  ipv6 { import all; export none; };\n  ipv4 { EXT import all; export none; };")
      .replace("ipv6 { import none; export filter to_pve; next hop self; };",
          "ipv6 { import none; export filter to_pve; next hop self; };\n  ipv4 { import none; export filter { if proto = \"cilium\" then accept; reject; }; next hop self; };");

  @Test
  void ipv4OverTheLocalhostSessionNeedsExtendedNextHop() {
    // lab (examples helper, cluster-101-fixed, 2026-11-26): without `extended next hop on` Cilium's IPv4 route with next hop ::1
    // is ignored as a withdraw; with it the /24 is in bird (unreachable: ::1 unresolvable) and reaches pve01 with an IPv4
    // next hop of the vnet interface (10.101.0.XX)
    SessionContext cil = new SessionContext("cilium", IpAddr.parse("::1"), null, IpAddr.parse("::1"), 4210101021L, 4220101000L,
        IpAddr.parse("10.101.1.21"), false, null, Set.of(AddressFamily.IPV6_UNICAST, AddressFamily.IPV4_UNICAST), "solwk01", "cilium");
    SessionContext pve = new SessionContext("pve", IpAddr.parse("fd00:101::21"), IpAddr.parse("fe80::21"), IpAddr.parse("fd00:101::fffe"),
        4210101021L, 4200001000L, IpAddr.parse("10.101.0.254"), true, "eth0", Set.of(AddressFamily.IPV6_UNICAST, AddressFamily.IPV4_UNICAST),
        "pve01", "frr");
    for (boolean ext : new boolean[] {false, true}) {
      String conf = FIXED_V4.replace("EXT", ext ? "extended next hop on;" : "");
      assertThat(conf).contains("ipv4 {");
      BirdDaemon d = daemon(conf, HOST);
      d.neighbors();
      d.open(List.of(cil, pve));
      d.receive(cil, AddressFamily.IPV4_UNICAST, List.of(route("10.101.227.0/24", "::1", 4220101000L)));
      d.settle();
      List<BgpRoute> v4 = d.advertise(pve, AddressFamily.IPV4_UNICAST);
      if (ext) {
        assertThat(d.rib()).filteredOn(r -> r.prefix().equals(IpPrefix.parse("10.101.227.0/24"))).singleElement()
            .satisfies(r -> assertThat(r.status()).startsWith("unreachable"));
        assertThat(v4).singleElement().satisfies(r -> {
          assertThat(r.prefix()).isEqualTo(IpPrefix.parse("10.101.227.0/24"));
          assertThat(r.attributes().nextHop()).isEqualTo(IpAddr.parse("10.101.0.21"));
          assertThat(r.attributes().nextHopLinkLocal()).isNull();
        });
      } else {
        assertThat(d.rib()).filteredOn(r -> r.prefix().equals(IpPrefix.parse("10.101.227.0/24"))).singleElement()
            .satisfies(r -> {
              assertThat(r.best()).isFalse();
              assertThat(r.status()).contains("mismatched address family");
            });
        assertThat(v4).isEmpty();
      }
    }
  }

  @Test
  void workerExportsUnreachableCiliumRoutesToPveAndInstallsNothing() {
    BirdDaemon d = daemon(SOLWK01, HOST);
    SessionContext cil = TestHost.session("cilium", "::1", "::1", 4210101021L, 4220101000L, null);
    SessionContext pve = new SessionContext("pve", IpAddr.parse("fd00:101::21"), IpAddr.parse("fe80::21"), IpAddr.parse("fd00:101::fffe"),
        4210101021L, 4200001000L, IpAddr.parse("10.101.0.254"), true, "eth0", Set.of(AddressFamily.IPV6_UNICAST), "pve01", "frr");
    assertThat(d.neighbors()).hasSize(2);
    d.open(List.of(cil, pve));
    d.receive(cil, AddressFamily.IPV6_UNICAST, List.of(
        route("fd00:101:224:0:3::/80", "::1", 4220101000L), route("fd00:101:1b::10/128", "::1", 4220101000L)));
    d.receive(pve, AddressFamily.IPV6_UNICAST, List.of(
        route("fd00:101::/64", "fd00:101::fffe", 4200001000L),
        route("fd00:101:224:0:3::/80", "fd00:101::fffe", 4200001000L, 4210101021L, 4220101000L),
        route("fd00:101:224:0:4::/80", "fd00:101::22", 4200001000L, 4210101022L, 4220101000L)));
    d.settle();

    // "Both are shown unreachable ... still selected (*)"
    List<RibEntry> fromCilium = d.rib().stream().filter(r -> r.from().startsWith("cilium")).toList();
    assertThat(fromCilium).hasSize(2).allSatisfy(r -> {
      assertThat(r.best()).isTrue();
      assertThat(r.status()).startsWith("unreachable");
    });
    // "exported to PVE with next hop self (fd00:101::XX plus the link-local); show route export pve lists the pod /80,
    // the loopback /128 and the VIP"
    List<BgpRoute> toPve = d.advertise(pve, AddressFamily.IPV6_UNICAST);
    assertThat(toPve).extracting(BgpRoute::prefix).containsExactlyInAnyOrder(
        IpPrefix.parse("fd00:101:224:0:3::/80"), IpPrefix.parse("fd00:101:1b::10/128"), IpPrefix.parse("fd00:101:fe::21/128"));
    assertThat(toPve).allSatisfy(r -> {
      assertThat(r.attributes().nextHop()).isEqualTo(IpAddr.parse("fd00:101::21"));
      assertThat(r.attributes().nextHopLinkLocal()).isEqualTo(IpAddr.parse("fe80::21"));
    });
    // "kernel6 exports nothing"; "(import none) ... Nothing imported", own prefixes ignored as loops
    assertThat(d.kernelRoutes()).isEmpty();
    assertThat(d.rib()).filteredOn(r -> r.from().startsWith("pve")).allSatisfy(r -> assertThat(r.best()).isFalse());
    assertThat(d.rib()).filteredOn(r -> r.from().startsWith("pve") && r.prefix().equals(IpPrefix.parse("fd00:101:224:0:3::/80")))
        .singleElement().satisfies(r -> assertThat(r.status()).contains("dropped as a loop"));
    assertThat(d.advertise(cil, AddressFamily.IPV6_UNICAST)).isEmpty();
    assertThat(d.findings()).anySatisfy(f -> {
      assertThat(f.code()).isEqualTo("bird/kernel-exports-nothing");
      assertThat(f.where().line()).isEqualTo(16);
      assertThat(f.message()).contains("at hosts/n1/bird.conf:17 `if proto = \"cilium\" then reject;`")
          .contains("fd00:101:fe::21/128 from loopback at hosts/n1/bird.conf:18");
    });
  }
}
