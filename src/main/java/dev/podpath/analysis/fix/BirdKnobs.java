package dev.podpath.analysis.fix;

import dev.podpath.analysis.CheckResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The bird.conf moves beyond the import filter and the Cilium-session channel ({@link BirdMoves}):
 * session options ({@link BirdPeerMoves}) and the kernel export ({@link BirdKernelMoves}). A move
 * is left out when its kind ({@code --keep bird.multihop}) or one of its hosts ({@code --keep
 * bird.HOST}) is kept.
 */
final class BirdKnobs {

  private BirdKnobs() {}

  static void of(CheckResult baseline, Keep keep, List<FixMove> out, List<String> skipped) {
    if (baseline.findings().stream().noneMatch(MoveCatalog::isError)) {
      return;
    }
    List<BirdFile> files = BirdFile.all(baseline.snapshot());
    List<FixMove> found = new ArrayList<>();
    BirdPeerMoves.of(baseline, files, found);
    BirdKernelMoves.of(baseline, files, found);
    for (FixMove m : found) {
      Set<String> hosts = new TreeSet<>();
      m.edits().forEach(e -> hosts.add(((dev.podpath.analysis.whatif.BirdConfigEdit) e).host()));
      if (keep.forbids(m.key())) {
        skipped.add(m.key() + ": kept (" + keep.why(m.key()) + ")");
      } else if (keep.forbidsBird(hosts)) {
        skipped.add(m.key() + ": kept (" + keep.why("bird") + ")");
      } else {
        out.add(m);
      }
    }
  }
}
