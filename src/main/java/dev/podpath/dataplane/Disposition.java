package dev.podpath.dataplane;

/**
 * How a flow (or one backend's path) ended. Hubble's drop names where a Cilium program drops,
 * Batfish's dispositions where the kernel or a router does (docs/style.md).
 */
public enum Disposition {
  /** The request was delivered and the reply came back to the client (with reverse NAT). */
  ACCEPTED,
  /**
   * Batfish: the packet left the modelled network. Success only for a request to an address the
   * model does not contain; a reply or a request for a modelled pod/host that leaves has failed.
   */
  EXITS_NETWORK,
  /** Batfish: no route in the kernel FIB. */
  NO_ROUTE,
  /** Batfish: a blackhole/unreachable/prohibit route. */
  NULL_ROUTED,
  /** Batfish: nobody on the segment owns the next hop. */
  NEIGHBOR_UNREACHABLE,
  /** Batfish: the packet came back to a state it was in (or ran out of hops). */
  LOOP,
  /** Batfish: dropped on input (here: rp_filter, or forwarding disabled by sysctl). */
  DENIED_IN,
  /** Batfish: the model lacks what the decision needs (e.g. no source address). */
  INSUFFICIENT_INFO,
  /** Hubble FIB_LOOKUP_FAILED (DROP_NO_FIB): a BPF program's bpf_fib_lookup found no usable route. */
  FIB_LOOKUP_FAILED,
  /** Hubble SERVICE_BACKEND_NOT_FOUND (DROP_NO_SERVICE): the service has no backend. */
  SERVICE_BACKEND_NOT_FOUND,
  /**
   * Hubble STALE_OR_UNROUTABLE_IP (DROP_UNROUTABLE): the kernel routed a packet into cilium_host
   * whose destination is no local endpoint and unknown to the ipcache (world).
   */
  STALE_OR_UNROUTABLE_IP,
  /**
   * Hubble IS_A_CLUSTERIP (DROP_IS_CLUSTER_IP): a ClusterIP reached from outside the cluster
   * without bpf-lb-external-clusterip.
   */
  IS_A_CLUSTERIP,
  /**
   * podpath: a reply reached the client but not through the node holding the translation state,
   * so it carries the backend's address; the client's socket does not match it (TCP RST/timeout).
   */
  REPLY_NOT_REVERSE_NATED;
}
