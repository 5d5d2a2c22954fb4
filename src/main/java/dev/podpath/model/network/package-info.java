/**
 * The vendor-independent network built from host.yaml: hosts, interfaces, VRFs, L2 segments,
 * address ownership, and the kernel routes Linux creates by itself for configured addresses.
 */
package dev.podpath.model.network;
