/**
 * The contract between the BGP engine and each vendor's simulated daemon (bird2, FRR, Cilium's
 * speaker). Vendors implement {@link dev.podpath.controlplane.spi.RoutingDaemon}; the engine
 * decides sessions, moves routes and iterates to a fixed point.
 */
package dev.podpath.controlplane.spi;
