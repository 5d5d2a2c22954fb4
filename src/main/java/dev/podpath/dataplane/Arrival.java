package dev.podpath.dataplane;

/** How a packet reached the host being processed: that decides which program sees it first. */
sealed interface Arrival {

  /** Sent by a pod on this node: bpf_lxc from-container on its veth. */
  record FromPod(String pod) implements Arrival {}

  /** Sent by a local process (host network namespace): the kernel's output path. */
  record LocalOut() implements Arrival {}

  /** Received from a link on {@code iface}: bpf_host from-netdev (Cilium nodes), then the kernel. */
  record FromNetwork(String iface) implements Arrival {}
}
