package dev.podpath.ingest.frr;

import static org.assertj.core.api.Assertions.assertThat;

import dev.podpath.core.Finding;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** Every FRR config of the corpus parses to a status and warnings; none crashes. */
class FrrCorpusTest {

  @Test
  void everyCorpusFileYieldsAStatus() {
    Map<String, String> statuses = new TreeMap<>();
    for (Path f : FrrCorpus.files()) {
      FrrParseResult r = FrrCorpus.parse(f);
      assertThat(r.status()).isNotNull();
      for (Finding w : r.warnings()) {
        assertThat(w.where().line()).as("warning with a line: %s", w).isPositive();
        assertThat(w.where().file()).isEqualTo(FrrCorpus.root().relativize(f).toString());
      }
      statuses.put(FrrCorpus.root().relativize(f).toString(), r.status() + " " + FrrParseFixture.problemLines(r));
      assertThat(r.config().bgpRouters()).as("%s has a router bgp", f).isNotEmpty();
    }
    System.err.println("FRR corpus: " + statuses);
  }

  @Test
  void malpractisV6PeerGroupIsLostAsInRealFrr() {
    // lab: `bgpd -C` and `vtysh -C` (FRR 8.4.4) flag lines 20-29 of this file, 2026-11-26
    Path f = FrrCorpus.root().resolve("Malpractis__home-ops/bgp-v6.conf");
    org.junit.jupiter.api.Assumptions.assumeTrue(java.nio.file.Files.exists(f));
    FrrParseResult r = FrrCorpus.parse(f);
    assertThat(FrrParseFixture.problemLines(r)).containsExactly(20, 21, 23, 26, 27, 28, 29);
    FrrBgpRouter router = r.config().bgpRouters().get(0);
    assertThat(router.peerGroups()).containsOnlyKeys("k8s-v4");
    assertThat(router.listenRanges()).hasSize(1);
    assertThat(router.neighbors()).hasSize(3);
    assertThat(List.copyOf(router.neighbors().values())).allMatch(n -> "k8s-v4".equals(n.peerGroup()));
  }
}
