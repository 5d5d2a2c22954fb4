package dev.podpath.lab;

import dev.podpath.core.net.IpAddr;

/** One reachability probe: a ping from a stand-in pod (or host) namespace to an address. */
public record ProbeResult(String from, IpAddr target, boolean reached, String detail) {}
