package dev.podpath.dataplane;

import dev.podpath.core.SourceRef;
import dev.podpath.core.net.IpAddr;
import java.util.List;

/**
 * A Kubernetes Service as the load balancer sees it: its frontends (ClusterIP, NodePort,
 * LoadBalancer and external IPs with ports) and its ready backends. {@code lbMode} is the
 * per-service mode from the {@code service.cilium.io/forwarding-mode} annotation, or null for the
 * agent's default.
 */
public record Service(String name, List<Frontend> frontends, List<Backend> backends, LbMode lbMode,
    SourceRef where) {

  public Service {
    frontends = List.copyOf(frontends);
    backends = List.copyOf(backends);
  }

  public enum FrontendKind {
    CLUSTER_IP,
    /** Matches any address of a node (address is null). */
    NODE_PORT,
    LOAD_BALANCER,
    EXTERNAL_IP
  }

  /** One service address and port; {@code address} is null for a NodePort. */
  public record Frontend(FrontendKind kind, IpAddr address, int port, Protocol protocol) {
    @Override
    public String toString() {
      return kind + " " + (address == null ? "<node>" : Packet.hostPort(address, port)) + "/" + protocol;
    }
  }

  /**
   * One backend: a pod or a host-network endpoint ({@code hostNetwork}) on {@code node}.
   * {@code name} is for the trace (pod name or "node/apiserver").
   */
  public record Backend(String name, IpAddr address, int port, String node, boolean hostNetwork,
      SourceRef where) {
    @Override
    public String toString() {
      return name + " " + Packet.hostPort(address, port) + " on " + node;
    }
  }
}
