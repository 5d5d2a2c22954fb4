package dev.podpath.ingest.kubernetes;

import dev.podpath.core.SourceRef;
import dev.podpath.core.net.IpAddr;
import dev.podpath.core.net.IpPrefix;
import dev.podpath.ingest.yaml.YamlDocument;
import java.util.List;
import java.util.Map;

/** CiliumNode (cilium.io/v2): the pod CIDRs Cilium IPAM uses on a node and the node's addresses. */
public record CiliumNode(
    String name, Map<String, String> labels, List<IpPrefix> podCIDRs, List<Address> addresses, YamlDocument doc)
    implements Located {

  public CiliumNode {
    labels = Map.copyOf(labels);
    podCIDRs = List.copyOf(podCIDRs);
    addresses = List.copyOf(addresses);
  }

  /** spec.addresses[]: type (InternalIP, ExternalIP, CiliumInternalIP) and ip. */
  public record Address(String type, IpAddr ip, SourceRef where) {}
}
