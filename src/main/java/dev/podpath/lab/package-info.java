/**
 * The differential lab: boots a snapshot's real bird2 and FRR (and a GoBGP stand-in for Cilium's
 * BGP speaker) in network namespaces and observes their sessions, RIBs, kernel FIBs and
 * reachability as typed records, to be compared with podpath's simulation. Linux and root only
 * ({@link dev.podpath.lab.LabPreconditions}); see docs/lab.md. Only the CLI uses this package.
 */
package dev.podpath.lab;
