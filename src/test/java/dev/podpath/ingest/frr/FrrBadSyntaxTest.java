package dev.podpath.ingest.frr;

import static dev.podpath.ingest.frr.FrrParseFixture.parse;
import static dev.podpath.ingest.frr.FrrParseFixture.problemLines;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.podpath.core.InputException;
import org.junit.jupiter.api.Test;

/** What podpath does not understand, or what bgpd would refuse, is a warning with file:line. */
class FrrBadSyntaxTest {

  @Test
  void unknownCommandIsAWarningWithLineAndTheRestIsKept() {
    FrrParseResult r = parse("""
        router bgp 65000
         neighbor 10.0.0.1 remote-az 65001
         neighbor 10.0.0.2 remote-as 65002
        """);
    assertThat(r.status()).isEqualTo(ParseStatus.PARTIALLY_UNRECOGNIZED);
    assertThat(problemLines(r)).containsExactly(2);
    assertThat(r.warnings().get(0).where().toString()).isEqualTo("hosts/r1/frr.conf:2");
    assertThat(r.warnings().get(0).message()).contains("remote-az");
    assertThat(r.config().bgpRouters().get(0).neighbors()).containsOnlyKeys("10.0.0.2");
  }

  @Test
  void neighborUsedBeforeItExistsIsRefused() {
    FrrParseResult r = parse("""
        router bgp 65000
         neighbor 10.0.0.1 update-source lo
         neighbor 10.0.0.3 peer-group NOPE
        """);
    assertThat(problemLines(r)).containsExactly(2, 3);
    assertThat(r.warnings().get(0).code()).isEqualTo("input/rejected-line");
    assertThat(r.warnings().get(0).message()).contains("% Specify remote-as or peer-group commands first");
    assertThat(r.warnings().get(1).message()).contains("% Configure the peer-group first");
  }

  @Test
  void badValuesAreWarnings() {
    FrrParseResult r = parse("""
        router bgp 65000
         bgp router-id not-an-ip
         address-family ipv4 unicast
          network 10.0.0.0/33
          network fd00::/64
        ip route 10.0.0.0/8 fd00::1
        """);
    assertThat(problemLines(r)).containsExactly(2, 4, 5, 6);
  }

  @Test
  void incompleteCommandIsAWarning() {
    FrrParseResult r = parse("router bgp 65000\n bgp router-id\n");
    assertThat(problemLines(r)).containsExactly(2);
    assertThat(r.warnings().get(0).message()).contains("incomplete");
  }

  @Test
  void nothingUnderstoodIsFailed() {
    FrrParseResult r = parse("this is not\nan frr config\n");
    assertThat(r.status()).isEqualTo(ParseStatus.FAILED);
    assertThat(problemLines(r)).containsExactly(1, 2);
  }

  @Test
  void onlyCommentsIsPassed() {
    assertThat(parse("! nothing\n# here\n\n").status()).isEqualTo(ParseStatus.PASSED);
  }

  @Test
  void binaryContentIsAnInputError() {
    assertThatThrownBy(() -> parse("router bgp 1\0\n"))
        .isInstanceOf(InputException.class)
        .hasMessageContaining("hosts/r1/frr.conf");
  }

  @Test
  void unmodelledAddressFamilyIsReportedOnce() {
    FrrParseResult r = parse("""
        router bgp 65000
         neighbor 10.0.0.1 remote-as 65001
         address-family ipv4 multicast
          neighbor 10.0.0.1 activate
         exit-address-family
         address-family ipv4 unicast
          neighbor 10.0.0.1 route-map X in
        """);
    assertThat(problemLines(r)).containsExactly(3);
    assertThat(r.config().bgpRouters().get(0).neighbors().get("10.0.0.1").af(Afi.IPV4).routeMapIn()).isEqualTo("X");
  }

  @Test
  void topLevelExitLeavesConfigurationModeAndEndIsSkipped() {
    // lab: vtysh -C (FRR 8.4.4), 2026-11-26: after a top-level `exit` every config line is
    // "% Unknown command" until `configure`; vtysh_config_from_file skips "end" lines, so the
    // neighbor after `end` still lands in `router bgp` (integrated config, Debian's default).
    FrrParseResult r = parse("""
        hostname a
        exit
        router bgp 1
        configure
        router bgp 1
         neighbor 1.1.1.1 remote-as 2
         end
         neighbor 1.1.1.2 remote-as 2
        configure terminal
        """);
    assertThat(problemLines(r)).containsExactly(3, 9);
    assertThat(r.warnings().get(0).message()).contains("hosts/r1/frr.conf:2");
    assertThat(r.config().bgpRouters().get(0).neighbors()).containsOnlyKeys("1.1.1.1", "1.1.1.2");
  }
}
