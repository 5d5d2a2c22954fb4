package dev.podpath.dataplane.assembly;

import dev.podpath.core.SourceRef;
import dev.podpath.core.net.IpAddr;
import java.util.List;
import java.util.Map;

/**
 * A pod as the intents see it: where it runs, whether it shares the node's network namespace,
 * its addresses (status.podIPs, one per family), and where it was written. {@code synthetic} pods
 * are invented by podpath to stand for "a pod on this node" when the snapshot has none there.
 */
public record ClusterPod(String namespace, String name, Map<String, String> labels, String node,
    boolean hostNetwork, List<IpAddr> addresses, boolean synthetic, SourceRef where) {

  public ClusterPod {
    labels = Map.copyOf(labels);
    addresses = List.copyOf(addresses);
  }

  /** namespace/name, the form the dataplane's Endpoints.Pod and traces use. */
  public String qualifiedName() {
    return namespace + "/" + name;
  }

  public List<IpAddr> addresses(boolean v6) {
    return addresses.stream().filter(a -> a.v6() == v6).toList();
  }
}
