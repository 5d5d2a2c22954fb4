package dev.podpath.ingest.frr;

import dev.podpath.core.SourceRef;
import dev.podpath.core.net.IpPrefix;
import java.util.List;

/** An `ip prefix-list` or `ipv6 prefix-list` (separate name spaces in FRR), entries by seq. */
public record FrrPrefixList(String name, boolean v6, List<Entry> entries, SourceRef where) {

  public FrrPrefixList {
    entries = List.copyOf(entries);
  }

  /** One entry; {@code ge}/{@code le} null when absent. */
  public record Entry(long seq, boolean permit, IpPrefix prefix, Integer ge, Integer le, SourceRef where) {

    // lib/plist.c prefix_list_entry_match: inside the entry prefix and length in [ge|len, le|ge?max:len]
    public boolean matches(IpPrefix p) {
      if (p.v6() != prefix.v6() || !prefix.contains(p)) {
        return false;
      }
      int min = ge != null ? ge : prefix.length();
      int max = le != null ? le : ge != null ? p.network().bits() : prefix.length();
      return p.length() >= min && p.length() <= max;
    }
  }

  /** The first entry (lowest seq) that matches, or null (implicit deny). */
  public Entry firstMatch(IpPrefix p) {
    for (Entry e : entries) {
      if (e.matches(p)) {
        return e;
      }
    }
    return null;
  }

  // lib/plist.c prefix_list_apply_ext: an empty list permits; no match denies
  public boolean permits(IpPrefix p) {
    if (entries.isEmpty()) {
      return true;
    }
    Entry e = firstMatch(p);
    return e != null && e.permit();
  }
}
