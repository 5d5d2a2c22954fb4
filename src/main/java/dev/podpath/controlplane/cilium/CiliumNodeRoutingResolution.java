package dev.podpath.controlplane.cilium;

import dev.podpath.core.Finding;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The input of {@link CiliumAgentRoutes} for every node, with the assumptions made to fill it. */
public record CiliumNodeRoutingResolution(Map<String, CiliumNodeRouting> nodes, List<Finding> findings) {

  public CiliumNodeRoutingResolution {
    nodes = Collections.unmodifiableMap(new LinkedHashMap<>(nodes));
    findings = List.copyOf(findings);
  }
}
