package dev.podpath.lab.generate;

import dev.podpath.core.net.IpAddr;
import java.util.ArrayList;
import java.util.List;

/** A host of a random plan: interfaces, loopback, kernel routes and its one or two daemons. */
final class PlanRouter {
  final int number;
  final String name;
  final List<PlanInterface> interfaces = new ArrayList<>();
  final List<PlanRoute> routes = new ArrayList<>();
  IpAddr lo4;
  IpAddr lo6;
  PlanSpeaker main;
  /** The bird2 daemon next to the main FRR one, peering over localhost; null if none. */
  PlanSpeaker second;

  PlanRouter(int number) {
    this.number = number;
    this.name = "r" + number;
  }

  PlanInterface on(PlanSegment s) {
    return interfaces.stream().filter(i -> i.segment() == s).findFirst().orElse(null);
  }

  List<PlanSpeaker> speakers() {
    return second == null ? List.of(main) : List.of(main, second);
  }
}
