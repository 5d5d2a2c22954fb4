package dev.podpath.ingest.bird;

import static org.assertj.core.api.Assertions.assertThat;

import dev.podpath.core.Finding;
import org.junit.jupiter.api.Test;

/**
 * Configuration errors real BIRD reports (`bird -p -c` fails). Each message was checked
 * against bird 2.0.12 here (lab, 2026-11-26) and CZ-NIC/bird v2.0.12 proto/bgp/bgp.c bgp_postconfig.
 */
class BirdConfigErrorTest {

  static BirdParseResult parse(String text, BirdVersion v) {
    return BirdConfigParser.parse(text, "bird.conf", IncludeResolver.none(), v);
  }

  static void rejected(String text, String message) {
    BirdParseResult r = parse(text, BirdVersion.V2_0_12);
    assertThat(r.acceptedByBird()).isFalse();
    assertThat(r.warnings()).extracting(Finding::message).anyMatch(m -> m.contains(message));
  }

  @Test
  void ebgpChannelWithoutImportOrExportIsRejected() {
    // lab 2026-11-26: bird 2.0.12 `bird -p`: "a.conf:7:1 EBGP requires explicit import policy"
    rejected("protocol bgp x { local as 65001; neighbor 10.0.0.2 as 65002; ipv4; }", "EBGP requires explicit import policy");
    rejected("protocol bgp x { local as 65001; neighbor 10.0.0.2 as 65002; ipv4 { import all; }; }", "EBGP requires explicit export policy");
  }

  @Test
  void ibgpChannelWithoutPoliciesIsAccepted() {
    BirdParseResult r = parse("protocol bgp x { local as 65001; neighbor 10.0.0.2 as 65001; ipv4; }", BirdVersion.V2_0_12);
    assertThat(r.acceptedByBird()).isTrue();
  }

  @Test
  void templateChannelsAreNotChecked() {
    // lab 2026-11-26: a template without policies is fine as long as the protocol supplies them
    BirdParseResult r = parse("""
        template bgp T { local as 1; ipv4; }
        protocol bgp p from T { neighbor 10.0.0.2 as 2; ipv4 { import all; export none; }; }
        """, BirdVersion.V2_0_12);
    assertThat(r.acceptedByBird()).isTrue();
  }

  @Test
  void multihopWithGatewayDirectIsRejected() {
    // lab 2026-11-26: "b.conf:7:1 Multihop BGP cannot use direct gateway mode"
    rejected("protocol bgp x { local as 1; neighbor 10.0.0.2 as 2; multihop; ipv4 { import all; export none; gateway direct; }; }",
        "Multihop BGP cannot use direct gateway mode");
    // iBGP is multihop by default
    rejected("protocol bgp x { local as 1; neighbor 10.0.0.2 as 1; ipv4 { gateway direct; }; }",
        "Multihop BGP cannot use direct gateway mode");
  }

  @Test
  void localhostNeighborWithoutMultihopParsesFine() {
    // lab 2026-11-26: `bird -p` accepts `neighbor ::1` without multihop; the protocol fails at start
    // ("Invalid remote address"), which the simulated daemon reports, not the parser
    assertThat(parse("protocol bgp x { local as 1; neighbor ::1 as 2; ipv6 { import all; export none; }; }", BirdVersion.V2_0_12)
        .acceptedByBird()).isTrue();
  }

  @Test
  void otherPostconfigChecks() {
    rejected("protocol bgp x { neighbor 10.0.0.2 as 2; ipv4 { import all; export none; }; }", "Local AS number must be set");
    rejected("protocol bgp x { local as 1; ipv4 { import all; export none; }; }", "Neighbor must be configured");
    rejected("protocol bgp x { local as 1; neighbor 10.0.0.2; ipv4 { import all; export none; }; }", "Remote AS number (or peer type) must be set");
    rejected("protocol bgp x { local as 1; neighbor 10.0.0.2 as 2 internal; ipv4; }", "IBGP cannot have different ASNs");
    rejected("protocol bgp x { local as 1; neighbor fe80::1 as 2; ipv6 { import all; export none; }; }", "Link-local addresses require defined interface");
    rejected("protocol bgp x { local as 1; neighbor 10.0.0.2 as 2; multihop 2; interface \"eth0\"; ipv4 { import all; export none; }; }",
        "Multihop BGP cannot be bound to interface");
    rejected("protocol bgp x { local as 1; neighbor 10.0.0.2 as 1; hold time 9; keepalive time 10; ipv4; }", "Keepalive time must be at most hold time");
    rejected("protocol bgp x { local as 1; neighbor 10.0.0.2 as 2; neighbor 10.0.0.3 as 2; ipv4 { import all; export none; }; }",
        "Only one neighbor per BGP instance is allowed");
  }

  @Test
  void filterErrors() {
    // lab 2026-11-26: "i.conf:2:32 Invalid IPv4 prefix 10.0.0.1/8, maybe you wanted 10.0.0.0/8"
    rejected("filter f { if net ~ [ 10.0.0.1/8 ] then accept; reject; }", "Invalid IPv4 prefix 10.0.0.1/8, maybe you wanted 10.0.0.0/8");
    // lab 2026-11-26: "j.conf:2:15 syntax error, unexpected CF_SYM_UNDEFINED"
    rejected("filter f { if foo = 1 then accept; reject; }", "unknown symbol foo");
    // lab 2026-11-26: "e.conf:6:67 syntax error, unexpected ';'" after `then { accept; };`
    rejected("filter f { if net.len > 8 then { accept; }; reject; }", "unexpected ';'");
    rejected("protocol kernel { ipv4 { export filter nope; }; }", "filter nope is not defined");
    rejected("filter f { if net ~ [ 10.0.0.0/8{24,16} ] then accept; reject; }", "Invalid prefix pattern range");
    rejected("filter f { accept; }", "No protocol is specified");
  }

  @Test
  void kernelNeedsExactlyOneChannel() {
    rejected("protocol kernel { learn; }", "Channel not specified");
  }

  @Test
  void versionDependentSyntax() {
    // sysdep/unix/krt.Y: `learn all` since 2.14; proto/bgp/config.Y: `require add paths` since 2.15
    String text = """
        protocol kernel { learn all; ipv4 { export all; }; }
        protocol bgp b { local as 1; neighbor 10.0.0.2 internal; ipv4 { add paths rx; require add paths on; }; }
        """;
    BirdParseResult old = parse(text, BirdVersion.V2_0_12);
    assertThat(old.acceptedByBird()).isFalse();
    assertThat(old.warnings()).extracting(Finding::message)
        .anyMatch(m -> m.contains("`learn all` needs BIRD 2.14"))
        .anyMatch(m -> m.contains("`require add paths` needs BIRD 2.15"))
        .allMatch(m -> m.contains("[rule of BIRD 2.0.12]"));
    BirdParseResult talos = parse(text, BirdVersion.V2_18);
    assertThat(talos.acceptedByBird()).isTrue();
    assertThat(talos.config().protocols(KernelProtocol.class).get(0).learn()).isEqualTo(KernelProtocol.Learn.ALL);
  }
}
