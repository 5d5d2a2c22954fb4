/**
 * The simulated FRR daemon: bgpd (one instance per VRF) and zebra's installation of its routes
 * into the kernel, implementing {@link dev.podpath.controlplane.spi.RoutingDaemon} from an
 * {@link dev.podpath.ingest.frr.FrrConfig}. Entry point: {@link dev.podpath.controlplane.frr.FrrDaemon}.
 */
package dev.podpath.controlplane.frr;
