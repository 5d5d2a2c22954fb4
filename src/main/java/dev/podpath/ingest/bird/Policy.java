package dev.podpath.ingest.bird;

import dev.podpath.core.SourceRef;
import java.util.List;

/**
 * A channel's `import` or `export` clause. Source: BIRD 2.0 manual "Channel options"
 * (import all | none | filter name | filter { ... } | where expr); nest/config.Y `imexport`.
 */
public sealed interface Policy {

  SourceRef where();

  record All(SourceRef where) implements Policy {}

  record None(SourceRef where) implements Policy {}

  /** `filter NAME`: resolved against the config's filters when the route is evaluated. */
  record Named(String filter, SourceRef where) implements Policy {}

  /** `filter { ... }`. */
  record Inline(List<Stmt> body, SourceRef where) implements Policy {
    public Inline {
      body = List.copyOf(body);
    }
  }

  /** `where EXPR`: BIRD builds `if EXPR then accept; else reject;` (filter/config.Y where_filter). */
  record Where(Expr condition, SourceRef where) implements Policy {}
}
