package dev.podpath.analysis.intent;

import dev.podpath.ingest.Snapshot;
import dev.podpath.ingest.SnapshotLoader;
import java.nio.file.Path;

/** src/test/resources/intents/small: cp1 (web-0, apiserver), w1 (coredns-0), w2 (no pod), router pve. */
final class SmallSnapshot {

  static final Path DIR = Path.of("src", "test", "resources", "intents", "small");
  private static Snapshot snapshot;

  private SmallSnapshot() {}

  static synchronized Snapshot load() {
    if (snapshot == null) {
      snapshot = SnapshotLoader.load(DIR);
    }
    return snapshot;
  }
}
