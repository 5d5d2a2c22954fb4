package dev.podpath.lab.generate;

import dev.podpath.core.net.IpAddr;
import dev.podpath.core.net.IpPrefix;

/** A static kernel route of host.yaml (to a peer's loopback for a multihop session). */
record PlanRoute(IpPrefix to, IpAddr via) {}
