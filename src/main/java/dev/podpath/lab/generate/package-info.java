/**
 * Seeded generator of podpath snapshots for the differential lab and the scale benchmarks
 * (docs/generator.md): random small internetworks of bird2 and FRR routers, and large
 * Kubernetes-like clusters (bird2 per node, upstream FRR pair). The oracle for what the generated
 * configs do is the real daemons, so nothing here predicts routing outcomes.
 */
package dev.podpath.lab.generate;
