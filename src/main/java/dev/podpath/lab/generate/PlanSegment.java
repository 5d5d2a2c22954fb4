package dev.podpath.lab.generate;

import dev.podpath.core.net.IpAddr;
import dev.podpath.core.net.IpPrefix;
import java.util.ArrayList;
import java.util.List;

/** One L2 segment of a random plan: its prefixes and its members, in joining order. */
final class PlanSegment {
  final int number;
  final String name;
  final IpPrefix v4;
  final IpPrefix v6;
  final List<PlanRouter> members = new ArrayList<>();

  PlanSegment(int number, IpPrefix v4, IpPrefix v6) {
    this.number = number;
    this.name = "seg" + number;
    this.v4 = v4;
    this.v6 = v6;
  }

  /** The address of the member at {@code position} (0-based): host number position + 1. */
  IpAddr address(boolean v6, int position) {
    return (v6 ? this.v6 : v4).network().plus(position + 1);
  }
}
