package dev.podpath.dataplane.assembly;

import dev.podpath.core.SourceRef;
import dev.podpath.core.net.IpAddr;
import dev.podpath.dataplane.Protocol;
import dev.podpath.dataplane.Service;
import java.util.List;
import java.util.Map;

/**
 * A Kubernetes Service with everything the intents need: its type, addresses per kind, its ports
 * each with the ready backends the EndpointSlices (or Endpoints) give for that port, and whether
 * the snapshot holds any endpoints object for it at all ({@code endpointsKnown}: without one its
 * backends are unknown, not "none").
 */
public record ClusterService(String namespace, String name, String type, Map<String, String> labels,
    List<IpAddr> clusterIps, List<LbAddress> loadBalancerIps, List<IpAddr> externalIps, List<Port> ports,
    boolean endpointsKnown, SourceRef where) {

  public ClusterService {
    labels = Map.copyOf(labels);
    clusterIps = List.copyOf(clusterIps);
    loadBalancerIps = List.copyOf(loadBalancerIps);
    externalIps = List.copyOf(externalIps);
    ports = List.copyOf(ports);
  }

  public String qualifiedName() {
    return namespace + "/" + name;
  }

  /** One service port: the frontend port, its NodePort (null if none) and its backends. */
  public record Port(String name, int port, Protocol protocol, Integer nodePort, List<Service.Backend> backends,
      SourceRef where) {
    public Port {
      backends = List.copyOf(backends);
    }

    /** "443/TCP" or "dns/53/UDP" when named. */
    public String label() {
      return port + "/" + protocol;
    }
  }

  /** A LoadBalancer address and how podpath knows it (status.loadBalancer.ingress, or a request LB-IPAM honours). */
  public record LbAddress(IpAddr address, String origin, SourceRef where) {}
}
