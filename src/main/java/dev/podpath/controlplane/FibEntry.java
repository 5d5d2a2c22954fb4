package dev.podpath.controlplane;

import dev.podpath.model.routing.KernelRoute;

/**
 * A route installed in a FIB and who installed it: "kernel" (addresses), "host.yaml",
 * "cilium-agent", or a daemon key "HOST/NAME".
 */
public record FibEntry(KernelRoute route, String installer) {}
