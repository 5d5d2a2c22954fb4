package dev.podpath.dataplane.assembly;

import dev.podpath.core.net.IpAddr;
import dev.podpath.core.net.IpPrefix;
import dev.podpath.dataplane.Endpoints;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The walk's Endpoints over the inventory: pods Cilium manages (not host-network) and node pod CIDRs. */
final class InventoryEndpoints implements Endpoints {

  private final Map<IpAddr, Pod> byAddress = new HashMap<>();
  private final Map<String, List<IpPrefix>> cidrs = new HashMap<>();

  InventoryEndpoints(List<ClusterPod> pods, List<ClusterNode> nodes) {
    for (ClusterPod p : pods) {
      // A host-network pod shares the node's addresses: it is the host, not a Cilium endpoint.
      if (p.hostNetwork() || p.node() == null) {
        continue;
      }
      for (IpAddr a : p.addresses()) {
        byAddress.putIfAbsent(a, new Pod(p.qualifiedName(), a, p.node()));
      }
    }
    for (ClusterNode n : nodes) {
      cidrs.put(n.name(), n.podCidrs());
    }
  }

  @Override
  public Optional<Pod> pod(IpAddr address) {
    return Optional.ofNullable(byAddress.get(address));
  }

  @Override
  public List<IpPrefix> podCidrs(String node) {
    return cidrs.getOrDefault(node, List.of());
  }
}
