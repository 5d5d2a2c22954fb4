package dev.podpath.ingest.frr;

import dev.podpath.core.SourceRef;

/** A `vrf NAME` block; {@code vni} is its L3VNI (EVPN), or null. */
public record FrrVrf(String name, Long vni, SourceRef where) {}
