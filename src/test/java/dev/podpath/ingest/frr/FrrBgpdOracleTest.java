package dev.podpath.ingest.frr;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Real FRR is the oracle: the lines `vtysh -C -f` (syntax of every daemon) and `bgpd -C -f`
 * and the daemons (bgpd's own refusals, e.g. "% Configure the peer-group first") flag must be
 * exactly the lines podpath flags.
 * Runs where Debian's FRR is installed; skipped elsewhere.
 */
class FrrBgpdOracleTest {

  private static final Path BGPD = Path.of("/usr/lib/frr/bgpd");
  private static final Path VTYSH = Path.of("/usr/bin/vtysh");
  private static final Pattern VTYSH_LINE = Pattern.compile("^line (\\d+): ", Pattern.MULTILINE);
  private static final Path ZEBRA = Path.of("/usr/lib/frr/zebra");
  private static final Path STATICD = Path.of("/usr/lib/frr/staticd");
  private static final Pattern DAEMON_FAILED = Pattern.compile("on config line (\\d+): (.*)$", Pattern.MULTILINE);

  @Test
  void podpathFlagsTheLinesRealFrrFlags() throws Exception {
    Assumptions.assumeTrue(Files.isExecutable(BGPD) && Files.isExecutable(VTYSH) && Files.isExecutable(ZEBRA) && Files.isExecutable(STATICD), "FRR not installed");
    // the daemons' -C needs root (privs_init, /var/tmp/frr); elsewhere skip
    Path probe = Files.createTempFile("pp-frr-probe", ".conf");
    Files.writeString(probe, "hostname probe\n");
    Process pr = new ProcessBuilder(BGPD.toString(), "-C", "-f", probe.toString()).redirectErrorStream(true).start();
    pr.getInputStream().readAllBytes();
    boolean finished = pr.waitFor(30, TimeUnit.SECONDS);
    Files.deleteIfExists(probe);
    Assumptions.assumeTrue(finished && pr.exitValue() == 0, "bgpd -C does not run here (needs root)");
    List<Path> files = new java.util.ArrayList<>(FrrCorpus.files());
    try (var s = Files.list(Path.of("src/test/resources/frr"))) {
      s.filter(f -> f.toString().endsWith(".conf")).sorted().forEach(files::add);
    }
    try (var s = Files.list(Path.of("src/test/resources/frr/oracle"))) {
      s.sorted().forEach(files::add);
    }
    for (Path f : files) {
      Set<Integer> frr = new TreeSet<>();
      Matcher m = VTYSH_LINE.matcher(run(VTYSH.toString(), "-C", "-f", f.toAbsolutePath().toString()));
      while (m.find()) {
        frr.add(Integer.parseInt(m.group(1)));
      }
      // A line the integrated config (vtysh) accepts is still refused when the daemon owning it
      // refuses it; a line is nobody's when bgpd, zebra and staticd all refuse it.
      Set<Integer> daemons = refused(BGPD, f);
      daemons.retainAll(refused(ZEBRA, f));
      daemons.retainAll(refused(STATICD, f));
      frr.addAll(daemons);
      FrrParseResult r = f.startsWith("src") ? FrrConfigParser.parse(Files.readString(f), "frr.conf", FrrVersion.DEBIAN_BOOKWORM) : FrrCorpus.parse(f);
      assertThat(new TreeSet<>(FrrParseFixture.problemLines(r))).as("%s: %s", f, FrrParseFixture.messages(r.warnings())).isEqualTo(frr);
    }
  }

  private static Set<Integer> refused(Path daemon, Path f) throws IOException, InterruptedException {
    Set<Integer> lines = new TreeSet<>();
    Matcher b = DAEMON_FAILED.matcher(run(daemon.toString(), "-C", "-f", f.toAbsolutePath().toString()));
    while (b.find()) {
      // `log file X` fails only where the daemon (user frr) cannot create X: environment, not
      // syntax; `service ...` lines belong to vtysh alone, which accepts them
      String text = b.group(2).strip();
      if (!text.startsWith("log file") && !text.startsWith("service ")) {
        lines.add(Integer.parseInt(b.group(1)));
      }
    }
    return lines;
  }

  private static String run(String... cmd) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    byte[] out = p.getInputStream().readAllBytes();
    if (!p.waitFor(30, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError("timeout: " + String.join(" ", cmd));
    }
    return new String(out, StandardCharsets.UTF_8);
  }
}
