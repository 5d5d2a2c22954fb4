package dev.podpath.ingest.bird;

import dev.podpath.core.SourceRef;
import java.util.List;

/** `protocol static` with its routes (BIRD manual "Static"; proto/static/config.Y). */
public record StaticProtocol(
    String name, SourceRef where, boolean disabled, String template, List<Channel> channels, List<StaticRoute> routes)
    implements Protocol {
  public StaticProtocol {
    channels = List.copyOf(channels);
    routes = List.copyOf(routes);
  }
}
