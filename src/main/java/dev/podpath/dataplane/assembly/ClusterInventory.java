package dev.podpath.dataplane.assembly;

import dev.podpath.core.Finding;
import dev.podpath.core.SourceRef;
import dev.podpath.core.net.IpAddr;
import dev.podpath.core.net.IpPrefix;
import dev.podpath.dataplane.Endpoints;
import dev.podpath.dataplane.Protocol;
import dev.podpath.dataplane.Service;
import dev.podpath.dataplane.ServiceTable;
import dev.podpath.ingest.kubernetes.CiliumNode;
import dev.podpath.ingest.kubernetes.KubeObject;
import dev.podpath.ingest.kubernetes.KubernetesObjects;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeAddress;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodIP;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointSlice;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The Kubernetes side of a snapshot as the packet walk and the intents need it: nodes, pods,
 * Services with their backends, and the walk's {@link ServiceTable} and {@link Endpoints}. Built
 * from what is written only: a Service without any EndpointSlice/Endpoints object has unknown
 * backends; a LoadBalancer Service without status.loadBalancer.ingress (or an LB-IPAM request)
 * has no LoadBalancer address (LB-IPAM's allocation order is not predicted).
 */
public final class ClusterInventory {

  /** discovery.k8s.io/v1: the label that ties an EndpointSlice to its Service. */
  static final String SERVICE_NAME_LABEL = "kubernetes.io/service-name";

  private final List<ClusterNode> nodes;
  private final List<ClusterPod> pods;
  private final List<ClusterService> services;
  private final List<Finding> findings;

  private ClusterInventory(List<ClusterNode> nodes, List<ClusterPod> pods, List<ClusterService> services,
      List<Finding> findings) {
    this.nodes = List.copyOf(nodes);
    this.pods = List.copyOf(pods);
    this.services = List.copyOf(services);
    this.findings = List.copyOf(findings);
  }

  public static ClusterInventory of(KubernetesObjects k) {
    List<Finding> findings = new ArrayList<>();
    List<ClusterNode> nodes = k.nodes().stream().map(n -> node(n, k, findings)).toList();
    List<ClusterPod> pods = k.pods().stream().map(p -> pod(p, findings)).filter(Objects::nonNull).toList();
    ClusterInventory partial = new ClusterInventory(nodes, pods, List.of(), List.of());
    List<ClusterService> services = new ArrayList<>();
    for (KubeObject<io.fabric8.kubernetes.api.model.Service> s : k.services()) {
      services.add(partial.service(s, k, findings));
    }
    return new ClusterInventory(nodes, pods, services, findings);
  }

  public List<ClusterNode> nodes() {
    return nodes;
  }

  public List<ClusterPod> pods() {
    return pods;
  }

  public List<ClusterService> services() {
    return services;
  }

  /** Warnings and infos about what could not be used (bad addresses, unlocatable backends, LB without address). */
  public List<Finding> findings() {
    return findings;
  }

  public Optional<ClusterNode> node(String name) {
    return nodes.stream().filter(n -> n.name().equals(name)).findFirst();
  }

  public Optional<ClusterService> service(String namespace, String name) {
    return services.stream().filter(s -> s.namespace().equals(namespace) && s.name().equals(name)).findFirst();
  }

  /**
   * The walk's service table: one dataplane Service per Service port (Cilium keys its service map
   * by frontend address and port: pkg/loadbalancer L3n4Addr), each with ClusterIP, NodePort,
   * LoadBalancer and external-IP frontends and that port's backends.
   */
  public ServiceTable serviceTable() {
    List<Service> out = new ArrayList<>();
    for (ClusterService s : services) {
      for (ClusterService.Port p : s.ports()) {
        out.add(toDataplane(s, p));
      }
    }
    return ServiceTable.of(out);
  }

  /** The dataplane Service for one port of a Service. */
  public static Service toDataplane(ClusterService s, ClusterService.Port p) {
    List<Service.Frontend> fe = new ArrayList<>();
    for (IpAddr a : s.clusterIps()) {
      fe.add(new Service.Frontend(Service.FrontendKind.CLUSTER_IP, a, p.port(), p.protocol()));
    }
    if (p.nodePort() != null) {
      fe.add(new Service.Frontend(Service.FrontendKind.NODE_PORT, null, p.nodePort(), p.protocol()));
    }
    for (ClusterService.LbAddress a : s.loadBalancerIps()) {
      fe.add(new Service.Frontend(Service.FrontendKind.LOAD_BALANCER, a.address(), p.port(), p.protocol()));
    }
    for (IpAddr a : s.externalIps()) {
      fe.add(new Service.Frontend(Service.FrontendKind.EXTERNAL_IP, a, p.port(), p.protocol()));
    }
    String name = s.ports().size() == 1 ? s.qualifiedName() : s.qualifiedName() + ":" + p.label();
    // lbMode null: the agent's bpf-lb-mode; the service.cilium.io/forwarding-mode annotation is not read yet.
    return new Service(name, fe, p.backends(), null, s.where());
  }

  /** The walk's endpoints: every pod of the snapshot that is not host-network, plus {@code extra} (synthetic) pods. */
  public Endpoints endpoints(List<ClusterPod> extra) {
    List<ClusterPod> all = new ArrayList<>(pods);
    all.addAll(extra);
    return new InventoryEndpoints(all, nodes);
  }

  // ---- building ----

  private static ClusterNode node(KubeObject<Node> n, KubernetesObjects k, List<Finding> findings) {
    Node o = n.object();
    List<IpAddr> ips = new ArrayList<>();
    if (o.getStatus() != null && o.getStatus().getAddresses() != null) {
      List<NodeAddress> as = o.getStatus().getAddresses();
      for (int i = 0; i < as.size(); i++) {
        if ("InternalIP".equals(as.get(i).getType())) {
          addIp(ips, as.get(i).getAddress(), n.refOf("status.addresses[" + i + "].address"), findings);
        }
      }
    }
    // Pod CIDRs: Node.spec.podCIDRs (ipam kubernetes) and CiliumNode spec.ipam.podCIDRs (cluster-pool), merged.
    Set<IpPrefix> cidrs = new LinkedHashSet<>();
    if (o.getSpec() != null) {
      List<String> written = new ArrayList<>();
      if (o.getSpec().getPodCIDRs() != null) {
        written.addAll(o.getSpec().getPodCIDRs());
      }
      if (o.getSpec().getPodCIDR() != null) {
        written.add(o.getSpec().getPodCIDR());
      }
      for (String c : written) {
        prefix(c, n.refOf("spec.podCIDRs"), findings).ifPresent(cidrs::add);
      }
    }
    k.ciliumNode(n.name()).map(CiliumNode::podCIDRs).ifPresent(cidrs::addAll);
    return new ClusterNode(n.name(), n.labels(), ips, List.copyOf(cidrs), n.where());
  }

  private static ClusterPod pod(KubeObject<Pod> p, List<Finding> findings) {
    Pod o = p.object();
    String node = o.getSpec() == null ? null : o.getSpec().getNodeName();
    boolean hostNetwork = o.getSpec() != null && Boolean.TRUE.equals(o.getSpec().getHostNetwork());
    List<IpAddr> ips = new ArrayList<>();
    if (o.getStatus() != null) {
      List<PodIP> podIps = o.getStatus().getPodIPs();
      if (podIps != null && !podIps.isEmpty()) {
        for (int i = 0; i < podIps.size(); i++) {
          addIp(ips, podIps.get(i).getIp(), p.refOf("status.podIPs[" + i + "].ip"), findings);
        }
      } else if (o.getStatus().getPodIP() != null) {
        addIp(ips, o.getStatus().getPodIP(), p.refOf("status.podIP"), findings);
      }
    }
    return new ClusterPod(p.namespace(), p.name(), p.labels(), node, hostNetwork, ips, false, p.where());
  }

  private ClusterService service(KubeObject<io.fabric8.kubernetes.api.model.Service> s, KubernetesObjects k,
      List<Finding> findings) {
    io.fabric8.kubernetes.api.model.Service o = s.object();
    var spec = o.getSpec();
    String type = spec == null || spec.getType() == null ? "ClusterIP" : spec.getType();
    List<IpAddr> clusterIps = new ArrayList<>();
    List<IpAddr> externalIps = new ArrayList<>();
    if (spec != null) {
      List<String> cips = spec.getClusterIPs() != null && !spec.getClusterIPs().isEmpty() ? spec.getClusterIPs()
          : spec.getClusterIP() == null ? List.of() : List.of(spec.getClusterIP());
      for (String c : cips) {
        // "None" marks a headless Service: no virtual IP (k8s core/v1 types.go ClusterIPNone).
        if (!"None".equalsIgnoreCase(c) && !c.isEmpty()) {
          addIp(clusterIps, c, s.refOf("spec.clusterIPs"), findings);
        }
      }
      if (spec.getExternalIPs() != null) {
        for (String e : spec.getExternalIPs()) {
          addIp(externalIps, e, s.refOf("spec.externalIPs"), findings);
        }
      }
    }
    List<ClusterService.LbAddress> lbIps = "LoadBalancer".equals(type) ? LoadBalancerAddresses.of(s, k, findings) : List.of();
    List<KubeObject<EndpointSlice>> slices = k.endpointSlices().stream()
        .filter(e -> e.namespace().equals(s.namespace()) && s.name().equals(e.labels().get(SERVICE_NAME_LABEL)))
        .toList();
    Optional<KubeObject<io.fabric8.kubernetes.api.model.Endpoints>> eps = k.endpoints().stream()
        .filter(e -> e.namespace().equals(s.namespace()) && Objects.equals(e.name(), s.name())).findFirst();
    boolean known = !slices.isEmpty() || eps.isPresent();
    BackendReader reader = new BackendReader(nodes, pods, findings);
    List<ClusterService.Port> ports = new ArrayList<>();
    List<ServicePort> sp = spec == null || spec.getPorts() == null ? List.of() : spec.getPorts();
    for (int i = 0; i < sp.size(); i++) {
      ServicePort p = sp.get(i);
      if (p.getPort() == null) {
        continue;
      }
      Protocol proto = protocol(p.getProtocol());
      List<Service.Backend> backends = slices.isEmpty()
          ? eps.map(e -> reader.fromEndpoints(e, p, proto)).orElse(List.of())
          : reader.fromSlices(slices, p, proto);
      boolean withNodePort = ("NodePort".equals(type) || "LoadBalancer".equals(type)) && p.getNodePort() != null;
      ports.add(new ClusterService.Port(p.getName(), p.getPort(), proto, withNodePort ? p.getNodePort() : null,
          backends, s.refOf("spec.ports[" + i + "]")));
    }
    return new ClusterService(s.namespace(), s.name(), type, s.labels(), clusterIps, lbIps, externalIps, ports,
        known, s.where());
  }

  static Protocol protocol(String p) {
    if (p == null) {
      return Protocol.TCP; // k8s core/v1 ServicePort.Protocol default TCP
    }
    return switch (p) {
      case "UDP" -> Protocol.UDP;
      case "SCTP" -> Protocol.SCTP;
      default -> Protocol.TCP;
    };
  }

  static void addIp(List<IpAddr> out, String text, SourceRef ref, List<Finding> findings) {
    parse(text, ref, findings).ifPresent(out::add);
  }

  static Optional<IpAddr> parse(String text, SourceRef ref, List<Finding> findings) {
    if (text == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(IpAddr.parse(text));
    } catch (IllegalArgumentException e) {
      findings.add(Finding.warning("input/invalid-address", "not an IP address, ignored: " + e.getMessage(), ref));
      return Optional.empty();
    }
  }

  private static Optional<IpPrefix> prefix(String text, SourceRef ref, List<Finding> findings) {
    try {
      return Optional.of(IpPrefix.parse(text));
    } catch (IllegalArgumentException e) {
      findings.add(Finding.warning("input/invalid-address", "not a CIDR, ignored: " + e.getMessage(), ref));
      return Optional.empty();
    }
  }
}
