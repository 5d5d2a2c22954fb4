package dev.podpath.ingest;

import dev.podpath.core.SourceRef;
import java.util.Objects;

/**
 * The config of one routing daemon on one host, as text for the BIRD or FRR parser.
 *
 * <p>{@code origin} is the file and line where line 1 of {@code text} is written: for
 * {@code hosts/NAME/bird.conf} that is line 1 of that file; for a bird.conf embedded in a Talos
 * ExtensionServiceConfig it is the first line of the {@code content: |} block in the Talos file.
 * Line n of {@code text} is therefore {@link #lineRef(int) lineRef(n)} = origin line + n - 1: a
 * YAML literal block keeps every line break, and its indentation is not part of the text.
 * {@code displayPath} names the file for people (e.g. {@code talos/w1.yaml:/usr/local/etc/bird.conf}).
 */
public record DaemonConfigFile(String host, Daemon daemon, String displayPath, String text, SourceRef origin) {

  public DaemonConfigFile {
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(daemon, "daemon");
    Objects.requireNonNull(displayPath, "displayPath");
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(origin, "origin");
  }

  /** Where line {@code lineInText} (1-based) of {@link #text()} is written in the snapshot. */
  public SourceRef lineRef(int lineInText) {
    if (lineInText < 1) {
      return origin;
    }
    return origin.atLine(origin.line() + lineInText - 1);
  }
}
