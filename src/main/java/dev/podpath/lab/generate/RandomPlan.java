package dev.podpath.lab.generate;

import java.util.List;

/** The outcome of {@link RandomPlanner}: everything the writers need, and the realised features. */
record RandomPlan(
    long seed, Family family, List<PlanSegment> segments, List<PlanRouter> routers, List<PlanSession> sessions,
    List<String> features) {}
