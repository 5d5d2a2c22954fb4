/**
 * The packet walk: a flow from a pod, a host process, a router or an outside address to a
 * Service, pod, node or any address, translated the way Cilium (or kube-proxy) would, routed hop
 * by hop over the simulated kernel FIBs, delivered, and answered by a reply walked back with
 * reverse NAT. Entry point: {@link dev.podpath.dataplane.PacketWalk#trace}.
 *
 * <p>The inputs are small interfaces defined here ({@link dev.podpath.dataplane.DatapathSettings},
 * {@link dev.podpath.dataplane.ForwardingTables}, {@link dev.podpath.dataplane.ServiceTable},
 * {@link dev.podpath.dataplane.Endpoints}) so that this stage does not depend on how the model is
 * built; adapters from the real models live with the caller. Every Cilium behaviour cites its
 * source next to the code and in docs/fidelity/dataplane.md.
 */
package dev.podpath.dataplane;
