package dev.podpath.lab;

import dev.podpath.core.net.IpAddr;
import dev.podpath.core.net.IpPrefix;

/**
 * A static kernel route installed with {@code ip route add} before the daemons start. {@code via}
 * and {@code dev} may each be null; {@code table} null means main; {@code type} null means unicast
 * (else blackhole, unreachable, prohibit).
 */
public record LabStaticRoute(IpPrefix to, IpAddr via, String dev, String table, Long metric, String type) {}
