package dev.podpath.ingest.talos;

import dev.podpath.core.SourceRef;
import dev.podpath.core.net.IpAddr;
import dev.podpath.core.net.IpPrefix;

/**
 * A static route of a Talos link. {@code gateway} null means a link-scope route (TAL
 * v1alpha1_types.go Route: "empty gateway => link-scope"); {@code network} is the default route
 * of the gateway's family when not written (multi-doc routes without destination).
 */
public record TalosRoute(IpPrefix network, IpAddr gateway, IpAddr source, Integer metric, Integer mtu, Integer table,
    SourceRef where) {}
