package dev.podpath.lab.generate;

import dev.podpath.core.net.IpAddr;

/** An interface of a planned router on a segment; {@code v4}/{@code v6} null when the family is absent. */
record PlanInterface(String name, PlanSegment segment, IpAddr v4, IpAddr v6) {

  IpAddr address(boolean v6) {
    return v6 ? this.v6 : v4;
  }
}
