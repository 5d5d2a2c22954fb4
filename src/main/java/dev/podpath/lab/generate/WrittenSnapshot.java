package dev.podpath.lab.generate;

import java.nio.file.Path;
import java.util.List;

/** What {@link TopologyGenerator#write} put on disk. */
public record WrittenSnapshot(long seed, String name, Path dir, long fileCount, List<String> features) {

  public WrittenSnapshot {
    features = List.copyOf(features);
  }
}
