/**
 * The simulated bird2 daemon: one BIRD instance on one host, built from the vendor model
 * ({@link dev.podpath.ingest.bird.BirdConfig}) and the host's view, implementing
 * {@link dev.podpath.controlplane.spi.RoutingDaemon}. Semantics follow BIRD 2.0.12 (Debian, the lab
 * oracle) unless the configured version says otherwise; every rule names its source.
 */
package dev.podpath.controlplane.bird;
