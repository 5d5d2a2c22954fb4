package dev.podpath.ingest.frr;

import dev.podpath.core.SourceRef;

/** `redistribute PROTOCOL [metric N] [route-map NAME]` in an address family. */
public record FrrRedistribute(String protocol, Long metric, String routeMap, SourceRef where) {}
