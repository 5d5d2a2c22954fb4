package dev.podpath.analysis.fix;

import dev.podpath.analysis.whatif.Edit;
import java.util.List;
import java.util.Set;

/**
 * One step of the fix search: a change the operator would make as one decision (one Helm value, or
 * the same bird.conf change on every node that needs it), as the in-memory edits that make it.
 *
 * @param key what it changes, in the form of an intents.yaml {@code keep:} key (e.g.
 *     {@code cilium.autoDirectNodeRoutes}, {@code bird.import-pod-cidrs})
 * @param label the change for people, e.g. {@code cilium autoDirectNodeRoutes: false -> true}
 * @param files the snapshot files it touches (the blast radius of a per-node change)
 * @param clusterWide a cluster-wide setting (a Cilium flag): one change, every node affected
 * @param changesStatedDesign the operator explained the current value in a comment next to it
 * @param tradeOff what the change costs, for people
 */
public record FixMove(String key, String label, List<Edit> edits, Set<String> files, boolean clusterWide,
    boolean changesStatedDesign, String tradeOff) {

  public FixMove {
    edits = List.copyOf(edits);
    files = Set.copyOf(files);
  }

  /**
   * A static route in host.yaml: the fix of last resort (it hides what routing failed to do), ranked
   * after every other kind of edit of the same size and flagged as such in the output.
   */
  public boolean lastResort() {
    return !edits.isEmpty() && edits.stream().allMatch(e -> e instanceof dev.podpath.analysis.whatif.HostRouteEdit);
  }

  /** Blast radius: files touched, a cluster-wide flag counts as one. */
  public int radius() {
    return clusterWide ? 1 : files.size();
  }
}
