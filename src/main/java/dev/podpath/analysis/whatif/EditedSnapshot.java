package dev.podpath.analysis.whatif;

import dev.podpath.core.Finding;
import dev.podpath.core.SourceRef;
import dev.podpath.ingest.Snapshot;
import java.util.List;
import java.util.Map;

/**
 * A snapshot with edits applied in memory: the edited snapshot, which stand-in line of the edited
 * documents stands for which {@code --set} ({@code origins}), and notes on what the edit implied
 * (e.g. ConfigMap keys the chart renders again).
 */
public record EditedSnapshot(Snapshot snapshot, Map<SourceRef, SourceRef> origins, List<Finding> notes) {

  public EditedSnapshot {
    origins = Map.copyOf(origins);
    notes = List.copyOf(notes);
  }
}
