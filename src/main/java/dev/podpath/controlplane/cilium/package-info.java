/**
 * Cilium on one node as the control plane sees it: the kernel routes the agent installs
 * ({@link dev.podpath.controlplane.cilium.CiliumAgentRoutes}) and the agent's BGP speaker
 * ({@link dev.podpath.controlplane.cilium.CiliumBgpSpeaker}), both built from small input records
 * that adapters fill from the snapshot (Cilium settings, Kubernetes Nodes, Cilium BGP resources).
 */
package dev.podpath.controlplane.cilium;
