package dev.podpath.ingest.frr;

import dev.podpath.core.SourceRef;
import java.util.List;

/** A route-map: its entries sorted by sequence number. */
public record FrrRouteMap(String name, List<Entry> entries, SourceRef where) {

  public FrrRouteMap {
    entries = List.copyOf(entries);
  }

  /**
   * `route-map NAME permit|deny SEQ` and its clauses.
   *
   * @param onMatchGoto `on-match goto N` target, or null
   * @param onMatchNext `on-match next` or `continue` without number
   * @param continueTo `continue N`, or null
   * @param call `call NAME`, or null
   */
  public record Entry(
      int seq,
      boolean permit,
      List<RouteMapMatch> matches,
      List<RouteMapSet> sets,
      boolean onMatchNext,
      Integer onMatchGoto,
      Integer continueTo,
      String call,
      SourceRef where) {
    public Entry {
      matches = List.copyOf(matches);
      sets = List.copyOf(sets);
    }
  }
}
