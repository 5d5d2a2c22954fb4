package dev.podpath.ingest.frr;

import dev.podpath.core.SourceRef;
import dev.podpath.core.net.IpPrefix;

/** `bgp listen range PREFIX peer-group PG`: dynamic neighbors accepted from that range. */
public record FrrListenRange(IpPrefix range, String peerGroup, SourceRef where) {}
