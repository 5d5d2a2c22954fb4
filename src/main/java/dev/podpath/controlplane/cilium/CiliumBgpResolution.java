package dev.podpath.controlplane.cilium;

import dev.podpath.core.Finding;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What Cilium's operator and agents make of the BGP resources: the resolved BGP configuration of
 * every node that runs a BGP speaker (a node absent from {@code nodes} has none), and the findings
 * met on the way, each at the resource's line.
 */
public record CiliumBgpResolution(Map<String, CiliumBgpNodeConfig> nodes, List<Finding> findings) {

  public CiliumBgpResolution {
    nodes = Collections.unmodifiableMap(new LinkedHashMap<>(nodes));
    findings = List.copyOf(findings);
  }

  public Optional<CiliumBgpNodeConfig> node(String name) {
    return Optional.ofNullable(nodes.get(name));
  }
}
