package dev.podpath.analysis.whatif;

import dev.podpath.analysis.TraceResult;
import dev.podpath.dataplane.PathTrace;
import dev.podpath.dataplane.Step;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One flow traced before and after the edits, path by path (the same backend order both times):
 * each path's summary before and after, and the steps only one of the two walks took, named by
 * host, program or table, and what it did — e.g. "- solwk01 bpf_lxc from-container dnat" and
 * "+ solwk01 bpf_sock connect6 dnat" when the service translation moves to connect().
 */
public record TraceChange(List<PathChange> paths) {

  public TraceChange {
    paths = List.copyOf(paths);
  }

  /** One backend's path; {@code removed}/{@code added} are the steps only the before/after walk took. */
  public record PathChange(String flow, String backend, String before, String after, List<String> removed,
      List<String> added) {
    public PathChange {
      removed = List.copyOf(removed);
      added = List.copyOf(added);
    }

    public boolean changed() {
      return !removed.isEmpty() || !added.isEmpty() || !before.equals(after);
    }
  }

  public static TraceChange of(TraceResult before, TraceResult after) {
    List<PathChange> out = new ArrayList<>();
    int flows = Math.min(before.flows().size(), after.flows().size());
    for (int f = 0; f < flows; f++) {
      List<PathTrace> b = before.flows().get(f).trace().paths();
      List<PathTrace> a = after.flows().get(f).trace().paths();
      for (int i = 0; i < Math.min(b.size(), a.size()); i++) {
        List<String> sb = steps(b.get(i));
        List<String> sa = steps(a.get(i));
        List<String> removed = new ArrayList<>(sb);
        sa.forEach(removed::remove);
        List<String> added = new ArrayList<>(sa);
        sb.forEach(added::remove);
        String backend = b.get(i).backend() == null ? "" : String.valueOf(b.get(i).backend());
        out.add(new PathChange(before.flows().get(f).label(), backend, b.get(i).summary(), a.get(i).summary(),
            removed, added));
      }
    }
    return new TraceChange(out);
  }

  private static List<String> steps(PathTrace p) {
    List<String> out = new ArrayList<>();
    for (Step s : p.forward()) {
      out.add(key(s));
    }
    for (Step s : p.reply()) {
      out.add(key(s));
    }
    return out;
  }

  private static String key(Step s) {
    return s.direction().name().toLowerCase(Locale.ROOT) + " " + s.host() + " " + s.actor() + " "
        + s.kind().name().toLowerCase(Locale.ROOT).replace('_', '-');
  }
}
