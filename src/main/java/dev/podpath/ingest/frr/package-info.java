/**
 * FRR configuration (frr.conf, FRR 8.4+): an ANTLR grammar (one rule per CLI node, one line at a
 * time, as bgpd reads it) and a vendor model faithful to the syntax, every object keeping its
 * file:line. Entry point: {@link dev.podpath.ingest.frr.FrrConfigParser#parse}.
 */
package dev.podpath.ingest.frr;
