package dev.podpath.controlplane.cilium;

import dev.podpath.controlplane.AgentRouteSource;
import dev.podpath.controlplane.FibMatch;
import dev.podpath.controlplane.InstallMode;
import dev.podpath.controlplane.KernelFib;
import dev.podpath.core.Finding;
import dev.podpath.core.net.IpAddr;
import dev.podpath.core.net.IpPrefix;
import dev.podpath.model.network.KernelTables;
import dev.podpath.model.routing.KernelRoute;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The kernel routes the Cilium agent installs on one node (cilium pkg/datapath/linux/node.go,
 * read at commit 6b3e8fb7, the 1.17/1.18 code with direct-routing-skip-unreachable):
 * <ul>
 *   <li>local node route (nodeUpdate, local branch, when EnableLocalNodeRoute; endpoint routes turn
 *       it off): createNodeRouteSpec, IPv4 {@code <cidr> via <cilium_host IP> dev cilium_host}, IPv6
 *       {@code <cidr> dev cilium_host} (the kernel refuses a local IPv6 gateway), proto kernel
 *       (linux_defaults.RTProto = RTPROT_KERNEL), metric route-metric;
 *   <li>tunnel mode: the same form for every remote node's pod CIDRs (updateOrRemoveNodeRoutes);
 *   <li>native + auto-direct-node-routes: per remote pod CIDR {@code <cidr> via <node IP> dev <dev>}
 *       when `ip route get <node IP>` has no gateway (createDirectRouteSpec), else an agent error or,
 *       with direct-routing-skip-unreachable, a logged skip;
 *   <li>endpoint routes: {@code <pod IP>/32|128 dev lxc...} per endpoint.
 * </ul>
 */
public final class CiliumAgentRoutes implements AgentRouteSource {

  public static final String INSTALLER = "cilium-agent";
  public static final String HOST_DEVICE = "cilium_host";
  /** linux_defaults.RTProto = unix.RTPROT_KERNEL: Cilium's routes show as "proto kernel". */
  public static final String PROTOCOL = "kernel";

  private final CiliumNodeRouting in;

  public CiliumAgentRoutes(CiliumNodeRouting in) {
    this.in = in;
  }

  @Override
  public String host() {
    return in.host();
  }

  @Override
  public String installer() {
    return INSTALLER;
  }

  @Override
  public InstallMode mode() {
    // node.go installDirectRoute: netlink.RouteReplace; route.Upsert for node routes
    return InstallMode.REPLACE;
  }

  @Override
  public Installed compute(KernelFib fib) {
    List<KernelRoute> routes = new ArrayList<>();
    List<Finding> findings = new ArrayList<>();
    // daemon_main.go initEnv: endpoint routes disable the local node route
    if (in.enableLocalNodeRoute() && !in.endpointRoutes()) {
      for (IpPrefix c : in.localPodCidrs()) {
        nodeRoute(c, "local node route", routes, findings);
      }
    }
    if (in.endpointRoutes()) {
      for (CiliumNodeRouting.Endpoint e : in.endpoints()) {
        if (enabled(e.ip().v6())) {
          routes.add(new KernelRoute(KernelTables.MAIN, IpPrefix.host(e.ip()), KernelRoute.Type.UNICAST, List.of(), e.device(),
              metric(e.ip().v6(), in.routeMetric()), PROTOCOL, INSTALLER, in.where()));
        }
      }
    }
    for (CiliumNodeRouting.RemoteNode n : in.remoteNodes()) {
      if (in.routingMode() == CiliumNodeRouting.RoutingMode.TUNNEL) {
        for (IpPrefix c : n.podCidrs()) {
          nodeRoute(c, "tunnel route for node " + n.name(), routes, findings);
        }
      } else if (in.autoDirectNodeRoutes()) {
        for (IpPrefix c : n.podCidrs()) {
          directRoute(n, c, fib, routes, findings);
        }
      }
      // native routing without ADNR: no route for remote pod CIDRs (nodeUpdate falls through)
    }
    return new Installed(routes, findings);
  }

  private boolean enabled(boolean v6) {
    return v6 ? in.ipv6Enabled() : in.ipv4Enabled();
  }

  /** IPv6 routes added with metric 0 get the kernel default 1024 (lab, kernel 6.18). */
  private static long metric(boolean v6, long m) {
    return v6 && m == 0 ? 1024 : m;
  }

  private void nodeRoute(IpPrefix c, String what, List<KernelRoute> routes, List<Finding> findings) {
    if (!enabled(c.v6())) {
      return; // updateNodeRoute: family disabled => nothing
    }
    if (c.v6()) {
      if (in.ciliumHostIpv6() == null) {
        findings.add(agentError("cannot install " + what + " " + c + ": IPv6 router address unavailable (no cilium_host IPv6 address known)"));
        return;
      }
      routes.add(new KernelRoute(KernelTables.MAIN, c, KernelRoute.Type.UNICAST, List.of(), HOST_DEVICE,
          metric(true, in.routeMetric()), PROTOCOL, INSTALLER, in.where()));
    } else {
      if (in.ciliumHostIpv4() == null) {
        findings.add(agentError("cannot install " + what + " " + c + ": IPv4 router address unavailable (no cilium_host IPv4 address known)"));
        return;
      }
      routes.add(new KernelRoute(KernelTables.MAIN, c, KernelRoute.Type.UNICAST,
          List.of(new KernelRoute.NextHop(in.ciliumHostIpv4(), HOST_DEVICE)), HOST_DEVICE, in.routeMetric(), PROTOCOL, INSTALLER, in.where()));
    }
  }

  private void directRoute(CiliumNodeRouting.RemoteNode n, IpPrefix c, KernelFib fib, List<KernelRoute> routes, List<Finding> findings) {
    if (!enabled(c.v6())) {
      return; // updateDirectRoutes(..., EnableIPv4/6 ...) with the family disabled only deletes
    }
    IpAddr nodeIp = c.v6() ? n.ipv6() : n.ipv4();
    if (nodeIp == null) {
      return; // updateDirectRoutes: newIP == nil && ERANGE => ignored
    }
    Optional<FibMatch> m = fib == null ? Optional.empty() : fib.lookup(null, nodeIp);
    if (m.isEmpty() || m.get().type() != KernelRoute.Type.UNICAST && m.get().type() != KernelRoute.Type.LOCAL) {
      // createDirectRouteSpec: netlink.RouteGet fails before the skip-unreachable check
      findings.add(agentError("Unable to install direct node route " + c + " via " + nodeIp + " (node " + n.name()
          + "): unable to lookup route for node " + nodeIp + ": " + (m.isEmpty() ? "network is unreachable" : "route type " + m.get().type())));
      return;
    }
    FibMatch r = m.get();
    IpAddr gw = r.gateway();
    if (gw != null && !gw.isUnspecified() && !gw.equals(nodeIp)) {
      if (in.directRoutingSkipUnreachable()) {
        findings.add(new Finding("cilium/adnr-skipped", dev.podpath.core.Severity.WARNING,
            "route to destination contains gateway, skipping route as not directly reachable: nodeIP=" + nodeIp + " gateway=" + gw
                + " (no route to node " + n.name() + "'s pod CIDR " + c + ")", in.where(), in.host()));
      } else {
        findings.add(new Finding("cilium/adnr-not-directly-reachable", dev.podpath.core.Severity.ERROR,
            "Unable to install direct node route: route to destination " + nodeIp + " contains gateway " + gw
                + ", must be directly reachable. Add `direct-node-routes-skip-unreachable` to skip unreachable routes (node "
                + n.name() + ", pod CIDR " + c + ")", in.where(), in.host()));
      }
      return;
    }
    // RouteGet via loopback (the node IP is local): the local table entry's device is used
    String dev = r.device();
    routes.add(new KernelRoute(KernelTables.MAIN, c, KernelRoute.Type.UNICAST, List.of(new KernelRoute.NextHop(nodeIp, dev)), dev,
        metric(c.v6(), 0), PROTOCOL, INSTALLER, n.where()));
  }

  private Finding agentError(String message) {
    return new Finding("cilium/agent-route-error", dev.podpath.core.Severity.ERROR, message, in.where(), in.host());
  }
}
