/**
 * Kubernetes objects of a snapshot: built-in kinds through fabric8's model, Cilium BGP / IPAM
 * CRDs as podpath records that keep their YAML document (and so the line of every field).
 */
package dev.podpath.ingest.kubernetes;
