package dev.podpath.model.routing;

import dev.podpath.core.net.IpPrefix;

/** One BGP path for a prefix, as sent in an UPDATE (or withdrawn when absent). */
public record BgpRoute(IpPrefix prefix, BgpAttributes attributes) {}
