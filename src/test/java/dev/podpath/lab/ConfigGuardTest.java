package dev.podpath.lab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.podpath.core.InputException;
import dev.podpath.core.InputProblem;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConfigGuardTest {

  private static List<String> bird(String text) {
    return ConfigGuard.birdProblems(new LabConfigText("hosts/w1/bird.conf", text)).stream().map(InputProblem::toString).toList();
  }

  private static List<String> frr(String text) {
    return ConfigGuard.frrProblems(new LabConfigText("hosts/pve/frr.conf", text)).stream().map(InputProblem::toString).toList();
  }

  @Test
  void birdIncludeAndLogFilesAreRefusedWithTheirLine() {
    List<String> p = bird("""
        router id 1.2.3.4;
        log syslog all;
        log "/var/log/bird.log" all;
        include "/etc/passwd";
        mrtdump "/tmp/x";
        """);
    assertThat(p).hasSize(3);
    assertThat(p.get(0)).startsWith("hosts/w1/bird.conf:3: 'log \"...\"' writes a file");
    assertThat(p).anyMatch(s -> s.startsWith("hosts/w1/bird.conf:4: 'include'"));
    assertThat(p).anyMatch(s -> s.startsWith("hosts/w1/bird.conf:5: 'mrtdump"));
  }

  @Test
  void birdCommentsAndStringsDoNotTrigger() {
    assertThat(bird("""
        # include "/etc/shadow";
        /* log "x"; include "y"; */
        protocol device {}
        protocol direct { ipv6; interface "eth*", "lo"; }
        protocol bgp up { description "log include"; local as 1; neighbor ::2 as 2; ipv6 { import all; }; }
        filter include_pods { accept; }
        """)).isEmpty();
  }

  @Test
  void birdPathStringsAreRefusedWhateverTheKeyword() {
    assertThat(bird("protocol static {\n  ipv6;\n  route fd00::/64 via \"../../etc\";\n}")).singleElement()
        .satisfies(s -> assertThat(s).startsWith("hosts/w1/bird.conf:3: string \"../../etc\" looks like a file path"));
  }

  @Test
  void birdMrtAndRpkiAreRefused() {
    assertThat(bird("protocol mrt { table \"master6\"; filename \"dump\"; }")).hasSize(1);
    assertThat(bird("protocol rpki { roa6 { table r6; }; remote \"cache\"; }")).hasSize(1);
  }

  @Test
  void frrLogFileDumpNetnsAndPathsAreRefused() {
    List<String> p = frr("""
        frr defaults traditional
        log syslog informational
        log file /var/log/frr/bgpd.log
        ! log file /ignored/in/comment
        dump bgp all /tmp/dump
        vrf vrf_evpnz1
         netns other
        route-map RM permit 10
         set ipv6 next-hop global fd00::1
        """);
    assertThat(p).hasSize(3);
    assertThat(p.get(0)).startsWith("hosts/pve/frr.conf:3: 'log file' writes a file");
    assertThat(p.get(1)).startsWith("hosts/pve/frr.conf:5: 'dump'");
    assertThat(p.get(2)).startsWith("hosts/pve/frr.conf:7: 'netns'");
  }

  @Test
  void frrOrdinaryConfigPasses() {
    assertThat(frr("""
        frr version 8.4.4
        frr defaults datacenter
        hostname pve
        ip prefix-list PODS seq 5 permit fd00:101:224::/60 le 80
        router bgp 4200001000 vrf vrf_evpnz1
         neighbor fd00:101::21 remote-as external
         address-family ipv6 unicast
          neighbor fd00:101::21 route-map RM in
        """)).isEmpty();
  }

  @Test
  void checkThrowsAnInputException() {
    assertThatThrownBy(() -> ConfigGuard.checkFrr(new LabConfigText("hosts/r/frr.conf", "log file /x\n")))
        .isInstanceOf(InputException.class)
        .satisfies(e -> assertThat(((InputException) e).problems()).singleElement()
            .satisfies(p -> assertThat(p.where().line()).isEqualTo(1)));
  }
}
