package dev.podpath.lab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.podpath.core.net.IfAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The collector's direct socket queries print exactly what birdc and vtysh print. */
@Tag("lab")
class DaemonSocketLabTest {

  private static LabTopology pair() {
    LabHost r1 = new LabHost("r1", List.of(new LabInterface("eth0", List.of(IfAddress.parse("10.1.0.1/24")), null, null, null)),
        List.of(), Map.of(), new LabConfigText("hosts/r1/bird.conf", """
            router id 10.1.0.1;
            protocol device {}
            protocol kernel { ipv4 { export all; }; }
            protocol static { ipv4; route 10.244.1.0/24 unreachable; }
            protocol bgp r2 {
              local 10.1.0.1 as 65001;
              neighbor 10.1.0.2 as 65002;
              connect delay time 1;
              ipv4 { import all; export where source = RTS_STATIC; };
            }
            """), null);
    LabHost r2 = new LabHost("r2", List.of(new LabInterface("eth0", List.of(IfAddress.parse("10.1.0.2/24")), null, null, null)),
        List.of(), Map.of(), null, new LabConfigText("hosts/r2/frr.conf", """
            frr defaults traditional
            router bgp 65002
             bgp router-id 10.1.0.2
             no bgp ebgp-requires-policy
             neighbor 10.1.0.1 remote-as 65001
             address-family ipv4 unicast
              network 10.244.2.0/24
             exit-address-family
            ip route 10.244.2.0/24 blackhole
            """));
    return new LabTopology(List.of(r1, r2), List.of(), List.of());
  }

  /** Timers and clocks move between two queries (a route's time too: lab, one ms apart, 2026-11-26). */
  private static List<String> withoutClock(String text) {
    return text.lines().filter(l -> !l.contains("timer:") && !l.contains("time is") && !l.startsWith("Current server time"))
        .map(l -> l.replaceAll("\\d\\d:\\d\\d:\\d\\d\\.\\d{3}", "TIME")).toList();
  }

  @Test
  @Timeout(60)
  void socketAnswersEqualTheClients() {
    List<String> missing = LabPreconditions.missing(new LabTopology(List.of(), List.of(), List.of()));
    assumeTrue(missing.isEmpty(), () -> "lab unavailable: " + missing);
    try (LabRun run = LabRun.start(pair(), LabOptions.defaults(), LabListener.NONE)) {
      LabObservation seen = run.awaitConvergence();
      assertThat(seen.sessionsOf("r1")).singleElement().satisfies(s -> assertThat(s.established()).isTrue());
      String ns1 = run.namespaces().get(0);
      Path ctl = run.workDir().resolve("r1-0").resolve("bird.ctl");
      for (String c : List.of("show protocols all", "show route all table all", "show status")) {
        String viaBirdc = CommandRunner.check(RunContext.inNs(ns1, "birdc", "-s", ctl.toString(), c), RunContext.SHORT);
        assertThat(withoutClock(DaemonSocket.bird(ctl, c, RunContext.SHORT))).as(c).isEqualTo(withoutClock(viaBirdc));
      }
      assertThat(DaemonSocket.bird(ctl, "show route all table all", RunContext.SHORT)).contains("10.244.2.0/24");
      assertThatThrownBy(() -> DaemonSocket.bird(ctl, "show nonsense", RunContext.SHORT))
          .isInstanceOf(LabFailedException.class).hasMessageContaining("syntax error");

      String ns2 = run.namespaces().get(1);
      Path frr = run.workDir().resolve("r2-1").resolve("frr");
      for (String c : List.of("show bgp vrf all summary json", "show bgp vrf all ipv4 unicast json", "show bgp vrf all ipv6 unicast json")) {
        String viaVtysh = CommandRunner.check(RunContext.inNs(ns2, "vtysh", "--vty_socket", frr.toString(), "-c", c), RunContext.SHORT);
        assertThat(LabJson.read(DaemonSocket.frr(frr.resolve("bgpd.vty"), c, RunContext.SHORT), c)).as(c)
            .isEqualTo(LabJson.read(viaVtysh, c));
      }
      assertThat(DaemonSocket.frr(frr.resolve("bgpd.vty"), "show bgp vrf all ipv4 unicast json", RunContext.SHORT))
          .contains("10.244.1.0/24");
      assertThatThrownBy(() -> DaemonSocket.frr(frr.resolve("bgpd.vty"), "show nonsense", RunContext.SHORT))
          .isInstanceOf(LabFailedException.class).hasMessageContaining("refused");
    }
  }
}
