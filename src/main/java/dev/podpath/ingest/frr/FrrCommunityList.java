package dev.podpath.ingest.frr;

import dev.podpath.core.SourceRef;
import java.util.List;

/** A `bgp community-list standard|expanded NAME`; values are community words or one regex. */
public record FrrCommunityList(String name, boolean expanded, List<Entry> entries, SourceRef where) {
  public FrrCommunityList {
    entries = List.copyOf(entries);
  }

  public record Entry(boolean permit, List<String> values, SourceRef where) {
    public Entry {
      values = List.copyOf(values);
    }
  }
}
