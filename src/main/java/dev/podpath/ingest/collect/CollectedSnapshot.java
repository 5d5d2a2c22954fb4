package dev.podpath.ingest.collect;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What `podpath snapshot` wrote: how many objects of each kind, the Cilium version read from the
 * agent's image, and notes for the operator (what is missing and must be added by hand).
 */
public record CollectedSnapshot(Map<String, Integer> counts, Optional<String> ciliumVersion, List<String> notes) {

  public CollectedSnapshot {
    counts = Map.copyOf(counts);
    notes = List.copyOf(notes);
  }
}
