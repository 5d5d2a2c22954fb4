package dev.podpath.lab;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The outcome of comparing one lab run with the simulation of the same snapshot: the differences
 * (sorted by host, kind, item), how many items were compared, and how many agreed only after a
 * documented normalisation (docs/fidelity/lab.md), by normalisation name.
 */
public record LabDiff(List<LabDifference> differences, int compared, Map<String, Integer> normalised) {

  public LabDiff {
    differences = List.copyOf(differences);
    normalised = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(normalised));
  }

  public boolean agrees() {
    return differences.isEmpty();
  }

  public List<LabDifference> of(String host) {
    return differences.stream().filter(d -> d.host().equals(host)).toList();
  }
}
