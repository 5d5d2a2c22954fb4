/**
 * Talos machine configs and patches: cluster subnets, links with addresses and routes, and
 * ExtensionServiceConfig files (the bird2 config of a Talos node), each attributed to a host.
 */
package dev.podpath.ingest.talos;
