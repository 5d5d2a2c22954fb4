/**
 * `podpath snapshot`: collects the Kubernetes half of a snapshot (docs/snapshot.md) from a live
 * cluster, read-only (get/list only; Secrets are never read). What lives on the hosts (host.yaml,
 * bird.conf, frr.conf, Talos machine configs) is not in the API and is left for the operator.
 */
package dev.podpath.ingest.collect;
