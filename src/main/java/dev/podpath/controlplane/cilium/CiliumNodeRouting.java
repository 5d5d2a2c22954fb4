package dev.podpath.controlplane.cilium;

import dev.podpath.core.SourceRef;
import dev.podpath.core.net.IpAddr;
import dev.podpath.core.net.IpPrefix;
import java.util.List;

/**
 * What the Cilium agent on one node needs to decide its kernel routes. Filled by an adapter from
 * the agent settings (routing-mode, auto-direct-node-routes, direct-routing-skip-unreachable,
 * enable-endpoint-routes, enable-local-node-route, route-metric, enable-ipv4/6) and from the
 * Kubernetes/CiliumNode objects (pod CIDRs and node IPs).
 *
 * @param ciliumHostIpv4 the cilium_host address (CiliumInternalIPv4, the "router IP"), or null
 * @param ciliumHostIpv6 the cilium_host IPv6 address (CiliumInternalIPv6), or null
 * @param localPodCidrs this node's pod CIDRs (IPv4 and IPv6 alloc CIDRs)
 * @param remoteNodes every other node with its node IPs and pod CIDRs
 * @param endpoints local endpoints with their lxc device, for endpoint routes (may be empty)
 * @param routeMetric agent option route-metric (default 0 = kernel default)
 * @param where the setting that matters most for these routes (e.g. autoDirectNodeRoutes line)
 */
public record CiliumNodeRouting(
    String host,
    RoutingMode routingMode,
    boolean ipv4Enabled,
    boolean ipv6Enabled,
    boolean autoDirectNodeRoutes,
    boolean directRoutingSkipUnreachable,
    boolean endpointRoutes,
    boolean enableLocalNodeRoute,
    IpAddr ciliumHostIpv4,
    IpAddr ciliumHostIpv6,
    List<IpPrefix> localPodCidrs,
    List<RemoteNode> remoteNodes,
    List<Endpoint> endpoints,
    long routeMetric,
    SourceRef where) {

  public CiliumNodeRouting {
    localPodCidrs = List.copyOf(localPodCidrs);
    remoteNodes = List.copyOf(remoteNodes);
    endpoints = List.copyOf(endpoints);
  }

  /** Cilium's routing-mode. */
  public enum RoutingMode {
    NATIVE,
    TUNNEL
  }

  /** Another node of the cluster: its InternalIPs per family (null if none) and pod CIDRs. */
  public record RemoteNode(String name, IpAddr ipv4, IpAddr ipv6, List<IpPrefix> podCidrs, SourceRef where) {
    public RemoteNode {
      podCidrs = List.copyOf(podCidrs);
    }
  }

  /** A local endpoint (pod) address and its host-side veth (lxc...). */
  public record Endpoint(IpAddr ip, String device) {}
}
