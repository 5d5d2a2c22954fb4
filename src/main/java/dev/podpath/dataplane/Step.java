package dev.podpath.dataplane;

import dev.podpath.core.SourceRef;
import java.util.Objects;

/**
 * One thing that happened to the packet: on which host, which program or table acted
 * ({@code actor}, e.g. "bpf_lxc from-container", "kernel FIB main"), the rule or route it used,
 * the header before and after, and the config line that produced the behaviour.
 */
public record Step(Direction direction, String host, Kind kind, String actor, String rule,
    Packet before, Packet after, SourceRef where) {

  public Step {
    Objects.requireNonNull(direction);
    Objects.requireNonNull(host);
    Objects.requireNonNull(kind);
    Objects.requireNonNull(actor);
    Objects.requireNonNull(rule);
    Objects.requireNonNull(before);
    Objects.requireNonNull(after);
    where = where == null ? SourceRef.NONE : where;
  }

  public enum Kind {
    /** Destination rewritten (service translation). */
    DNAT,
    /** Source rewritten (masquerade, NodePort SNAT). */
    SNAT,
    /** A reply's header rewritten back (reverse NAT, reverse SNAT). */
    REVERSE_NAT,
    /** A translation was considered and not done (e.g. hostns-only socket LB, masquerade excluded). */
    SKIP,
    /** A routing decision (FIB lookup, endpoint-map lookup). */
    ROUTE,
    /** Handed to the next host over a link. */
    FORWARD,
    /** Delivered to a pod or a host's local stack. */
    DELIVER,
    /** The packet left the model. */
    EXIT,
    /** The packet was dropped. */
    DROP
  }

  public boolean rewrote() {
    return !before.equals(after);
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder();
    sb.append(direction == Direction.REQUEST ? "->" : "<-").append(' ')
        .append(host).append(" | ").append(actor).append(" | ").append(kind).append(": ").append(rule);
    if (rewrote()) {
      sb.append(" | ").append(before).append("  =>  ").append(after);
    } else {
      sb.append(" | ").append(before);
    }
    if (where.isKnown()) {
      sb.append(" (").append(where).append(')');
    }
    return sb.toString();
  }
}
