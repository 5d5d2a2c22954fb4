package dev.podpath.ingest.bird;

import dev.podpath.core.SourceRef;
import java.util.List;

/** `protocol device`: learns interfaces, makes no routes (BIRD manual "Device"). */
public record DeviceProtocol(String name, SourceRef where, boolean disabled, String template, Integer scanTime)
    implements Protocol {
  @Override
  public List<Channel> channels() {
    return List.of();
  }
}
