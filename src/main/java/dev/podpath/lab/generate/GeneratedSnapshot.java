package dev.podpath.lab.generate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A generated snapshot held in memory: relative path ("hosts/r1/bird.conf") to file text, in path
 * order, and the features it actually contains (the keys of {@link Variation} plus "ebgp",
 * "ibgp", the family and the daemon mix).
 */
public record GeneratedSnapshot(long seed, String name, SortedMap<String, String> files, List<String> features) {

  public GeneratedSnapshot {
    files = Collections.unmodifiableSortedMap(new TreeMap<>(files));
    features = List.copyOf(features);
  }

  public boolean has(Variation v) {
    return features.contains(v.key());
  }

  /** Writes every file under {@code dir} (created if missing), UTF-8, exactly these bytes. */
  public void writeTo(Path dir) {
    try {
      for (var e : files.entrySet()) {
        Path p = dir.resolve(e.getKey());
        Files.createDirectories(p.getParent());
        Files.writeString(p, e.getValue(), StandardCharsets.UTF_8);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the generated snapshot to " + dir, e);
    }
  }
}
