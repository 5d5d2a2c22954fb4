package dev.podpath.controlplane.bird;

import static dev.podpath.controlplane.bird.TestHost.daemon;
import static dev.podpath.controlplane.bird.TestHost.route;
import static dev.podpath.controlplane.bird.TestHost.session;
import static org.assertj.core.api.Assertions.assertThat;

import dev.podpath.controlplane.spi.AddressFamily;
import dev.podpath.controlplane.spi.BgpNeighborConfig;
import dev.podpath.controlplane.spi.RibEntry;
import dev.podpath.controlplane.spi.SessionContext;
import dev.podpath.core.Finding;
import dev.podpath.core.net.IpAddr;
import dev.podpath.core.net.IpPrefix;
import dev.podpath.model.routing.AsPath;
import dev.podpath.model.routing.BgpRoute;
import dev.podpath.model.routing.KernelRoute;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Semantic rules of the simulated bird2, each citing its source. */
class BirdDaemonTest {

  static final String NODE = """
      router id 10.0.0.21;
      protocol device { }
      protocol direct { ipv6; interface "eth0"; }
      protocol kernel k6 {
        ipv6 { import all; export all; };
        LEARN
      }
      protocol bgp cilium {
        local ::1 as 65001;
        neighbor ::1 as 65100;
        multihop 2;
        passive on;
        ipv6 { import all; export none; };
      }
      """;

  static final TestHost HOST = TestHost.node("eth0=fd00:101::21/64,fe80::21/64");

  static BirdDaemon run(BirdDaemon d, SessionContext s, BgpRoute... routes) {
    d.neighbors();
    d.open(List.of(s));
    d.receive(s, AddressFamily.of(s.remoteAddress().v6()), List.of(routes));
    d.settle();
    return d;
  }

  static SessionContext cilium() {
    return session("cilium", "::1", "::1", 65001, 65100, null);
  }

  @Test
  void localhostNextHopIsUnreachableAndInstalledAsUnreachable() {
    // lab: bird2 2.0.12 in netns pp-bird-1 with gobgpd on ::1, 2026-11-26: `show route all` gives
    // "fd00:101:224:1::/80 unreachable [cilium ... from ::1] * (100)" and the kernel gets
    // "unreachable fd00:101:224:1::/80 dev lo proto bird metric 32"
    BirdDaemon d = run(daemon(NODE.replace("LEARN", ""), HOST), cilium(), route("fd00:101:224:1::/80", "::1", 65100));
    RibEntry e = d.rib().stream().filter(r -> r.prefix().equals(IpPrefix.parse("fd00:101:224:1::/80"))).findFirst().orElseThrow();
    assertThat(e.best()).isTrue();
    assertThat(e.status()).startsWith("unreachable").contains("no route in master6 covers next hop ::1");
    assertThat(e.attributes().localPref()).isEqualTo(100L);
    KernelRoute k = d.kernelRoutes().stream().filter(r -> r.prefix().equals(IpPrefix.parse("fd00:101:224:1::/80"))).findFirst().orElseThrow();
    assertThat(k.type()).isEqualTo(KernelRoute.Type.UNREACHABLE);
    assertThat(k.metric()).isEqualTo(32);
    assertThat(k.protocol()).isEqualTo("bird");
    assertThat(k.device()).isEqualTo("lo");
    assertThat(d.findings()).extracting(Finding::code).contains("bgp/next-hop-unresolvable");
  }

  @Test
  void recursiveNextHopNeedsTheDirectProtocol() {
    // lab 2026-11-26 (pp-bird-1, gobgpd on ::1 announcing next hop fd00:101::fffe): without `protocol direct`
    // "unreachable ... BGP.next_hop: fd00:101::fffe" although the kernel has the connected route (proto kernel is
    // never learned); with it "unicast ... via fd00:101::fffe on eth0"
    TestHost h = HOST.withKernelRoute("fd00:101::/64", null, "eth0", "kernel");
    String without = NODE.replace("LEARN", "learn;").replace("protocol direct { ipv6; interface \"eth0\"; }", "");
    BirdDaemon d = run(daemon(without, h), cilium(), route("fd00:101:224:1::/80", "fd00:101::fffe", 65100));
    assertThat(d.rib()).filteredOn(RibEntry::best).singleElement().satisfies(e -> assertThat(e.status()).startsWith("unreachable"));
    BirdDaemon with = run(daemon(NODE.replace("LEARN", "learn;"), h), cilium(), route("fd00:101:224:1::/80", "fd00:101::fffe", 65100));
    KernelRoute k = with.kernelRoutes().stream().filter(r -> r.prefix().equals(IpPrefix.parse("fd00:101:224:1::/80"))).findFirst().orElseThrow();
    assertThat(k.nextHops()).containsExactly(new KernelRoute.NextHop(IpAddr.parse("fd00:101::fffe"), "eth0"));
  }

  @Test
  void directRoutesAreExportedToTheKernelWithMetric32() {
    // lab 2026-11-26: with `export all`, "fd00:101::/64 dev eth0 proto bird metric 32" next to the kernel's own route
    BirdDaemon d = run(daemon(NODE.replace("LEARN", ""), HOST), cilium());
    assertThat(d.kernelRoutes()).singleElement().satisfies(k -> {
      assertThat(k.prefix()).isEqualTo(IpPrefix.parse("fd00:101::/64"));
      assertThat(k.device()).isEqualTo("eth0");
      assertThat(k.nextHops()).isEmpty();
      assertThat(k.metric()).isEqualTo(32);
    });
  }

  @Test
  void learnedDefaultRouteResolvesTheLocalhostNextHop() {
    // lab 2026-11-26 (same netns, `learn` on, `default via fd00:101::fffe proto static`): the BGP route
    // becomes "unicast ... via fd00:101::fffe on eth0 (100/?)" and the kernel gets "via fd00:101::fffe dev eth0 proto bird metric 32"
    TestHost h = HOST.withKernelRoute("::/0", "fd00:101::fffe", "eth0", "static");
    BirdDaemon d = run(daemon(NODE.replace("LEARN", "learn;"), h), cilium(), route("fd00:101:224:1::/80", "::1", 65100));
    RibEntry e = d.rib().stream().filter(r -> r.prefix().equals(IpPrefix.parse("fd00:101:224:1::/80"))).findFirst().orElseThrow();
    assertThat(e.best()).isTrue();
    assertThat(e.status()).isEmpty();
    KernelRoute k = d.kernelRoutes().stream().filter(r -> r.prefix().equals(IpPrefix.parse("fd00:101:224:1::/80"))).findFirst().orElseThrow();
    assertThat(k.type()).isEqualTo(KernelRoute.Type.UNICAST);
    assertThat(k.nextHops()).containsExactly(new KernelRoute.NextHop(IpAddr.parse("fd00:101::fffe"), "eth0"));
    // the learned default route itself is never exported back by the kernel protocol (krt_preexport)
    assertThat(d.kernelRoutes()).noneMatch(r -> r.prefix().length() == 0);
    assertThat(d.rib()).anySatisfy(r -> {
      assertThat(r.prefix()).isEqualTo(IpPrefix.parse("::/0"));
      assertThat(r.from()).isEqualTo("k6");
    });
  }

  @Test
  void withoutLearnKernelRoutesAreNotImported() {
    // sysdep/unix/krt.c krt_got_route: alien routes are imported only with `learn` (default off)
    TestHost h = HOST.withKernelRoute("::/0", "fd00:101::fffe", "eth0", "static");
    BirdDaemon d = run(daemon(NODE.replace("LEARN", ""), h), cilium(), route("fd00:101:224:1::/80", "::1", 65100));
    assertThat(d.rib()).noneMatch(r -> r.prefix().length() == 0);
    assertThat(d.kernelRoutes()).anyMatch(k -> k.type() == KernelRoute.Type.UNREACHABLE);
  }

  @Test
  void protoKernelRoutesNeedLearnAll() {
    // sysdep/unix/krt.c: proto kernel routes are ignored; `learn all` (2.14+) takes them too
    TestHost h = HOST.withKernelRoute("fd00:9::/64", null, "eth0", "kernel");
    String conf = NODE.replace("LEARN", "learn all;");
    BirdDaemon old = run(daemon(NODE.replace("LEARN", "learn;"), h), cilium());
    assertThat(old.rib()).noneMatch(r -> r.prefix().equals(IpPrefix.parse("fd00:9::/64")));
    BirdDaemon v218 = run(daemon(conf, h, dev.podpath.ingest.bird.BirdVersion.V2_18), cilium());
    assertThat(v218.rib()).anyMatch(r -> r.prefix().equals(IpPrefix.parse("fd00:9::/64")) && r.best());
    // the same file on 2.0.12 is refused as a whole
    BirdDaemon v2012 = run(daemon(conf, h), cilium());
    assertThat(v2012.neighbors()).isEmpty();
    assertThat(v2012.findings()).extracting(Finding::code).contains("bird/not-running");
  }

  @Test
  void localhostNeighborWithoutMultihopNeverStarts() {
    // lab-notes.md: without multihop bird disables the protocol ("Invalid remote address"); nest/neighbor.c neigh_find
    BirdDaemon d = daemon(NODE.replace("LEARN", "").replace("multihop 2;", ""), HOST);
    List<BgpNeighborConfig> n = d.neighbors();
    assertThat(n).isEmpty();
    assertThat(d.findings()).anySatisfy(f -> {
      assertThat(f.code()).isEqualTo("bgp/invalid-remote-address");
      assertThat(f.where().line()).isEqualTo(10);
      assertThat(f.message()).contains("Invalid remote address ::1");
    });
  }

  @Test
  void neighborConfigCarriesBirdDefaults() {
    BirdDaemon d = daemon(NODE.replace("LEARN", "") + """
        protocol bgp upstream {
          local as 65001;
          neighbor fd00:101::fffe as 4200001000;
          password "pw";
          ipv6 { import all; export none; };
        }
        """, HOST);
    List<BgpNeighborConfig> n = d.neighbors();
    assertThat(n).extracting(BgpNeighborConfig::id).containsExactly("cilium", "upstream");
    BgpNeighborConfig c = n.get(0);
    assertThat(c.multihopTtl()).isEqualTo(2);
    assertThat(c.passive()).isTrue();
    assertThat(c.localAddress()).isEqualTo(IpAddr.parse("::1"));
    assertThat(c.peerAs()).isEqualTo(new BgpNeighborConfig.PeerAs.Exact(65100));
    assertThat(c.families()).containsExactly(AddressFamily.IPV6_UNICAST);
    BgpNeighborConfig u = n.get(1);
    // bgp_postconfig: eBGP is direct (single hop) by default; port 179
    assertThat(u.multihopTtl()).isEqualTo(1);
    assertThat(u.connectedCheck()).isTrue();
    assertThat(u.peerPort()).isEqualTo(179);
    assertThat(u.passwordDigest()).isNotNull().doesNotContain("pw");
    assertThat(d.routerId()).isEqualTo(IpAddr.parse("10.0.0.21"));
  }

  @Test
  void configErrorMeansBirdDoesNotRun() {
    // lab 2026-11-26: bird -p: "EBGP requires explicit import policy" -> bird refuses the file
    BirdDaemon d = daemon("""
        router id 10.0.0.21;
        protocol bgp up { local as 1; neighbor fd00:101::fffe as 2; ipv6; }
        """, HOST);
    assertThat(d.neighbors()).isEmpty();
    d.open(List.of());
    d.settle();
    assertThat(d.kernelRoutes()).isEmpty();
    assertThat(d.findings()).anySatisfy(f -> {
      assertThat(f.code()).isEqualTo("bird/not-running");
      assertThat(f.message()).contains("EBGP requires explicit import policy").contains("hosts/n1/bird.conf:2");
    });
  }

  static final String UPSTREAM = """
      router id 10.0.0.21;
      protocol device { }
      protocol kernel { ipv6 { export where source = RTS_BGP; }; merge paths on; }
      protocol static { ipv6; route fd00:101:224::/64 blackhole; route fd00:55::/64 via fd00:101::99; route fd00:56::/64 via fd00:999::1; }
      protocol bgp up1 {
        local as 65001;
        neighbor fd00:101::fffe as 4200001000;
        ipv6 { import IMPORT; export EXPORT; };
      }
      protocol bgp up2 {
        local as 65001;
        neighbor fd00:101::fffd as 4200001000;
        ipv6 { import all; export none; };
      }
      """;

  static BirdDaemon upstream(String imp, String exp) {
    return daemon(UPSTREAM.replace("IMPORT", imp).replace("EXPORT", exp), HOST);
  }

  static SessionContext up1() {
    return session("up1", "fd00:101::21", "fd00:101::fffe", 65001, 4200001000L, "eth0");
  }

  static SessionContext up2() {
    return session("up2", "fd00:101::21", "fd00:101::fffd", 65001, 4200001000L, "eth0");
  }

  static BirdDaemon exchange(BirdDaemon d, List<BgpRoute> r1, List<BgpRoute> r2) {
    d.neighbors();
    d.open(List.of(up1(), up2()));
    d.receive(up1(), AddressFamily.IPV6_UNICAST, r1);
    d.receive(up2(), AddressFamily.IPV6_UNICAST, r2);
    d.settle();
    return d;
  }

  @Test
  void asPathLoopIsDroppedSilentlyUnlessAllowLocalAs() {
    // proto/bgp/attrs.c bgp_as_path_loopy; BIRD manual "allow local as"
    BirdDaemon d = exchange(upstream("all", "none"), List.of(route("fd00:7::/64", "fd00:101::fffe", 4200001000L, 65001)), List.of());
    RibEntry looped = d.rib().stream().filter(r -> r.prefix().equals(IpPrefix.parse("fd00:7::/64"))).findFirst().orElseThrow();
    assertThat(looped.best()).isFalse();
    assertThat(looped.status()).contains("contains our AS 65001").contains("dropped as a loop");
    // silently: BIRD logs nothing, so podpath adds no finding either
    assertThat(d.findings()).noneMatch(f -> f.message().contains("fd00:7::/64"));
    String conf = UPSTREAM.replace("IMPORT", "all").replace("EXPORT", "none").replace("neighbor fd00:101::fffe as 4200001000;",
        "neighbor fd00:101::fffe as 4200001000; allow local as 1;");
    BirdDaemon allowed = exchange(daemon(conf, HOST), List.of(route("fd00:7::/64", "fd00:101::fffe", 4200001000L, 65001)), List.of());
    assertThat(allowed.rib()).anyMatch(r -> r.prefix().equals(IpPrefix.parse("fd00:7::/64")) && r.best());
  }

  @Test
  void gatewayDirectNeedsAConnectedNextHop() {
    // proto/bgp/packets.c bgp_apply_next_hop: "Invalid NEXT_HOP attribute - address %I not directly reachable"
    BirdDaemon d = exchange(upstream("all", "none"), List.of(route("fd00:7::/64", "fd00:999::1", 4200001000L)),
        List.of(route("fd00:8::/64", "fd00:101::fffd", 4200001000L)));
    assertThat(d.rib()).anySatisfy(r -> {
      assertThat(r.prefix()).isEqualTo(IpPrefix.parse("fd00:7::/64"));
      assertThat(r.best()).isFalse();
      assertThat(r.status()).contains("not directly reachable").contains("treated as withdraw");
    });
    assertThat(d.findings()).anyMatch(f -> f.code().equals("bgp/invalid-next-hop") && f.where().line() == 7);
    assertThat(d.kernelRoutes()).singleElement().satisfies(k -> {
      assertThat(k.prefix()).isEqualTo(IpPrefix.parse("fd00:8::/64"));
      assertThat(k.nextHops()).containsExactly(new KernelRoute.NextHop(IpAddr.parse("fd00:101::fffd"), "eth0"));
    });
  }

  @Test
  void staticBeatsBgpByPreference() {
    // nest/route.h DEF_PREF_STATIC 200 > DEF_PREF_BGP 100; nest/rt-table.c rte_better compares preference first
    BirdDaemon d = exchange(upstream("all", "none"), List.of(route("fd00:101:224::/64", "fd00:101::fffe", 4200001000L)), List.of());
    List<RibEntry> e = d.rib().stream().filter(r -> r.prefix().equals(IpPrefix.parse("fd00:101:224::/64"))).toList();
    assertThat(e).hasSize(2);
    assertThat(e.get(0).from()).isEqualTo("static1");
    assertThat(e.get(0).best()).isTrue();
    assertThat(e.get(1).status()).contains("preference 200 over 100");
    // the kernel protocol exports only RTS_BGP: the best (static) route is rejected, nothing else is tried
    assertThat(d.kernelRoutes()).isEmpty();
  }

  @Test
  void bgpTieBreaksAndMergePaths() {
    // proto/bgp/attrs.c bgp_rte_better: shorter AS path wins; equal routes merge into ECMP with `merge paths`
    BirdDaemon d = exchange(upstream("all", "none"),
        List.of(route("fd00:7::/64", "fd00:101::fffe", 4200001000L), route("fd00:8::/64", "fd00:101::fffe", 4200001000L, 64999)),
        List.of(route("fd00:7::/64", "fd00:101::fffd", 4200001000L), route("fd00:8::/64", "fd00:101::fffd", 4200001000L)));
    RibEntry lost = d.rib().stream().filter(r -> r.prefix().equals(IpPrefix.parse("fd00:8::/64")) && !r.best()).findFirst().orElseThrow();
    assertThat(lost.status()).contains("shorter AS path (1 over 2)");
    KernelRoute ecmp = d.kernelRoutes().stream().filter(k -> k.prefix().equals(IpPrefix.parse("fd00:7::/64"))).findFirst().orElseThrow();
    assertThat(ecmp.nextHops()).extracting(KernelRoute.NextHop::gateway)
        .containsExactlyInAnyOrder(IpAddr.parse("fd00:101::fffe"), IpAddr.parse("fd00:101::fffd"));
    KernelRoute single = d.kernelRoutes().stream().filter(k -> k.prefix().equals(IpPrefix.parse("fd00:8::/64"))).findFirst().orElseThrow();
    assertThat(single.nextHops()).hasSize(1);
  }

  @Test
  void lowerRouterIdBreaksTheLastTie() {
    BirdDaemon d = exchange(upstream("all", "none"), List.of(route("fd00:7::/64", "fd00:101::fffe", 4200001000L)),
        List.of(route("fd00:7::/64", "fd00:101::fffd", 4200001000L)));
    // up1's peer router id 10.9.9.x equals up2's (same remote AS in the test): peer address decides, lower wins
    RibEntry best = d.rib().stream().filter(r -> r.prefix().equals(IpPrefix.parse("fd00:7::/64")) && r.best()).findFirst().orElseThrow();
    assertThat(best.from()).isEqualTo("up2 from fd00:101::fffd");
  }

  @Test
  void ebgpExportPrependsOurAsSetsNextHopSelfAndStripsMedAndLocalPref() {
    // attrs.c bgp_update_attrs; packets.c bgp_update_next_hop_ip (own address = session local address)
    BirdDaemon d = exchange(upstream("all", "filter { bgp_local_pref = 300; accept; }"), List.of(),
        List.of(route("fd00:8::/64", "fd00:101::fffd", 4200001000L, 64999)));
    List<BgpRoute> out = d.advertise(up1(), AddressFamily.IPV6_UNICAST);
    // static blackhole fd00:101:224::/64 (ORIGIN IGP) and fd00:55::/64 via a connected gateway; fd00:56::/64 has no reachable gateway
    assertThat(out).extracting(BgpRoute::prefix).containsExactly(
        IpPrefix.parse("fd00:8::/64"), IpPrefix.parse("fd00:55::/64"), IpPrefix.parse("fd00:101:224::/64"));
    BgpRoute learned = out.get(0);
    assertThat(learned.attributes().asPath()).isEqualTo(AsPath.of(65001, 4200001000L, 64999));
    assertThat(learned.attributes().localPref()).isNull();
    assertThat(learned.attributes().med()).isNull();
    // third party: up2 and up1 are single-hop on eth0, so the next hop of up2's route is kept
    assertThat(learned.attributes().nextHop()).isEqualTo(IpAddr.parse("fd00:101::fffd"));
    BgpRoute stat = out.get(2);
    assertThat(stat.attributes().asPath()).isEqualTo(AsPath.of(65001));
    assertThat(stat.attributes().origin()).isEqualTo(dev.podpath.model.routing.Origin.IGP);
    assertThat(stat.attributes().nextHop()).isEqualTo(IpAddr.parse("fd00:101::21"));
    // bgp_use_gateway: a static route's own global gateway on the peer's interface is used as next hop
    assertThat(out.get(1).attributes().nextHop()).isEqualTo(IpAddr.parse("fd00:101::99"));
    // never back to the protocol the route came from
    assertThat(d.advertise(up2(), AddressFamily.IPV6_UNICAST)).isEmpty();
  }

  @Test
  void nextHopSelfOverridesThirdParty() {
    String conf = UPSTREAM.replace("IMPORT", "all").replace("EXPORT", "all; next hop self");
    BirdDaemon d = exchange(daemon(conf, HOST), List.of(), List.of(route("fd00:8::/64", "fd00:101::fffd", 4200001000L)));
    BgpRoute r = d.advertise(up1(), AddressFamily.IPV6_UNICAST).stream().filter(x -> x.prefix().equals(IpPrefix.parse("fd00:8::/64")))
        .findFirst().orElseThrow();
    assertThat(r.attributes().nextHop()).isEqualTo(IpAddr.parse("fd00:101::21"));
  }

  @Test
  void exportFilterRejectingTheBestExportsNothingForThatPrefix() {
    // doc "export": only the best route of a net is offered (RA_OPTIMAL); no fallback to the second best
    String conf = UPSTREAM.replace("IMPORT", "all").replace("EXPORT", "filter { if proto = \"static1\" then reject; accept; }");
    BirdDaemon d = exchange(daemon(conf, HOST), List.of(), List.of(route("fd00:101:224::/64", "fd00:101::fffd", 4200001000L)));
    assertThat(d.advertise(up1(), AddressFamily.IPV6_UNICAST)).noneMatch(r -> r.prefix().equals(IpPrefix.parse("fd00:101:224::/64")));
    assertThat(d.exportNotes("up1", AddressFamily.IPV6_UNICAST)).anyMatch(n -> n.startsWith("fd00:101:224::/64") && n.contains("rejected"));
  }

  @Test
  void importFilterWithPrefixSetAndPathMask() {
    String conf = UPSTREAM.replace("IMPORT", "filter { if net ~ [ fd00:7::/48+ ] && bgp_path ~ [= 4200001000 * =] then { bgp_local_pref = 200; accept; } reject; }")
        .replace("EXPORT", "none");
    BirdDaemon d = exchange(daemon(conf, HOST), List.of(route("fd00:7::/64", "fd00:101::fffe", 4200001000L), route("fd00:9::/64", "fd00:101::fffe", 4200001000L)),
        List.of(route("fd00:7::/64", "fd00:101::fffd", 4200001000L)));
    RibEntry ok = d.rib().stream().filter(r -> r.prefix().equals(IpPrefix.parse("fd00:7::/64")) && r.best()).findFirst().orElseThrow();
    assertThat(ok.from()).startsWith("up1");
    assertThat(ok.attributes().localPref()).isEqualTo(200L);
    RibEntry rejected = d.rib().stream().filter(r -> r.prefix().equals(IpPrefix.parse("fd00:9::/64"))).findFirst().orElseThrow();
    assertThat(rejected.best()).isFalse();
    assertThat(rejected.status()).contains("rejected by import filter at hosts/n1/bird.conf:8");
  }

  @Test
  void ibgpRoutesAreNotReflectedWithoutRrClient() {
    // attrs.c bgp_preexport: iBGP -> iBGP only if one side is `rr client`
    String conf = """
        router id 10.0.0.21;
        protocol device { }
        protocol bgp a { local as 65001; neighbor fd00:101::1 as 65001; direct; ipv6 { import all; export all; }; }
        protocol bgp b { local as 65001; neighbor fd00:101::2 as 65001; direct; RR ipv6 { import all; export all; }; }
        """;
    SessionContext sa = session("a", "fd00:101::21", "fd00:101::1", 65001, 65001, "eth0");
    SessionContext sb = session("b", "fd00:101::21", "fd00:101::2", 65001, 65001, "eth0");
    for (boolean rr : new boolean[] {false, true}) {
      BirdDaemon d = daemon(conf.replace("RR", rr ? "rr client;" : ""), HOST);
      d.neighbors();
      d.open(List.of(sa, sb));
      d.receive(sa, AddressFamily.IPV6_UNICAST, List.of(route("fd00:7::/64", "fd00:101::1")));
      d.settle();
      List<BgpRoute> toB = d.advertise(sb, AddressFamily.IPV6_UNICAST);
      if (rr) {
        assertThat(toB).singleElement().satisfies(r -> {
          // iBGP keeps the next hop and LOCAL_PREF; reflection adds ORIGINATOR_ID and our cluster id
          assertThat(r.attributes().nextHop()).isEqualTo(IpAddr.parse("fd00:101::1"));
          assertThat(r.attributes().localPref()).isEqualTo(100L);
          assertThat(r.attributes().clusterList()).containsExactly(IpAddr.parse("10.0.0.21"));
          assertThat(r.attributes().asPath().length()).isZero();
        });
      } else {
        assertThat(toB).isEmpty();
      }
    }
  }

  @Test
  void aReflectedNextHopKeepsItsLinkLocalPartUnlessAFilterSetsTheNextHop() {
    // packets.c bgp_update_next_hop_ip: a kept next hop is the received 32-byte attribute; `bgp_next_hop =` sets one
    // address (lab: seed 24 of `lab --generate`, FRR behind a bird reflector installs via the originator's fe80, 2026-11-26)
    String conf = """
        router id 10.0.0.21;
        protocol device { }
        protocol bgp a { local as 65001; neighbor fd00:101::1 as 65001; direct; ipv6 { import all; export all; }; }
        protocol bgp b { local as 65001; neighbor fd00:101::2 as 65001; direct; rr client; ipv6 { import all; EXPORT }; }
        """;
    SessionContext sa = session("a", "fd00:101::21", "fd00:101::1", 65001, 65001, "eth0");
    SessionContext sb = session("b", "fd00:101::21", "fd00:101::2", 65001, 65001, "eth0");
    BgpRoute in = route("fd00:7::/64", "fd00:101::1");
    in = new BgpRoute(in.prefix(), in.attributes().withNextHop(IpAddr.parse("fd00:101::1"), IpAddr.parse("fe80::1")));
    for (String export : new String[] {"export all;", "export filter { bgp_next_hop = fd00:101::1; accept; };"}) {
      BirdDaemon d = daemon(conf.replace("EXPORT", export), HOST);
      d.neighbors();
      d.open(List.of(sa, sb));
      d.receive(sa, AddressFamily.IPV6_UNICAST, List.of(in));
      d.settle();
      assertThat(d.advertise(sb, AddressFamily.IPV6_UNICAST)).as(export).singleElement().satisfies(r -> {
        assertThat(r.attributes().nextHop()).isEqualTo(IpAddr.parse("fd00:101::1"));
        assertThat(r.attributes().nextHopLinkLocal()).isEqualTo(export.equals("export all;") ? IpAddr.parse("fe80::1") : null);
      });
    }
  }

  @Test
  void exportToLocalhostPeerWithOwnAddressEqualToNeighborIsRejected() {
    // packets.c bgp_update_next_hop_ip: "Invalid NEXT_HOP attribute - neighbor address ::1" (routing-facts 2.5)
    BirdDaemon d = run(daemon(NODE.replace("LEARN", "").replace("export none", "export all"), HOST), cilium());
    assertThat(d.advertise(cilium(), AddressFamily.IPV6_UNICAST)).isEmpty();
    assertThat(d.findings()).anySatisfy(f -> assertThat(f.message()).contains("neighbor address ::1"));
  }

  @Test
  void kernelDefaultExportNoneIsNamed() {
    // BIRD manual "export": default none (except eBGP); kernel routes need an explicit export
    BirdDaemon d = daemon("""
        router id 10.0.0.21;
        protocol device { }
        protocol direct { ipv6; }
        protocol kernel k { ipv6; }
        """, HOST);
    d.neighbors();
    d.open(List.of());
    d.settle();
    assertThat(d.kernelRoutes()).isEmpty();
    assertThat(d.findings()).anySatisfy(f -> {
      assertThat(f.code()).isEqualTo("bird/kernel-exports-nothing");
      assertThat(f.where().line()).isEqualTo(4);
      assertThat(f.message()).contains("export none");
    });
  }

  @Test
  void metricZeroUsesKrtMetric() {
    // sysdep/linux/netlink.c nl_send_route: `metric` option if nonzero, else the krt_metric attribute
    BirdDaemon d = daemon("""
        router id 10.0.0.21;
        protocol device { }
        protocol static { ipv6; route fd00:5::/64 via fd00:101::99; }
        protocol kernel { ipv6 { export filter { krt_metric = 77; accept; }; }; metric 0; kernel table 100; }
        """, HOST);
    d.neighbors();
    d.open(List.of());
    d.settle();
    assertThat(d.kernelRoutes()).singleElement().satisfies(k -> {
      assertThat(k.metric()).isEqualTo(77);
      assertThat(k.table()).isEqualTo("100");
      assertThat(k.nextHops()).containsExactly(new KernelRoute.NextHop(IpAddr.parse("fd00:101::99"), "eth0"));
    });
  }

  @Test
  void withoutDeviceProtocolBirdKnowsNoInterfaces() {
    // lab 2026-11-26 (pp-bird-2 without `protocol device`): `up` (single-hop) stays "start Idle", `cilium` (multihop)
    // is Established; BIRD manual "Device": the protocol that learns interfaces
    String conf = UPSTREAM.replace("IMPORT", "all").replace("EXPORT", "all").replace("protocol device { }\n", "");
    BirdDaemon d = daemon(conf, HOST);
    assertThat(d.neighbors()).isEmpty();
    assertThat(d.findings()).anySatisfy(f -> {
      assertThat(f.code()).isEqualTo("bgp/no-device-protocol");
      assertThat(f.where().line()).isEqualTo(6);
    });
    d.open(List.of());
    d.settle();
    // static `via` routes need a neighbor on an interface: not announced; blackhole still is
    assertThat(d.rib()).filteredOn(RibEntry::best).extracting(RibEntry::prefix).containsExactly(IpPrefix.parse("fd00:101:224::/64"));
    BirdDaemon multihop = daemon(NODE.replace("LEARN", "").replace("protocol device { }\n", ""), HOST);
    assertThat(multihop.neighbors()).extracting(BgpNeighborConfig::id).containsExactly("cilium");
  }

  @Test
  void settleReportsChangesOnly() {
    BirdDaemon d = upstream("all", "all");
    d.neighbors();
    d.open(List.of(up1(), up2()));
    assertThat(d.settle()).isTrue();
    assertThat(d.settle()).isFalse();
    d.receive(up1(), AddressFamily.IPV6_UNICAST, List.of(route("fd00:7::/64", "fd00:101::fffe", 4200001000L)));
    assertThat(d.settle()).isTrue();
    d.receive(up1(), AddressFamily.IPV6_UNICAST, List.of(route("fd00:7::/64", "fd00:101::fffe", 4200001000L)));
    assertThat(d.settle()).isFalse();
  }

  @Test
  void deterministicWhateverTheOrderOfSessions() {
    BirdDaemon a = exchange(upstream("all", "all"), List.of(route("fd00:7::/64", "fd00:101::fffe", 4200001000L)),
        List.of(route("fd00:7::/64", "fd00:101::fffd", 4200001000L)));
    BirdDaemon b = upstream("all", "all");
    b.neighbors();
    b.open(List.of(up2(), up1()));
    b.receive(up2(), AddressFamily.IPV6_UNICAST, List.of(route("fd00:7::/64", "fd00:101::fffd", 4200001000L)));
    b.receive(up1(), AddressFamily.IPV6_UNICAST, List.of(route("fd00:7::/64", "fd00:101::fffe", 4200001000L)));
    b.settle();
    assertThat(b.rib()).isEqualTo(a.rib());
    assertThat(b.kernelRoutes()).isEqualTo(a.kernelRoutes());
    assertThat(b.advertise(up1(), AddressFamily.IPV6_UNICAST)).isEqualTo(a.advertise(up1(), AddressFamily.IPV6_UNICAST));
  }
}
