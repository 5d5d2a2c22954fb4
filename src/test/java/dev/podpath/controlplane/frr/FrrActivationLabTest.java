package dev.podpath.controlplane.frr;

import static org.assertj.core.api.Assertions.assertThat;

import dev.podpath.controlplane.spi.AddressFamily;
import dev.podpath.controlplane.spi.BgpNeighborConfig;
import dev.podpath.ingest.frr.FrrConfigParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Differential: real bgpd (FRR 8.4.4, in a network namespace of its own, not listening, no zebra)
 * reads the config; its `show bgp [vrf V] neighbors X json` families and remote AS must equal what
 * FrrDaemon.neighbors() says (peer-group inheritance, activation, `bgp default ipv4-unicast`).
 */
@Tag("lab")
class FrrActivationLabTest {

  private static final Path BGPD = Path.of("/usr/lib/frr/bgpd");

  @Test
  void neighborFamiliesMatchRealBgpd() throws Exception {
    Assumptions.assumeTrue(Files.isExecutable(BGPD), "FRR not installed");
    Path conf = Path.of("src/test/resources/frr/lab/activation.frr.conf").toAbsolutePath();
    String ns = "pp-frr-labact-" + ProcessHandle.current().pid();
    Path dir = Files.createTempDirectory("pp-frr-labact");
    try {
      run("ip", "netns", "add", ns);
      run("ip", "-n", ns, "link", "set", "lo", "up");
      run("ip", "-n", ns, "link", "add", "red", "type", "vrf", "table", "10");
      run("ip", "-n", ns, "link", "set", "red", "up");
      Files.copy(conf, dir.resolve("frr.conf"));
      run("chown", "-R", "frr:frr", dir.toString());
      run("ip", "netns", "exec", ns, BGPD.toString(), "-d", "-n", "-p", "0", "-N", ns, "-f", dir.resolve("frr.conf").toString(),
          "-i", dir.resolve("bgpd.pid").toString(), "-z", dir.resolve("none.api").toString(), "--vty_socket", dir.toString());
      Thread.sleep(2000);
      FrrDaemon d = new FrrDaemon(FrrConfigParser.parse(Files.readString(conf), "frr.conf").config(), new TestHost("lab"));
      TreeMap<String, String> podpath = new TreeMap<>();
      TreeMap<String, String> real = new TreeMap<>();
      for (BgpNeighborConfig n : d.neighbors()) {
        podpath.put(n.id(), families(n.families()) + " " + ((BgpNeighborConfig.PeerAs.Exact) n.peerAs()).asn());
        String vrf = n.vrf() == null ? "" : "vrf " + n.vrf() + " ";
        String json = run("ip", "netns", "exec", ns, "vtysh", "--vty_socket", dir.toString(), "-c", "show bgp " + vrf + "neighbors " + n.peerAddress() + " json");
        Set<AddressFamily> fams = EnumSet.noneOf(AddressFamily.class);
        if (json.contains("\"ipv4Unicast\"")) {
          fams.add(AddressFamily.IPV4_UNICAST);
        }
        if (json.contains("\"ipv6Unicast\"")) {
          fams.add(AddressFamily.IPV6_UNICAST);
        }
        Matcher m = Pattern.compile("\"remoteAs\":(\\d+)").matcher(json);
        real.put(n.id(), families(fams) + " " + (m.find() ? m.group(1) : "?"));
      }
      assertThat(podpath).isEqualTo(real).hasSize(7);
    } finally {
      Path pid = dir.resolve("bgpd.pid");
      if (Files.exists(pid)) {
        run("kill", Files.readString(pid).strip());
        Thread.sleep(500);
      }
      run("ip", "netns", "del", ns);
    }
  }

  private static String families(Set<AddressFamily> f) {
    return new java.util.TreeSet<>(f).toString();
  }

  private static String run(String... cmd) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    byte[] out = p.getInputStream().readAllBytes();
    if (!p.waitFor(30, TimeUnit.SECONDS)) {
      p.destroyForcibly();
    }
    return new String(out, StandardCharsets.UTF_8);
  }
}
