package dev.podpath.ingest.bird;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * podpath's "BIRD 2.0.12 accepts this config" verdict equals `bird -p -c` of the installed
 * bird2 2.0.12 on each snippet (skipped when /usr/sbin/bird is absent).
 */
class BirdParseDifferentialTest {

  static Stream<String> snippets() {
    return Stream.of(
        "router id 1.1.1.1;\nprotocol device { scan time 10; }\n",
        "protocol bgp x { local as 65001; neighbor 10.0.0.2 as 65002; ipv4; }\n",
        "protocol bgp x { local as 65001; neighbor 10.0.0.2 as 65002; ipv4 { import all; }; }\n",
        "protocol bgp x { local as 65001; neighbor 10.0.0.2 as 65001; ipv4; }\n",
        "protocol bgp x { local as 1; neighbor 10.0.0.2 as 2; multihop; ipv4 { import all; export none; gateway direct; }; }\n",
        "protocol bgp x { local as 1; neighbor ::1 as 2; ipv6 { import all; export none; }; }\n",
        "protocol bgp x { local as 1; neighbor ::1 as 2; multihop 2; passive on; ipv6 { import all; export none; }; }\n",
        "protocol bgp x { local as 1; neighbor 10.0.0.2 as 2 internal; ipv4; }\n",
        "protocol bgp x { local as 1; neighbor fe80::1 as 2; ipv6 { import all; export none; }; }\n",
        "protocol bgp x { local as 1; neighbor fe80::1%eth0 as 2; ipv6 { import all; export none; }; }\n",
        "protocol bgp x { local as 1; neighbor 10.0.0.2 as 2; multihop 2; interface \"eth0\"; ipv4 { import all; export none; }; }\n",
        "protocol bgp x { local as 1; neighbor 10.0.0.2 as 1; hold time 9; keepalive time 10; ipv4; }\n",
        "protocol bgp x { local as 1; neighbor 10.0.0.2 as 1; hold time 9; keepalive time 3; direct; ipv4 { next hop self; gateway direct; }; }\n",
        "template bgp T { local as 1; ipv4; }\nprotocol bgp p from T { neighbor 10.0.0.2 as 2; ipv4 { import all; export none; }; }\n",
        "template bgp T { local as 1; ipv4 { import all; export none; }; }\nprotocol bgp p from T { neighbor 10.0.0.2 as 2; }\n",
        "filter f { if net ~ [ 10.0.0.1/8 ] then accept; reject; }\nprotocol device {}\n",
        "filter f { if foo = 1 then accept; reject; }\nprotocol device {}\n",
        "filter f { if net.len > 8 then { accept; }; reject; }\nprotocol device {}\n",
        "filter f { if net.len > 8 then { accept; } reject; }\nprotocol device {}\n",
        "filter f { if net ~ [ 10.0.0.0/8{4,24} ] then accept; reject; }\nprotocol device {}\n",
        "filter f { if net ~ [ 10.0.0.0/8{8,24}, 192.168.0.0/16+, 172.16.0.0/12- ] then accept; else reject; }\nprotocol device {}\n",
        "protocol kernel { learn; }\n",
        "protocol kernel { learn all; ipv4 { export all; }; }\n",
        "protocol kernel { ipv6 { import none; export where source = RTS_BGP && proto != \"cilium\"; }; merge paths on; metric 0; kernel table 10; persist; }\n",
        "protocol static { ipv4; route 10.0.0.0/8 via 10.1.1.1; route 10.2.0.0/16 blackhole; route 10.3.0.0/16 unreachable; route 10.4.0.0/16 prohibit; }\n",
        "protocol static { ipv4 { import all; } route 10.0.0.0/8 blackhole; }\n",
        "protocol direct { ipv4; ipv6; interface \"eth*\", -\"lo\"; }\n",
        "define A = 65000;\nfunction f(int a; int b) { return a + b; }\nfilter g { if f(1, 2) = 3 && bgp_path.first = A then accept; reject; }\nprotocol device {}\n",
        "function f() -> int { return 1; }\nprotocol device {}\n",
        "filter g int x; { x = 1; case x { 1: accept; 2, 3: reject; else: reject; } }\nprotocol device {}\n",
        "filter g { bgp_path.prepend(65000); bgp_community.add((65000, 1)); bgp_community.delete([(65000, *)]); bgp_large_community.add((1, 2, 3)); if (65000, 1) ~ bgp_community then accept; reject; }\nprotocol device {}\n",
        "filter g { if bgp_path ~ [= * 65000 ? =] then reject; if defined(bgp_med) then bgp_med = 1; unset(bgp_med); print net; accept; }\nprotocol device {}\n",
        "protocol bgp x { local 10.0.0.1 port 1179 as 1; neighbor 10.0.0.2 port 179 as 2; source address 10.0.0.1; connect retry time 5; allow local as 2; password \"x\"; rr client; ipv4 { import all; export none; }; }\n",
        "protocol bgp x { local as 1; neighbor 10.0.0.2 internal; rr client; ipv4 { add paths rx; extended next hop; next hop keep; import limit 10 action block; }; }\n",
        "log syslog all;\nlog stderr { warning, error };\ndebug protocols all;\ntimeformat protocol iso long;\nrouter id from \"dummy0\";\n",
        "router id ${routerId};\n",
        "router id 1.1.1.1;\n",
        "protocol static { ipv6; route 10.0.0.0/8 blackhole; }\n",
        "protocol bgp x { local as 1; neighbor 10.0.0.2 as 1; }\n",
        "protocol direct { }\n",
        "filter g { bgp_community.filter([(65000, 100..150), (1, *)]); if bgp_community ~ [(65000, *)] then accept; reject; }\nprotocol device {}\n",
        "define PODS = [ fd00:224::/48{64,80} ];\nfilter g { if net ~ PODS then accept; reject; }\nprotocol device {}\n",
        "ipv4 table t4;\nprotocol static { ipv4 { table t4; }; route 10.0.0.0/8 blackhole; }\n",
        "protocol static { ipv4 { table t4; }; route 10.0.0.0/8 blackhole; }\n");
  }

  @ParameterizedTest
  @MethodSource("snippets")
  void podpathAgreesWithBirdP(String text) throws Exception {
    assumeTrue(Files.isExecutable(BirdCorpusTest.BIRD), "bird not installed");
    BirdParseResult r = BirdConfigParser.parse(text, "bird.conf", IncludeResolver.none(), BirdVersion.V2_0_12);
    assertThat(r.acceptedByBird()).as("%s%s", text, r.warnings()).isEqualTo(BirdCorpusTest.birdAccepts(text));
  }
}
