package dev.podpath.ingest.frr;

import dev.podpath.core.SourceRef;
import java.util.List;

/** A `bgp as-path access-list NAME` with its regex entries in order. */
public record FrrAsPathList(String name, List<Entry> entries, SourceRef where) {
  public FrrAsPathList {
    entries = List.copyOf(entries);
  }

  public record Entry(boolean permit, String regex, SourceRef where) {}
}
