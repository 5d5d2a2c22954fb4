/**
 * Adapters that feed the packet walk from a loaded snapshot: the Kubernetes objects as the walk's
 * {@link dev.podpath.dataplane.ServiceTable} (Services with their frontends and ready backends)
 * and {@link dev.podpath.dataplane.Endpoints} (pods and pod CIDRs). Entry point:
 * {@link dev.podpath.dataplane.assembly.ClusterInventory#of}. The ForwardingTables adapter over the
 * control plane's kernel FIBs lives with the control plane, not here.
 */
package dev.podpath.dataplane.assembly;
