/**
 * The BGP engine: session establishment ({@link dev.podpath.controlplane.BgpSessionFinder}), route
 * exchange between simulated daemons to a fixed point ({@link dev.podpath.controlplane.RouteExchange}),
 * per-host Linux FIBs ({@link dev.podpath.controlplane.KernelFib}), tied together by the outer
 * fixed point in {@link dev.podpath.controlplane.ControlPlane}.
 */
package dev.podpath.controlplane;
