package dev.podpath.ingest.bird;

import static org.assertj.core.api.Assertions.assertThat;

import dev.podpath.core.Finding;
import dev.podpath.core.SourceRef;
import dev.podpath.core.net.IpAddr;
import dev.podpath.core.net.IpPrefix;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Grammar tests: a few config lines in, assertions on the vendor model out. */
class BirdGrammarTest {

  static BirdParseResult parse(String text) {
    return BirdConfigParser.parse(text, "hosts/n1/bird.conf", IncludeResolver.none(), BirdVersion.V2_0_12);
  }

  static BirdConfig ok(String text) {
    // BIRD refuses a file without any protocol ("No protocol is specified in the config file")
    BirdParseResult r = parse(text.matches("(?s).*(^|\\n)\\s*protocol .*") ? text : text + "protocol device {}\n");
    assertThat(r.warnings()).as("findings").isEmpty();
    assertThat(r.status()).isEqualTo(ParseStatus.PASSED);
    return r.config();
  }

  @Test
  void commentsRouterIdDefineLogAreParsed() {
    BirdConfig c = ok("""
        # a comment
        /* a C comment
           over lines */
        log syslog all;
        log stderr { warning, error };
        debug protocols all;
        timeformat protocol iso long;
        router id 10.0.0.21;
        define NODE_AS = 4210101021;
        define LO = fd00:101:fe::21;
        """);
    assertThat(c.routerId()).isEqualTo(IpAddr.parse("10.0.0.21"));
    assertThat(c.routerIdWhere()).isEqualTo(SourceRef.of("hosts/n1/bird.conf", 8));
    assertThat(c.definitions()).containsKeys("NODE_AS", "LO");
    assertThat(c.definitions().get("NODE_AS").value()).isEqualTo(new Expr.IntLit(4210101021L));
    assertThat(c.definitions().get("LO").value()).isEqualTo(new Expr.IpLit(IpAddr.parse("fd00:101:fe::21")));
  }

  @Test
  void routerIdFromInterface() {
    BirdConfig c = ok("router id from \"dummy0\";\n");
    assertThat(c.routerId()).isNull();
    assertThat(c.routerIdFrom()).containsExactly(new InterfacePattern(false, "dummy0", null));
  }

  @Test
  void tables() {
    BirdConfig c = ok("ipv4 table t4;\nipv6 table t6;\n");
    assertThat(c.tables()).extracting(BirdConfig.TableDef::name).containsExactly("t4", "t6");
    assertThat(c.tables()).extracting(BirdConfig.TableDef::nettype).containsExactly("ipv4", "ipv6");
  }

  @Test
  void deviceDirectKernelStatic() {
    BirdConfig c = ok("""
        protocol device { scan time 10; }
        protocol direct loopback { interface "dummy0", -"eth*"; ipv6; }
        protocol kernel k6 {
          ipv6 { import none; export where source = RTS_BGP; };
          learn;
          persist;
          scan time 20;
          merge paths on limit 8;
          kernel table 100;
          metric 0;
        }
        protocol static {
          ipv6 { preference 210; };
          route fd00:1::/64 via fd00:101::1;
          route fd00:2::/64 via "eth0";
          route fd00:3::/64 blackhole;
          route fd00:4::/64 unreachable;
          route fd00:5::/64 prohibit;
          route fd00:6::/64 recursive fd00:9::1;
          route fd00:7::/64 via fe80::1%eth1 { bgp_med = 5; };
        }
        """);
    assertThat(c.protocols()).extracting(Protocol::name).containsExactly("device1", "loopback", "k6", "static1");
    DeviceProtocol dev = c.protocols(DeviceProtocol.class).get(0);
    assertThat(dev.scanTime()).isEqualTo(10);
    DirectProtocol dir = c.protocols(DirectProtocol.class).get(0);
    assertThat(dir.interfaces()).containsExactly(new InterfacePattern(false, "dummy0", null), new InterfacePattern(true, "eth*", null));
    assertThat(dir.channels()).extracting(Channel::nettype).containsExactly("ipv6");
    KernelProtocol k = c.protocols(KernelProtocol.class).get(0);
    assertThat(k.learn()).isEqualTo(KernelProtocol.Learn.ALIEN);
    assertThat(k.persist()).isTrue();
    assertThat(k.mergePaths()).isTrue();
    assertThat(k.mergePathsLimit()).isEqualTo(8);
    assertThat(k.kernelTable()).isEqualTo(100);
    assertThat(k.metric()).isEqualTo(0);
    assertThat(k.metricWhere().line()).isEqualTo(10);
    Channel kc = k.channel("ipv6").orElseThrow();
    assertThat(kc.importPolicy()).isInstanceOf(Policy.None.class);
    assertThat(kc.exportPolicy()).isInstanceOfSatisfying(Policy.Where.class, w -> assertThat(w.condition())
        .isEqualTo(new Expr.Binary("=", new Expr.Ref("source", Expr.RefKind.ATTRIBUTE), new Expr.Ref("RTS_BGP", Expr.RefKind.ENUM))));
    StaticProtocol st = c.protocols(StaticProtocol.class).get(0);
    assertThat(st.channel("ipv6").orElseThrow().preference()).isEqualTo(210);
    assertThat(st.routes()).extracting(StaticRoute::kind).containsExactly(
        StaticRoute.Kind.VIA, StaticRoute.Kind.VIA, StaticRoute.Kind.BLACKHOLE, StaticRoute.Kind.UNREACHABLE,
        StaticRoute.Kind.PROHIBIT, StaticRoute.Kind.RECURSIVE, StaticRoute.Kind.VIA);
    assertThat(st.routes().get(0).vias()).containsExactly(new StaticRoute.Via(IpAddr.parse("fd00:101::1"), null, false, 1));
    assertThat(st.routes().get(1).vias()).containsExactly(new StaticRoute.Via(null, "eth0", false, 1));
    assertThat(st.routes().get(5).recursive()).isEqualTo(IpAddr.parse("fd00:9::1"));
    assertThat(st.routes().get(6).vias().get(0).iface()).isEqualTo("eth1");
    assertThat(st.routes().get(6).attributes()).hasSize(1);
    assertThat(st.routes().get(2).where().line()).isEqualTo(16);
  }

  @Test
  void bgpSessionOptions() {
    BirdConfig c = ok("""
        define NODE_AS = 65001;
        protocol bgp upstream {
          local fd00:101::21 port 1179 as NODE_AS;
          neighbor fd00:101::fffe port 179 as 4200001000;
          passive on;
          multihop 3;
          source address fd00:101::21;
          hold time 90;
          keepalive time 30;
          connect retry time 5;
          allow local as 2;
          password "s3cret";
          bfd on;
          default bgp_local_pref 150;
          default bgp_med 10;
          ipv6 {
            import all;
            export filter { if net ~ [ fd00:101:224::/60{60,80} ] then accept; reject; };
            next hop self;
            gateway recursive;
            extended next hop on;
            add paths rx;
            import limit 100 action block;
            next hop address fd00:101::21;
          };
          ipv4 { import none; export none; next hop keep ebgp; };
        }
        """);
    BgpProtocol b = c.protocols(BgpProtocol.class).get(0);
    assertThat(b.localAddress()).isEqualTo(IpAddr.parse("fd00:101::21"));
    assertThat(b.localPort()).isEqualTo(1179);
    assertThat(b.localAs()).isEqualTo(65001L);
    assertThat(b.neighborAddress()).isEqualTo(IpAddr.parse("fd00:101::fffe"));
    assertThat(b.neighborPort()).isEqualTo(179);
    assertThat(b.remoteAs()).isEqualTo(4200001000L);
    assertThat(b.passive()).isTrue();
    assertThat(b.multihop()).isEqualTo(3);
    assertThat(b.sourceAddress()).isEqualTo(IpAddr.parse("fd00:101::21"));
    assertThat(b.holdTime()).isEqualTo(90);
    assertThat(b.keepaliveTime()).isEqualTo(30);
    assertThat(b.connectRetryTime()).isEqualTo(5);
    assertThat(b.allowLocalAs()).isEqualTo(2);
    assertThat(b.password()).isEqualTo("s3cret");
    assertThat(b.defaultLocalPref()).isEqualTo(150L);
    assertThat(b.defaultMed()).isEqualTo(10L);
    assertThat(b.line("neighbor").line()).isEqualTo(4);
    Channel v6 = b.channel("ipv6").orElseThrow();
    assertThat(v6.importPolicy()).isInstanceOf(Policy.All.class);
    assertThat(v6.exportPolicy()).isInstanceOf(Policy.Inline.class);
    assertThat(v6.nextHopSelf()).isEqualTo(Channel.NextHopScope.ALL);
    assertThat(v6.gateway()).isEqualTo(Channel.Gateway.RECURSIVE);
    assertThat(v6.extendedNextHop()).isTrue();
    assertThat(v6.addPaths()).isEqualTo("rx");
    assertThat(v6.importLimit()).isEqualTo(100L);
    assertThat(v6.nextHopAddress()).isEqualTo(IpAddr.parse("fd00:101::21"));
    assertThat(b.channel("ipv4").orElseThrow().nextHopKeep()).isEqualTo(Channel.NextHopScope.EBGP);
  }

  @Test
  void neighborInternalDirectInterfaceRrClient() {
    BirdConfig c = ok("""
        protocol bgp svc {
          local as 64513;
          neighbor 10.112.8.1 internal;
          direct;
          interface "eth0";
          rr client;
          allow local as;
          ipv4;
        }
        protocol bgp r { local as 1; neighbor range 10.0.0.0/24 external; ipv4 { import all; export none; }; }
        """);
    BgpProtocol b = c.protocols(BgpProtocol.class).get(0);
    assertThat(b.peerType()).isEqualTo(BgpProtocol.PeerType.INTERNAL);
    assertThat(b.remoteAs()).isNull();
    assertThat(b.multihop()).isZero();
    assertThat(b.interfaceName()).isEqualTo("eth0");
    assertThat(b.rrClient()).isTrue();
    assertThat(b.allowLocalAs()).isEqualTo(-1);
    BgpProtocol r = c.protocols(BgpProtocol.class).get(1);
    assertThat(r.neighborRange()).isEqualTo(IpPrefix.parse("10.0.0.0/24"));
    assertThat(r.peerType()).isEqualTo(BgpProtocol.PeerType.EXTERNAL);
  }

  @Test
  void templateInheritanceMergesChannels() {
    BirdConfig c = ok("""
        template bgp node {
          local as 65001;
          multihop 2;
          ipv6 { import all; export none; };
        }
        protocol bgp cilium from node {
          neighbor ::1 as 65100;
          ipv6 { export all; };
        }
        """);
    assertThat(c.templates()).containsKey("node");
    BgpProtocol b = c.protocols(BgpProtocol.class).get(0);
    assertThat(b.template()).isEqualTo("node");
    assertThat(b.localAs()).isEqualTo(65001L);
    assertThat(b.multihop()).isEqualTo(2);
    Channel ch = b.channel("ipv6").orElseThrow();
    assertThat(ch.importPolicy()).isInstanceOf(Policy.All.class);
    assertThat(ch.exportPolicy()).isInstanceOf(Policy.All.class);
    assertThat(ch.exportPolicy().where().line()).isEqualTo(8);
    assertThat(ch.importPolicy().where().line()).isEqualTo(4);
    assertThat(b.where().line()).isEqualTo(6);
  }

  @Test
  void filtersAndFunctions() {
    BirdConfig c = ok("""
        define CILIUM_AS = 65100;
        function is_pod(prefix p; int max) {
          return p ~ [ fd00:101:224::/60+, 10.0.0.0/8-, 192.168.0.0/16{24,32} ];
        }
        filter f
        int x;
        {
          x = 5;
          if is_pod(net, 3) && net.len <= 80 then accept;
          if bgp_path ~ [= * 65100 ? =] || bgp_path.len > 3 then reject;
          if bgp_path.first = CILIUM_AS || bgp_path.last != 1 then { bgp_local_pref = 200; }
          if source = RTS_STATIC && proto = "cilium" && dest = RTD_UNREACHABLE then reject;
          if from = ::1 || gw = fd00::1 || net.type = NET_IP6 then accept; else reject;
          bgp_path.prepend(65001);
          bgp_community.add((65000, 100));
          bgp_community.delete([(65000, *)]);
          bgp_large_community.add((65000, 1, 2));
          if (65000, 100) ~ bgp_community then bgp_med = 10;
          if defined(bgp_med) then krt_metric = 100;
          bgp_origin = ORIGIN_IGP;
          preference = 150;
          bgp_next_hop = fd00::2;
          print "x", net;
          case x { 1: accept; 2, 3: reject; 4..6: { x = 1; } else: reject; }
          unset(bgp_med);
          accept "done";
        }
        """);
    assertThat(c.functions()).containsKey("is_pod");
    BirdConfig.FunctionDef fn = c.functions().get("is_pod");
    assertThat(fn.params()).containsExactly("p", "max");
    Stmt.Return ret = (Stmt.Return) fn.body().get(0);
    Expr.Binary tilde = (Expr.Binary) ret.value();
    assertThat(tilde.left()).isEqualTo(new Expr.Ref("p", Expr.RefKind.VARIABLE));
    Expr.SetLit set = (Expr.SetLit) tilde.right();
    assertThat(set.items()).containsExactly(
        new Expr.PrefixPattern(IpPrefix.parse("fd00:101:224::/60"), 60, 128),
        new Expr.PrefixPattern(IpPrefix.parse("10.0.0.0/8"), 0, 8),
        new Expr.PrefixPattern(IpPrefix.parse("192.168.0.0/16"), 24, 32));
    List<Stmt> body = c.filters().get("f").body();
    assertThat(body.get(0)).isInstanceOf(Stmt.VarDecl.class);
    assertThat(body).hasSize(20);
    assertThat(body.get(3)).isInstanceOfSatisfying(Stmt.If.class, i -> {
      Expr.Binary or = (Expr.Binary) i.condition();
      assertThat(or.op()).isEqualTo("||");
      Expr.Binary mask = (Expr.Binary) or.left();
      assertThat(mask.right()).isEqualTo(new Expr.PathMaskLit(List.of(
          new Expr.AnyPath(), new Expr.AsnItem(new Expr.IntLit(65100)), new Expr.AnyOne())));
    });
    assertThat(body.get(7)).isEqualTo(new Stmt.Modify(new Expr.Ref("bgp_path", Expr.RefKind.ATTRIBUTE), "prepend",
        new Expr.IntLit(65001), SourceRef.of("hosts/n1/bird.conf", 14)));
    assertThat(body.get(17)).isInstanceOfSatisfying(Stmt.Case.class, k -> assertThat(k.arms()).hasSize(4));
    assertThat(body.get(19)).isInstanceOf(Stmt.Accept.class);
  }

  @Test
  void functionReturnTypeNeedsBird214() {
    String text = "function f() -> int { return 1; }\nprotocol device {}\n";
    assertThat(parse(text).acceptedByBird()).isFalse();
    assertThat(parse(text).warnings().get(0).message()).contains("2.14").contains("[rule of BIRD 2.0.12]");
    BirdParseResult r18 = BirdConfigParser.parse(text, "bird.conf", IncludeResolver.none(), BirdVersion.V2_18);
    assertThat(r18.warnings()).isEmpty();
  }

  @Test
  void prefixPatternMatchesLikeBird() {
    // BIRD manual "Prefix sets": net matches p/len{lo,hi} iff first min(len, netlen) bits equal and lo <= netlen <= hi
    Expr.PrefixPattern plus = new Expr.PrefixPattern(IpPrefix.parse("fd00:101:224::/60"), 60, 128);
    assertThat(plus.matches(IpPrefix.parse("fd00:101:224:1::/80"))).isTrue();
    assertThat(plus.matches(IpPrefix.parse("fd00:101:225::/64"))).isFalse();
    Expr.PrefixPattern minus = new Expr.PrefixPattern(IpPrefix.parse("10.1.0.0/16"), 0, 16);
    assertThat(minus.matches(IpPrefix.parse("10.0.0.0/8"))).isTrue();
    assertThat(minus.matches(IpPrefix.parse("10.1.1.0/24"))).isFalse();
  }

  @Test
  void unsupportedProtocolAndUnknownOptionAreWarningsWithLineText() {
    BirdParseResult r = parse("""
        protocol bfd { interface "bond0" { interval 400 ms; }; }
        protocol bgp x {
          local as 1;
          neighbor 10.0.0.1 as 1;
          frobnicate the widget;
          ipv4 { import all; export none; wibble 3; };
        }
        """);
    assertThat(r.status()).isEqualTo(ParseStatus.PARTIALLY_UNRECOGNIZED);
    assertThat(r.warnings()).extracting(Finding::code).containsOnly(BirdParseResult.UNSUPPORTED_LINE);
    assertThat(r.warnings()).extracting(f -> f.where().line()).containsExactly(1, 5, 6);
    assertThat(r.warnings().get(1).message()).contains("`frobnicate the widget;`");
    assertThat(r.config().protocols(BgpProtocol.class)).hasSize(1);
  }

  @Test
  void selectionOptionsThatAreNotModelledAreWarned() {
    BirdParseResult r = parse("protocol bgp x { local as 1; neighbor 10.0.0.1 as 1; med metric on; prefer older off; bfd on; ipv4; }\n");
    assertThat(r.warnings()).singleElement().satisfies(f -> assertThat(f.message()).contains("`med metric`"));
  }

  @Test
  void oneBadStatementDoesNotLoseTheFile() {
    BirdParseResult r = parse("""
        router id 1.2.3.4;
        protocol kernel { ipv4 { export all; }; this is not bird ; }
        garbage here { nested { } } ;
        protocol device { }
        """);
    assertThat(r.status()).isEqualTo(ParseStatus.PARTIALLY_UNRECOGNIZED);
    assertThat(r.config().protocols()).extracting(Protocol::name).containsExactly("kernel1", "device1");
    assertThat(r.warnings()).extracting(f -> f.where().line()).containsExactly(2, 3);
  }

  @Test
  void unbalancedBracesAreASyntaxErrorWithLine() {
    BirdParseResult r = parse("""
        router id 1.2.3.4;
        protocol device {
        """);
    assertThat(r.acceptedByBird()).isFalse();
    assertThat(r.warnings()).anySatisfy(f -> {
      assertThat(f.code()).isEqualTo(BirdParseResult.CONFIG_ERROR);
      assertThat(f.message()).startsWith("syntax error");
    });
    assertThat(r.status()).as(r.warnings().toString()).isEqualTo(ParseStatus.PARTIALLY_UNRECOGNIZED);
  }

  @Test
  void nothingRecoverableIsFailedAndThrows() {
    BirdParseResult r = parse("}}}} {{{");
    assertThat(r.status()).isEqualTo(ParseStatus.FAILED);
    org.assertj.core.api.Assertions.assertThatThrownBy(r::orThrow)
        .isInstanceOf(dev.podpath.core.InputException.class)
        .hasMessageContaining("hosts/n1/bird.conf:1");
  }

  @Test
  void unknownCharacterIsAConfigError() {
    BirdParseResult r = parse("router id ${routerId};\n");
    assertThat(r.acceptedByBird()).isFalse();
    assertThat(r.warnings()).anySatisfy(f -> assertThat(f.message()).isEqualTo("Unknown character '$'"));
  }
}
