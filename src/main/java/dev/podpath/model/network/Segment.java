package dev.podpath.model.network;

import java.util.List;

/**
 * An L2 segment: the interfaces that reach each other without a router. {@code explicit} when a
 * host.yaml named it with {@code segment:}; otherwise it was inferred from a shared connected
 * prefix and is named after the smallest such prefix.
 */
public record Segment(String name, boolean explicit, List<Member> members) {

  public Segment {
    members = List.copyOf(members);
  }

  /** One interface on the segment. */
  public record Member(String host, String iface) implements Comparable<Member> {
    @Override
    public int compareTo(Member o) {
      int c = host.compareTo(o.host);
      return c != 0 ? c : iface.compareTo(o.iface);
    }
  }
}
