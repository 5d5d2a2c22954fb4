package dev.podpath.model.routing;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * An AS_PATH as a sequence of 4-byte ASNs, nearest AS first. AS_SETs (only made by aggregation,
 * which podpath does not model) are not represented.
 */
public record AsPath(List<Long> asns) {

  public static final AsPath EMPTY = new AsPath(List.of());

  public AsPath {
    asns = List.copyOf(asns);
  }

  public static AsPath of(long... asns) {
    List<Long> l = new ArrayList<>(asns.length);
    for (long a : asns) {
      l.add(a);
    }
    return new AsPath(l);
  }

  public int length() {
    return asns.size();
  }

  public boolean contains(long asn) {
    return asns.contains(asn);
  }

  public long count(long asn) {
    return asns.stream().filter(a -> a == asn).count();
  }

  /** The neighbouring AS (leftmost), or -1 for a locally originated route. */
  public long first() {
    return asns.isEmpty() ? -1 : asns.get(0);
  }

  /** The originating AS (rightmost), or -1 for a locally originated route. */
  public long last() {
    return asns.isEmpty() ? -1 : asns.get(asns.size() - 1);
  }

  public AsPath prepend(long asn, int times) {
    List<Long> l = new ArrayList<>(asns.size() + times);
    for (int i = 0; i < times; i++) {
      l.add(asn);
    }
    l.addAll(asns);
    return new AsPath(l);
  }

  @Override
  public String toString() {
    return asns.stream().map(String::valueOf).collect(Collectors.joining(" "));
  }
}
