package dev.podpath.ingest.kubernetes;

import dev.podpath.core.SourceRef;
import dev.podpath.core.net.IpAddr;
import dev.podpath.ingest.yaml.YamlDocument;
import java.util.List;

/**
 * CiliumBGPNodeConfigOverride. Its name is the node it applies to: "the names in
 * CiliumBGPNodeConfigOverride and CiliumBGPNodeConfig must match exactly"
 * (cilium pkg/k8s/apis/cilium.io/v2/bgp_node_override_types.go).
 */
public record CiliumBGPNodeConfigOverride(String apiVersion, String name, List<Instance> bgpInstances, YamlDocument doc)
    implements Located {

  public CiliumBGPNodeConfigOverride {
    bgpInstances = List.copyOf(bgpInstances);
  }

  public String nodeName() {
    return name;
  }

  /** Overrides for the instance of the same name; null fields are not overridden. */
  public record Instance(String name, IpAddr routerId, Integer localPort, Long localAsn, List<Peer> peers, SourceRef where) {
    public Instance {
      peers = List.copyOf(peers);
    }
  }

  /** {@code localPort} is kept but "has no effect" since the field was deprecated (bgp_node_override_types.go). */
  public record Peer(String name, IpAddr localAddress, Integer localPort, SourceRef where) {}
}
