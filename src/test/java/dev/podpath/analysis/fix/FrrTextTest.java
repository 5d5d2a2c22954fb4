package dev.podpath.analysis.fix;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.podpath.analysis.whatif.FrrConfigEdit;
import dev.podpath.analysis.whatif.FrrEditKind;
import dev.podpath.core.Severity;
import dev.podpath.ingest.frr.Afi;
import dev.podpath.ingest.frr.FrrBgpRouter;
import dev.podpath.ingest.frr.FrrConfig;
import dev.podpath.ingest.frr.FrrConfigParser;
import dev.podpath.ingest.frr.FrrNeighbor;
import dev.podpath.ingest.frr.FrrNeighborAf;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every per-neighbor line the FRR moves write, on real frr.conf files (the test resources, the
 * seed's pve01 and, when present, the shared corpus): inserted by the parser's line numbers, each
 * lands in the address family it was meant for (read back by podpath's parser), no new warning,
 * and bgpd -C refuses nothing it did not refuse before.
 */
class FrrTextTest {

  static final Path CORPUS = Path.of("..", "shared", "corpus");

  @TempDir
  Path tmp;

  static Stream<Path> files() throws IOException {
    List<Path> out = new ArrayList<>();
    try (Stream<Path> s = Files.list(Path.of("src/test/resources/frr"))) {
      s.filter(p -> p.toString().endsWith("frr.conf")).sorted().forEach(out::add);
    }
    out.add(Path.of("examples/cluster-101/hosts/pve01/frr.conf"));
    if (Files.isDirectory(CORPUS)) {
      try (Stream<Path> s = Files.walk(CORPUS)) {
        s.filter(p -> p.getFileName().toString().endsWith("frr.conf") && Files.isRegularFile(p)).sorted().forEach(out::add);
      }
    }
    return out.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("files")
  void everyNeighborLineLandsInItsFamilyAndBgpdAcceptsTheFile(Path file) throws IOException {
    String text = Files.readString(file);
    FrrConfig before = FrrConfigParser.parse(text, "frr.conf").config();
    List<Target> targets = targets(before);
    assumeTrue(!targets.isEmpty(), "no address neighbor in " + file);
    FrrText t = new FrrText("h", "frr.conf", text);
    FrrBgpRouter first = targets.get(0).router();
    t.insertAfter(first.where().line() - 1, "route-map PODPATH-TEST permit 10\nexit\n!");
    for (Target x : targets) {
      String n = "neighbor " + x.neighbor().name() + " ";
      t.inAddressFamily(x.router(), x.afi(), n + "activate");
      t.inAddressFamily(x.router(), x.afi(), n + "allowas-in");
      t.inAddressFamily(x.router(), x.afi(), n + "next-hop-self");
      t.inAddressFamily(x.router(), x.afi(), n + "route-map PODPATH-TEST in");
    }
    List<FrrConfigEdit> edits = t.edits(FrrEditKind.ACTIVATE, "test").stream().map(e -> (FrrConfigEdit) e).toList();
    String patched = FrrConfigEdit.applyAll(text, edits);

    FrrConfig after = FrrConfigParser.parse(patched, "frr.conf").config();
    for (Target x : targets) {
      FrrBgpRouter r = after.bgpRouter(x.router().vrf()).orElseThrow();
      FrrNeighborAf af = r.neighbors().get(x.neighbor().name()).af(x.afi());
      assertThat(af).as(x.toString()).isNotNull();
      assertThat(af.activate()).as(x.toString()).isTrue();
      assertThat(af.allowasIn()).as(x.toString()).isEqualTo(3);
      assertThat(af.nextHopSelf()).as(x.toString()).isEqualTo(FrrNeighborAf.NextHopSelf.SELF);
      assertThat(af.routeMapIn()).as(x.toString()).isEqualTo("PODPATH-TEST");
    }
    assertThat(warnings(patched)).isSubsetOf(warnings(text));
    assertThat(refused(patched)).isSubsetOf(refused(text));
  }

  record Target(FrrBgpRouter router, FrrNeighbor neighbor, Afi afi) {
    @Override
    public String toString() {
      return "router bgp " + router.asn() + " vrf " + router.vrfName() + " neighbor " + neighbor.name() + " " + afi;
    }
  }

  /** The first address neighbor of each instance, in both families. */
  private static List<Target> targets(FrrConfig c) {
    List<Target> out = new ArrayList<>();
    for (FrrBgpRouter r : c.bgpRouters()) {
      r.neighbors().values().stream().filter(n -> n.kind() == FrrNeighbor.Kind.ADDRESS).findFirst()
          .ifPresent(n -> List.of(Afi.IPV4, Afi.IPV6).forEach(a -> out.add(new Target(r, n, a))));
    }
    return out;
  }

  /** Parser warnings, without line numbers (insertions shift them). */
  private static Set<String> warnings(String text) {
    Set<String> out = new TreeSet<>();
    FrrConfigParser.parse(text, "frr.conf").warnings().stream().filter(f -> f.severity() != Severity.INFO)
        .forEach(f -> out.add(f.code() + " " + f.message().replaceAll("frr\\.conf:\\d+", "frr.conf:N")));
    return out;
  }

  /** The commands `bgpd -C` refuses ("No such command on config line N: CMD"), without line numbers. */
  private Set<String> refused(String text) throws IOException {
    Path bgpd = Path.of("/usr/lib/frr/bgpd");
    assumeTrue(Files.isExecutable(bgpd) && "root".equals(System.getProperty("user.name")), "bgpd -C needs bgpd and root");
    Path f = Files.createTempFile(tmp, "frr", ".conf");
    Files.writeString(f, text);
    Process p = new ProcessBuilder(bgpd.toString(), "-C", "-f", f.toString()).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes());
    try {
      p.waitFor();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    Set<String> lines = new TreeSet<>();
    out.lines().forEach(l -> {
      int i = l.indexOf("config line ");
      if (i >= 0) {
        lines.add(l.substring(l.indexOf(':', i) + 1).strip());
      } else if (l.startsWith("%")) {
        lines.add(l.strip());
      }
    });
    return lines;
  }
}
