/** Builds the control plane's inputs (simulated daemons, Cilium's speakers and routes) from a snapshot. */
package dev.podpath.controlplane.assembly;
