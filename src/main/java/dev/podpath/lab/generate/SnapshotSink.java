package dev.podpath.lab.generate;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SortedMap;
import java.util.TreeMap;

/** Where generated files go: memory (small snapshots, tests) or a directory (streamed, scale mode). */
interface SnapshotSink {

  /** A writer for {@code relativePath}; the caller closes it before opening the next one. */
  Writer open(String relativePath) throws IOException;

  /** Keeps every file as a string. */
  final class Memory implements SnapshotSink {
    final SortedMap<String, String> files = new TreeMap<>();

    @Override
    public Writer open(String relativePath) {
      return new StringWriter() {
        @Override
        public void close() {
          files.put(relativePath, toString());
        }
      };
    }
  }

  /** Streams every file to disk under a root directory; counts files and bytes. */
  final class Directory implements SnapshotSink {
    final Path root;
    long fileCount;

    Directory(Path root) {
      this.root = root;
    }

    @Override
    public Writer open(String relativePath) throws IOException {
      Path p = root.resolve(relativePath);
      Files.createDirectories(p.getParent());
      fileCount++;
      return new BufferedWriter(Files.newBufferedWriter(p, StandardCharsets.UTF_8), 1 << 16);
    }
  }

  static void write(SnapshotSink sink, String path, String text) {
    try (Writer w = sink.open(path)) {
      w.write(text);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + path, e);
    }
  }
}
