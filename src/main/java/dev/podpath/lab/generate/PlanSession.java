package dev.podpath.lab.generate;

/** A BGP session of a plan, declared on both ends. */
final class PlanSession {

  enum Kind {
    /** Single hop between addresses on one segment. */
    DIRECT,
    /** Between loopbacks, reachable through static kernel routes. */
    MULTIHOP,
    /** Two daemons on one host over ::1 / 127.0.0.1. */
    LOCALHOST
  }

  final PlanEnd a;
  final PlanEnd b;
  final boolean v6;
  final Kind kind;

  PlanSession(PlanEnd a, PlanEnd b, boolean v6, Kind kind) {
    this.a = a;
    this.b = b;
    this.v6 = v6;
    this.kind = kind;
    a.session = this;
    b.session = this;
    a.speaker.ends.add(a);
    b.speaker.ends.add(b);
  }
}
