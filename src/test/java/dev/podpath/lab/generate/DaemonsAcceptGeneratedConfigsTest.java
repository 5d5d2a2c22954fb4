package dev.podpath.lab.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real daemons are the judge of syntax: every bird.conf of 200 seeds must pass {@code bird -p}
 * (parses only, needs no root) and every frr.conf must pass {@code bgpd -C} and {@code staticd -C}
 * (need root for their privilege setup, hence the lab tag). Skipped when the binaries are absent.
 */
class DaemonsAcceptGeneratedConfigsTest {

  static final int SEEDS = 200;
  static final Path BIRD = Path.of("/usr/sbin/bird");
  static final Path BGPD = Path.of("/usr/lib/frr/bgpd");
  static final Path STATICD = Path.of("/usr/lib/frr/staticd");
  /** FRR 8.4 -C reports a refused line like this and still exits 0 (lab, 2026-11-26). */
  static final Pattern FRR_LINE = Pattern.compile("config line (\\d+): (.*)$");

  @TempDir
  Path tmp;

  @Test
  void birdParsesEveryGeneratedConfig() throws Exception {
    assumeTrue(Files.isExecutable(BIRD), "bird2 is not installed");
    List<String> failures = new ArrayList<>();
    int checked = 0;
    for (long seed = 1; seed <= SEEDS; seed++) {
      for (Map.Entry<String, String> f : configs(seed, "bird.conf")) {
        Path p = write(seed, f);
        Run r = run(List.of(BIRD.toString(), "-p", "-c", p.toString()));
        checked++;
        if (r.status != 0) {
          failures.add("seed " + seed + " " + f.getKey() + ": " + r.output.strip());
        }
      }
    }
    assertThat(failures).isEmpty();
    assertThat(checked).isGreaterThan(SEEDS);
  }

  @Test
  @Tag("lab")
  void frrChecksEveryGeneratedConfig() throws Exception {
    assumeTrue(Files.isExecutable(BGPD) && Files.isExecutable(STATICD), "FRR is not installed");
    assumeTrue("root".equals(System.getProperty("user.name")), "bgpd -C needs root");
    List<String> failures = new ArrayList<>();
    int checked = 0;
    for (long seed = 1; seed <= SEEDS; seed++) {
      for (Map.Entry<String, String> f : configs(seed, "frr.conf")) {
        Path p = write(seed, f);
        checked++;
        // bgpd reads the whole integrated file and refuses staticd's routes as unknown commands.
        failures.addAll(refused(seed, f.getKey(), run(List.of(BGPD.toString(), "-C", "-f", p.toString())), false));
        failures.addAll(refused(seed, f.getKey(), run(List.of(STATICD.toString(), "-C", "-f", p.toString())), true));
      }
    }
    assertThat(failures).isEmpty();
    assertThat(checked).isGreaterThan(SEEDS / 2);
  }

  /** The checks can fail: a refused line is caught although FRR exits 0 (control for the test above). */
  @Test
  @Tag("lab")
  void frrCheckCatchesARefusedLine() throws Exception {
    assumeTrue(Files.isExecutable(BGPD) && Files.isExecutable(STATICD), "FRR is not installed");
    assumeTrue("root".equals(System.getProperty("user.name")), "bgpd -C needs root");
    Path p = write(0, Map.entry("bad/frr.conf", "frr version 8.4.4\nrouter bgp 65001\n neighbor 10.0.0.2 remote-as 65002\n"
        + " address-family ipv4 unicast\n  neighbor 10.0.0.3 route-reflector-client\n exit-address-family\nexit\n"
        + "ip route 10.1.0.0/16 nowhere-dev\n"));
    assertThat(refused(0, "bad", run(List.of(BGPD.toString(), "-C", "-f", p.toString())), false)).hasSize(2)
        .anyMatch(l -> l.contains("route-reflector-client")).anyMatch(l -> l.contains("Specify remote-as"));
    assertThat(refused(0, "bad", run(List.of(STATICD.toString(), "-C", "-f", p.toString())), true))
        .anyMatch(l -> l.contains("nowhere-dev") || l.contains("Configuration failed"));
  }

  @Test
  void birdCheckCatchesARefusedConfig() throws Exception {
    assumeTrue(Files.isExecutable(BIRD), "bird2 is not installed");
    // BIRD 2.0.1+: eBGP without explicit import/export is a config error (routing-facts §2.1).
    Path p = write(0, Map.entry("bad/bird.conf", "router id 10.0.0.1;\nprotocol bgp x {\n local 10.0.0.1 as 65001;\n"
        + " neighbor 10.0.0.2 as 65002;\n ipv4;\n}\n"));
    Run r = run(List.of(BIRD.toString(), "-p", "-c", p.toString()));
    assertThat(r.status).isNotZero();
    assertThat(r.output).contains("EBGP requires explicit import policy");
  }

  private static List<String> refused(long seed, String file, Run r, boolean staticd) {
    List<String> out = new ArrayList<>();
    if (r.status != 0) {
      out.add("seed " + seed + " " + file + ": exit " + r.status + " " + r.output.strip());
    }
    for (String line : r.output.split("\n")) {
      var m = FRR_LINE.matcher(line);
      if (m.find()) {
        boolean staticLine = m.group(2).strip().matches("(ip|ipv6) route .*");
        if (staticLine == staticd) {
          out.add("seed " + seed + " " + file + ": " + line.strip());
        }
      } else if (line.startsWith("%") || line.contains("error processing configuration")
          || line.contains("open configuration file")) {
        // FRR drops to user frr before reading: an unreadable file is "checked" silently otherwise.
        out.add("seed " + seed + " " + file + ": " + line.strip());
      }
    }
    return out;
  }

  private static List<Map.Entry<String, String>> configs(long seed, String name) {
    return TopologyGenerator.generate(seed, GeneratorOptions.defaults()).files().entrySet().stream()
        .filter(e -> e.getKey().endsWith("/" + name)).toList();
  }

  private Path write(long seed, Map.Entry<String, String> f) throws IOException {
    Path p = tmp.resolve(Long.toString(seed)).resolve(f.getKey());
    Files.createDirectories(p.getParent());
    Files.writeString(p, f.getValue(), StandardCharsets.UTF_8);
    // FRR daemons read the file as user frr: every directory from the temp dir down must be open.
    for (Path d = p.getParent(); d.startsWith(tmp); d = d.getParent()) {
      Files.setPosixFilePermissions(d, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
    Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rw-r--r--"));
    return p;
  }

  record Run(int status, String output) {}

  static Run run(List<String> cmd) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    byte[] out = p.getInputStream().readAllBytes();
    if (!p.waitFor(30, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      return new Run(-1, "timed out");
    }
    return new Run(p.exitValue(), new String(out, StandardCharsets.UTF_8));
  }
}
