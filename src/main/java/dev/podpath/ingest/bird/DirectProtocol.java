package dev.podpath.ingest.bird;

import dev.podpath.core.SourceRef;
import java.util.List;

/**
 * `protocol direct`: routes for the connected prefixes of the matching interfaces (BIRD manual
 * "Direct"). An empty pattern list means every interface.
 */
public record DirectProtocol(
    String name,
    SourceRef where,
    boolean disabled,
    String template,
    List<Channel> channels,
    List<InterfacePattern> interfaces)
    implements Protocol {
  public DirectProtocol {
    channels = List.copyOf(channels);
    interfaces = List.copyOf(interfaces);
  }
}
