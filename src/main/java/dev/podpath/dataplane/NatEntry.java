package dev.podpath.dataplane;

import dev.podpath.core.SourceRef;

/**
 * Translation state one host keeps for a flow (a conntrack entry, a BPF CT/NAT map entry, or a
 * socket's connected address), so that the reply can be translated back where — and only where —
 * the state lives. {@code reverseActor} names the program that undoes it.
 */
record NatEntry(String host, Kind kind, Packet before, Packet after, String actor, String reverseActor,
    SourceRef where) {

  enum Kind {
    /** bpf_sock rewrote connect(): the socket itself is connected to the backend; nothing to undo. */
    SOCKET,
    /** bpf_lxc per-packet LB: CT entry with rev_nat_index, undone in bpf_lxc to-container. */
    LXC_CT,
    /** kube-proxy DNAT: undone by the kernel's conntrack on the same host. */
    IPTABLES_DNAT,
    /** bpf_host NodePort/LB DNAT: undone by bpf_host on the same host. */
    NODEPORT_DNAT,
    /** DSR: the backend's node rewrites the reply's source to the service address. */
    DSR,
    /** Source NAT (masquerade or NodePort SNAT): undone on the same host. */
    SNAT
  }
}
