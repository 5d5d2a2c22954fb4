package dev.podpath.lab;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Plain text of a comparison for {@code podpath lab}: differences grouped per host, then a summary line. */
public final class LabDiffText {

  private LabDiffText() {}

  /**
   * @param label what was compared, e.g. the snapshot directory or "random-42 (seed 42)"
   */
  public static List<String> lines(String label, LabDiff diff, LabObservation seen) {
    List<String> out = new ArrayList<>();
    Map<String, List<LabDifference>> byHost = new TreeMap<>();
    diff.differences().forEach(d -> byHost.computeIfAbsent(d.host(), k -> new ArrayList<>()).add(d));
    for (Map.Entry<String, List<LabDifference>> e : byHost.entrySet()) {
      out.add(e.getKey().equals("*") ? "run:" : "host " + e.getKey() + ":");
      for (LabDifference d : e.getValue()) {
        out.add("  " + d.kind().word() + "  " + d.item());
        out.add("      simulated: " + d.simulated());
        out.add("      real:      " + d.real());
      }
    }
    String norm = diff.normalised().isEmpty() ? "" : ", normalised "
        + String.join(", ", diff.normalised().entrySet().stream().map(x -> x.getKey() + " x" + x.getValue()).toList());
    out.add(String.format("%s: %s; %d items compared, %d difference%s%s; real side %s after %.1f s", label,
        diff.agrees() ? "real daemons agree with the simulation" : "real daemons DIFFER from the simulation",
        diff.compared(), diff.differences().size(), diff.differences().size() == 1 ? "" : "s", norm,
        seen.converged() ? "converged" : "NOT converged", seen.elapsed().toMillis() / 1000.0));
    return out;
  }
}
