package dev.podpath.ingest.frr;

import dev.podpath.core.SourceRef;
import dev.podpath.core.net.IpPrefix;

/** `network PREFIX [route-map NAME]` in an address family. */
public record FrrNetwork(IpPrefix prefix, String routeMap, SourceRef where) {}
