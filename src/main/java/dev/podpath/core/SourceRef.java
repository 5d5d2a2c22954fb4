package dev.podpath.core;

import java.util.Objects;

/**
 * Where something came from: a file (relative to the snapshot root, with '/' separators) and a
 * 1-based line. Line 0 means "the whole file". Every finding and every parsed object carries one,
 * so that a verdict can always be traced back to the line an operator wrote.
 */
public record SourceRef(String file, int line) implements Comparable<SourceRef> {

  public static final SourceRef NONE = new SourceRef("", 0);

  public SourceRef {
    Objects.requireNonNull(file, "file");
    if (line < 0) {
      throw new IllegalArgumentException("line must be >= 0: " + line);
    }
  }

  public static SourceRef of(String file, int line) {
    return new SourceRef(file, line);
  }

  public static SourceRef file(String file) {
    return new SourceRef(file, 0);
  }

  /** The same file at another line (e.g. a key inside a document that starts at this ref). */
  public SourceRef atLine(int newLine) {
    return new SourceRef(file, newLine);
  }

  public boolean isKnown() {
    return !file.isEmpty();
  }

  @Override
  public int compareTo(SourceRef o) {
    int c = file.compareTo(o.file);
    return c != 0 ? c : Integer.compare(line, o.line);
  }

  @Override
  public String toString() {
    if (!isKnown()) {
      return "<unknown>";
    }
    return line > 0 ? file + ":" + line : file;
  }
}
