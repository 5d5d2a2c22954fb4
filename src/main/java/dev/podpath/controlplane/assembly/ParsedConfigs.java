package dev.podpath.controlplane.assembly;

import dev.podpath.core.SourceRef;
import dev.podpath.ingest.bird.BirdConfigParser;
import dev.podpath.ingest.bird.BirdParseResult;
import dev.podpath.ingest.bird.BirdVersion;
import dev.podpath.ingest.bird.IncludeResolver;
import dev.podpath.ingest.frr.FrrConfigParser;
import dev.podpath.ingest.frr.FrrParseResult;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * bird.conf / frr.conf parse results kept by everything a parse depends on (text, where it is
 * written, snapshot root for includes, BIRD version), so that simulating many edited copies of one
 * snapshot (a `fix` search) parses each distinct config once: an edit of one host's bird.conf
 * re-parses that file only. Parse results are immutable records, so one serves every copy; safe
 * to share between threads. {@link #none()} parses every time (one-off simulations).
 */
public final class ParsedConfigs {

  private record BirdKey(Path root, String text, SourceRef origin, BirdVersion version) {}

  private record FrrKey(String text, String displayPath) {}

  private final Map<BirdKey, BirdParseResult> bird;
  private final Map<FrrKey, FrrParseResult> frr;

  private ParsedConfigs(boolean keep) {
    this.bird = keep ? new ConcurrentHashMap<>() : null;
    this.frr = keep ? new ConcurrentHashMap<>() : null;
  }

  /** Keeps every parse for the next simulation that asks for the same config. */
  public static ParsedConfigs shared() {
    return new ParsedConfigs(true);
  }

  /** Keeps nothing. */
  public static ParsedConfigs none() {
    return new ParsedConfigs(false);
  }

  /** Included files are read under {@code root}: the search never edits them, so the root stands for their text. */
  BirdParseResult bird(Path root, String text, SourceRef origin, BirdVersion version) {
    if (bird == null) {
      return BirdConfigParser.parse(text, origin, IncludeResolver.directory(root), version);
    }
    return bird.computeIfAbsent(new BirdKey(root, text, origin, version),
        k -> BirdConfigParser.parse(text, origin, IncludeResolver.directory(root), version));
  }

  FrrParseResult frr(String text, String displayPath) {
    if (frr == null) {
      return FrrConfigParser.parse(text, displayPath);
    }
    return frr.computeIfAbsent(new FrrKey(text, displayPath), k -> FrrConfigParser.parse(text, displayPath));
  }
}
