package dev.podpath.analysis.fix;

import dev.podpath.analysis.whatif.FrrConfigEdit;
import dev.podpath.analysis.whatif.FrrEditKind;
import dev.podpath.core.SourceRef;
import dev.podpath.ingest.frr.Afi;
import dev.podpath.ingest.frr.FrrBgpRouter;
import dev.podpath.ingest.frr.FrrNeighbor;
import dev.podpath.ingest.frr.FrrNeighborAf;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Where new frr.conf lines go, found from the parsed model's SourceRefs (never by matching the
 * file's text): after an `address-family` line, in a new address-family block after the last
 * router-level line of a `router bgp` instance, before the `router bgp` line, or in place of a
 * line. Insertions at one place are joined into one edit so that their order is the order given.
 */
final class FrrText {

  private final String host;
  private final String file;
  private final String[] lines;
  private final Map<Integer, List<String>> after = new TreeMap<>();
  private final List<FrrConfigEdit> replacements = new ArrayList<>();

  FrrText(String host, String file, String text) {
    this.host = host;
    this.file = file;
    this.lines = text.split("\r?\n|\r", -1);
  }

  String line(int n) {
    return n >= 1 && n <= lines.length ? lines[n - 1] : "";
  }

  static String indentOf(String line) {
    int i = 0;
    while (i < line.length() && Character.isWhitespace(line.charAt(i))) {
      i++;
    }
    return line.substring(0, i);
  }

  /** Inserts {@code text} (possibly several lines) after line {@code n} (0: at the top). */
  void insertAfter(int n, String text) {
    after.computeIfAbsent(n, k -> new ArrayList<>()).add(text);
  }

  void replace(int n, String text, FrrEditKind kind, String why) {
    replacements.add(new FrrConfigEdit(host, file, kind, n, n, text, why));
  }

  /**
   * A line {@code neighborLine} (e.g. {@code neighbor X activate}, without indentation) in the
   * {@code afi} unicast block of {@code r}: after the block's last line when the block is written
   * (after the neighbor's `activate`: bgpd refuses some per-family settings of an inactive family), else in a new block after the instance's last router-level line (where every
   * neighbor is already declared: `neighbor X activate` before `neighbor X remote-as` fails).
   */
  void inAddressFamily(FrrBgpRouter r, Afi afi, String neighborLine) {
    SourceRef af = r.af(afi).where();
    if (af.isKnown()) {
      insertAfter(afEnd(r, afi), indentOf(line(af.line())) + " " + neighborLine);
      return;
    }
    String in = indentOf(line(r.where().line())) + " ";
    String name = afi == Afi.IPV6 ? "ipv6" : "ipv4";
    insertAfter(routerLevelEnd(r), in + "address-family " + name + " unicast\n" + in + " " + neighborLine + "\n" + in + "exit-address-family");
  }

  /** The last line the parser read into the written `address-family` block of {@code afi}. */
  static int afEnd(FrrBgpRouter r, Afi afi) {
    int start = r.af(afi).where().line();
    int end = start;
    for (var n : r.af(afi).networks()) {
      end = Math.max(end, n.where().line());
    }
    for (var n : r.af(afi).redistributes()) {
      end = Math.max(end, n.where().line());
    }
    List<FrrNeighbor> all = new ArrayList<>(r.neighbors().values());
    all.addAll(r.peerGroups().values());
    for (FrrNeighbor n : all) {
      FrrNeighborAf a = n.af(afi);
      if (a != null) {
        for (SourceRef w : a.lines().values()) {
          if (w.line() > start) {
            end = Math.max(end, w.line());
          }
        }
      }
    }
    return end;
  }

  /** The last line of {@code r} that is read at router level (its own settings and neighbor declarations). */
  static int routerLevelEnd(FrrBgpRouter r) {
    int end = r.where().line();
    for (SourceRef w : r.lines().values()) {
      end = Math.max(end, w.line());
    }
    for (var l : r.listenRanges()) {
      end = Math.max(end, l.where().line());
    }
    List<FrrNeighbor> all = new ArrayList<>(r.neighbors().values());
    all.addAll(r.peerGroups().values());
    for (FrrNeighbor n : all) {
      end = Math.max(end, n.where().line());
      for (SourceRef w : n.lines().values()) {
        end = Math.max(end, w.line());
      }
      if (n.remoteAs() != null && n.remoteAs().where() != null) {
        end = Math.max(end, n.remoteAs().where().line());
      }
    }
    return end;
  }

  /** What `neighbor X ...` says in {@code afi}: its own line first, then its peer-group's. */
  static FrrNeighborAf[] afs(FrrBgpRouter r, FrrNeighbor n, Afi afi) {
    FrrNeighbor g = n.peerGroup() == null ? null : r.peerGroups().get(n.peerGroup());
    return new FrrNeighborAf[] {n.af(afi), g == null ? null : g.af(afi)};
  }

  List<dev.podpath.analysis.whatif.Edit> edits(FrrEditKind kind, String why) {
    List<dev.podpath.analysis.whatif.Edit> out = new ArrayList<>(replacements);
    after.forEach((n, texts) -> out.add(new FrrConfigEdit(host, file, kind, n + 1, n, String.join("\n", texts), why)));
    return out;
  }
}
