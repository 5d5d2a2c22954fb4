package dev.podpath.ingest.host;

import dev.podpath.core.SourceRef;
import dev.podpath.core.net.IpAddr;
import dev.podpath.core.net.IpPrefix;

/**
 * A static kernel route from host.yaml. {@code via} and {@code dev} may each be null (not both for
 * a unicast route); {@code table} is "main" unless written; {@code metric} (the kernel's u32 priority) is null when not
 * written (the kernel then uses 0 for IPv4 and 1024 for IPv6). {@code type} is one of
 * {@code unicast}, {@code blackhole}, {@code unreachable}, {@code prohibit}.
 */
public record RouteSpec(
    IpPrefix to, IpAddr via, String dev, String table, Long metric, String type, SourceRef where) {}
