/**
 * Reads Cilium's Helm values ({@code cilium/values.yaml}, or a Flux HelmRelease's
 * {@code spec.values}) and the {@code cilium-config} ConfigMap, renders the chart's rules for the
 * flags podpath analyses and merges both into one {@link dev.podpath.ingest.cilium.CiliumConfig}
 * that remembers, per flag, which line set it. Entry point:
 * {@link dev.podpath.ingest.cilium.CiliumConfigReader}.
 */
package dev.podpath.ingest.cilium;
