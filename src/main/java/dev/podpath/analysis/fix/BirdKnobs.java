package dev.podpath.analysis.fix;

import dev.podpath.analysis.CheckResult;
import java.util.ArrayList;
import java.util.List;

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
    BirdMoves.admit(found, keep, out, skipped);
  }
}
