package dev.podpath.ingest.bird;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Supplies the text of an `include`d file. Paths are snapshot-relative with '/' separators and
 * already normalised by the parser, which never asks for a path outside the snapshot.
 */
@FunctionalInterface
public interface IncludeResolver {

  Optional<String> read(String snapshotPath);

  /** No includes available (every include is reported missing). */
  static IncludeResolver none() {
    return p -> Optional.empty();
  }

  /** Files under a snapshot root; refuses paths whose real location leaves the root (symlinks). */
  static IncludeResolver directory(Path root) {
    return p -> {
      try {
        Path realRoot = root.toRealPath();
        Path f = root.resolve(p).normalize();
        if (!Files.isRegularFile(f)) {
          return Optional.empty();
        }
        Path real = f.toRealPath();
        if (!real.startsWith(realRoot) || Files.size(real) > 16L * 1024 * 1024) {
          return Optional.empty();
        }
        return Optional.of(Files.readString(real, StandardCharsets.UTF_8));
      } catch (IOException | RuntimeException e) {
        return Optional.empty();
      }
    };
  }
}
