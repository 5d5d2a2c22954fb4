package dev.podpath.dataplane;

import java.util.List;

/**
 * The result of tracing one flow: the matched service (null if none), one path per backend (or
 * a single path), and the flow's disposition — ACCEPTED only if every path works; otherwise the
 * disposition of the first path that fails. "1 of 3 backends work" is how intermittent timeouts
 * look.
 */
public record FlowTrace(FlowSpec flow, Service service, List<PathTrace> paths) {

  public FlowTrace {
    paths = List.copyOf(paths);
    if (paths.isEmpty()) {
      throw new IllegalArgumentException("a flow trace has at least one path");
    }
  }

  public Disposition disposition() {
    return firstFailing() == null ? representative().disposition() : firstFailing().disposition();
  }

  /** Whether every path works. */
  public boolean works() {
    return firstFailing() == null;
  }

  public long workingPaths() {
    return paths.stream().filter(PathTrace::works).count();
  }

  /** The path the headline is about: the first failing one, else the first. */
  public PathTrace representative() {
    PathTrace f = firstFailing();
    return f == null ? paths.get(0) : f;
  }

  public List<Step> forward() {
    return representative().forward();
  }

  public List<Step> reply() {
    return representative().reply();
  }

  public List<PathTrace> failingPaths() {
    return paths.stream().filter(p -> !p.works()).toList();
  }

  private PathTrace firstFailing() {
    return paths.stream().filter(p -> !p.works()).findFirst().orElse(null);
  }

  /** One line for humans, e.g. "svc default/kubernetes: 1 of 3 backends work; ...". */
  public String summary() {
    String head = flow.source() + " -> " + Packet.hostPort(flow.dst(), flow.dstPort()) + "/" + flow.protocol();
    if (service != null) {
      String counts = service.backends().isEmpty() ? "no backends"
          : workingPaths() + " of " + paths.size() + " backend" + (paths.size() == 1 ? " works" : "s work");
      if (works()) {
        return head + " (service " + service.name() + "): " + counts;
      }
      return head + " (service " + service.name() + "): " + counts + "; " + representative().summary();
    }
    return head + ": " + disposition() + "; " + representative().summary();
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder(summary()).append('\n');
    for (PathTrace p : paths) {
      sb.append(p);
    }
    return sb.toString();
  }
}
