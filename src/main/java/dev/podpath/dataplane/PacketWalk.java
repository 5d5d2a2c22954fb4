package dev.podpath.dataplane;

import java.util.ArrayList;
import java.util.List;

/**
 * The public entry point of the data plane: traces one flow through the modelled cluster. When
 * the flow hits a load balancer, every backend is traced (a path per backend), so that "1 of 3
 * backends work" — the shape of intermittent timeouts — is visible.
 */
public final class PacketWalk {

  private PacketWalk() {}

  public static FlowTrace trace(FlowSpec flow, DatapathSettings settings, ForwardingTables tables,
      ServiceTable services, Endpoints endpoints) {
    Walk first = new Walk(settings, tables, services, endpoints, 0);
    PathTrace p0 = first.run(flow);
    Service svc = first.service();
    List<PathTrace> paths = new ArrayList<>();
    paths.add(p0);
    if (svc != null) {
      // A walk is deterministic up to the backend choice, so walk i meets the same service and takes backend i.
      for (int i = 1; i < svc.backends().size(); i++) {
        paths.add(new Walk(settings, tables, services, endpoints, i).run(flow));
      }
    }
    return new FlowTrace(flow, svc, paths);
  }
}
