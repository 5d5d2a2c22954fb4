package dev.podpath.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** Copies a snapshot folder (or any tree) so a test can edit the copy and leave the original alone. */
public final class SnapshotCopy {

  private SnapshotCopy() {}

  /** Copies {@code from} into {@code to} (created), returning {@code to}. */
  public static Path copy(Path from, Path to) throws IOException {
    try (Stream<Path> all = Files.walk(from)) {
      for (Path p : all.toList()) {
        Path t = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(t);
        } else {
          Files.copy(p, t);
        }
      }
    }
    return to;
  }
}
