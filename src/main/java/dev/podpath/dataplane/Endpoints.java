package dev.podpath.dataplane;

import dev.podpath.core.net.IpAddr;
import dev.podpath.core.net.IpPrefix;
import java.util.List;
import java.util.Optional;

/** Pods Cilium manages (not host-network ones) and each node's pod CIDRs. */
public interface Endpoints {

  /** The pod that has this address, if any. */
  Optional<Pod> pod(IpAddr address);

  /** The pod CIDRs allocated to a node (its IPAM alloc ranges). */
  List<IpPrefix> podCidrs(String node);

  /** A pod endpoint: name (namespace/name), one address, the node it runs on. */
  record Pod(String name, IpAddr address, String node) {}
}
