package dev.podpath.dataplane.assembly;

import dev.podpath.core.Finding;
import dev.podpath.core.SourceRef;
import dev.podpath.core.net.IpAddr;
import dev.podpath.core.net.IpPrefix;
import dev.podpath.dataplane.Endpoints;
import dev.podpath.dataplane.Protocol;
import dev.podpath.dataplane.Service;
import dev.podpath.dataplane.ServiceTable;
import dev.podpath.ingest.kubernetes.CiliumLoadBalancerIPPool;
import dev.podpath.ingest.kubernetes.CiliumNode;
import dev.podpath.ingest.kubernetes.KubeObject;
import dev.podpath.ingest.kubernetes.KubernetesObjects;
import io.fabric8.kubernetes.api.model.EndpointAddress;
import io.fabric8.kubernetes.api.model.EndpointSubset;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeAddress;
import io.fabric8.kubernetes.api.model.ObjectReference;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodIP;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.discovery.v1.Endpoint;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointPort;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointSlice;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
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
  /** Cilium LB-IPAM request annotations (current and pre-1.15 form; docs.cilium.io network/lb-ipam "Requesting IPs"). */
  static final List<String> LB_IPAM_ANNOTATIONS = List.of("lbipam.cilium.io/ips", "io.cilium/lb-ipam-ips");

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
    List<ClusterService.LbAddress> lbIps = "LoadBalancer".equals(type) ? lbAddresses(s, k, findings) : List.of();
    List<KubeObject<EndpointSlice>> slices = k.endpointSlices().stream()
        .filter(e -> e.namespace().equals(s.namespace()) && s.name().equals(e.labels().get(SERVICE_NAME_LABEL)))
        .toList();
    Optional<KubeObject<io.fabric8.kubernetes.api.model.Endpoints>> eps = k.endpoints().stream()
        .filter(e -> e.namespace().equals(s.namespace()) && Objects.equals(e.name(), s.name())).findFirst();
    boolean known = !slices.isEmpty() || eps.isPresent();
    List<ClusterService.Port> ports = new ArrayList<>();
    List<ServicePort> sp = spec == null || spec.getPorts() == null ? List.of() : spec.getPorts();
    for (int i = 0; i < sp.size(); i++) {
      ServicePort p = sp.get(i);
      if (p.getPort() == null) {
        continue;
      }
      Protocol proto = protocol(p.getProtocol());
      List<Service.Backend> backends = slices.isEmpty()
          ? eps.map(e -> endpointsBackends(e, p, proto, findings)).orElse(List.of())
          : sliceBackends(slices, p, proto, findings);
      boolean withNodePort = ("NodePort".equals(type) || "LoadBalancer".equals(type)) && p.getNodePort() != null;
      ports.add(new ClusterService.Port(p.getName(), p.getPort(), proto, withNodePort ? p.getNodePort() : null,
          backends, s.refOf("spec.ports[" + i + "]")));
    }
    return new ClusterService(s.namespace(), s.name(), type, s.labels(), clusterIps, lbIps, externalIps, ports,
        known, s.where());
  }

  private static Protocol protocol(String p) {
    if (p == null) {
      return Protocol.TCP; // k8s core/v1 ServicePort.Protocol default TCP
    }
    return switch (p) {
      case "UDP" -> Protocol.UDP;
      case "SCTP" -> Protocol.SCTP;
      default -> Protocol.TCP;
    };
  }

  /**
   * LoadBalancer addresses: status.loadBalancer.ingress[].ip as written; otherwise an address the
   * Service requests (LB-IPAM annotation or spec.loadBalancerIP) that lies in an enabled
   * CiliumLoadBalancerIPPool selecting the Service — LB-IPAM assigns requested addresses from a
   * matching pool (docs.cilium.io network/lb-ipam "Requesting IPs"). Nothing else is guessed.
   */
  private List<ClusterService.LbAddress> lbAddresses(KubeObject<io.fabric8.kubernetes.api.model.Service> s,
      KubernetesObjects k, List<Finding> findings) {
    io.fabric8.kubernetes.api.model.Service o = s.object();
    List<ClusterService.LbAddress> out = new ArrayList<>();
    var status = o.getStatus() == null ? null : o.getStatus().getLoadBalancer();
    if (status != null && status.getIngress() != null) {
      for (int i = 0; i < status.getIngress().size(); i++) {
        String ip = status.getIngress().get(i).getIp();
        SourceRef ref = s.refOf("status.loadBalancer.ingress[" + i + "].ip");
        if (ip != null) {
          parse(ip, ref, findings).ifPresent(a -> out.add(new ClusterService.LbAddress(a, "status.loadBalancer.ingress", ref)));
        }
      }
    }
    if (!out.isEmpty()) {
      return out;
    }
    List<String> requested = new ArrayList<>();
    String requestPath = null;
    Map<String, String> ann = o.getMetadata() == null || o.getMetadata().getAnnotations() == null ? Map.of()
        : o.getMetadata().getAnnotations();
    for (String key : LB_IPAM_ANNOTATIONS) {
      if (ann.containsKey(key)) {
        for (String part : ann.get(key).split(",")) {
          if (!part.isBlank()) {
            requested.add(part.strip());
          }
        }
        requestPath = "metadata.annotations[\"" + key + "\"]";
        break;
      }
    }
    if (requested.isEmpty() && o.getSpec() != null && o.getSpec().getLoadBalancerIP() != null
        && !o.getSpec().getLoadBalancerIP().isBlank()) {
      requested.add(o.getSpec().getLoadBalancerIP());
      requestPath = "spec.loadBalancerIP";
    }
    for (String r : requested) {
      SourceRef ref = s.refOf(requestPath);
      Optional<IpAddr> a = parse(r, ref, findings);
      if (a.isEmpty()) {
        continue;
      }
      Optional<CiliumLoadBalancerIPPool> pool = k.lbIPPools().stream()
          .filter(p -> !p.disabled() && (p.serviceSelector() == null || p.serviceSelector().matches(s.labels())))
          .filter(p -> p.blocks().stream().anyMatch(b -> inBlock(b, a.get())))
          .findFirst();
      if (pool.isPresent()) {
        out.add(new ClusterService.LbAddress(a.get(), "requested, in pool " + pool.get().name(), ref));
      } else {
        findings.add(Finding.warning("service/lb-ip-outside-pools", "LoadBalancer Service " + s.namespace() + "/"
            + s.name() + " requests " + a.get() + ", which no enabled CiliumLoadBalancerIPPool selecting it contains",
            ref));
      }
    }
    if (out.isEmpty()) {
      findings.add(Finding.info("service/lb-ip-unknown", "LoadBalancer Service " + s.namespace() + "/" + s.name()
          + " has no address in the snapshot (no status.loadBalancer.ingress, no requested IP): its VIP is not checked",
          s.where()));
    }
    return out;
  }

  private static boolean inBlock(CiliumLoadBalancerIPPool.Block b, IpAddr a) {
    if (b.cidr() != null) {
      return b.cidr().contains(a);
    }
    if (b.start() == null || b.start().v6() != a.v6()) {
      return false;
    }
    IpAddr stop = b.stop() == null ? b.start() : b.stop();
    return a.compareTo(b.start()) >= 0 && a.compareTo(stop) <= 0;
  }

  private List<Service.Backend> sliceBackends(List<KubeObject<EndpointSlice>> slices, ServicePort sp, Protocol proto,
      List<Finding> findings) {
    List<Service.Backend> out = new ArrayList<>();
    for (KubeObject<EndpointSlice> slice : slices) {
      EndpointSlice es = slice.object();
      Integer port = null;
      for (EndpointPort ep : es.getPorts() == null ? List.<EndpointPort>of() : es.getPorts()) {
        // EndpointSlice ports carry the Service port's name (discovery/v1 EndpointPort.Name).
        if (Objects.equals(blankToNull(ep.getName()), blankToNull(sp.getName())) && protocol(ep.getProtocol()) == proto) {
          port = ep.getPort();
        }
      }
      if (port == null) {
        port = numericTarget(sp);
      }
      if (port == null) {
        continue;
      }
      List<Endpoint> eps = es.getEndpoints() == null ? List.of() : es.getEndpoints();
      for (int i = 0; i < eps.size(); i++) {
        Endpoint e = eps.get(i);
        // discovery/v1 EndpointConditions.Ready: "nil ... should be interpreted as ready".
        boolean ready = e.getConditions() == null || e.getConditions().getReady() == null
            || e.getConditions().getReady();
        if (!ready || e.getAddresses() == null) {
          continue;
        }
        for (String addr : e.getAddresses()) {
          SourceRef ref = slice.refOf("endpoints[" + i + "]");
          backend(addr, port, e.getNodeName(), e.getTargetRef(), ref, findings).ifPresent(out::add);
        }
      }
    }
    return out;
  }

  private List<Service.Backend> endpointsBackends(KubeObject<io.fabric8.kubernetes.api.model.Endpoints> eo,
      ServicePort sp, Protocol proto, List<Finding> findings) {
    List<Service.Backend> out = new ArrayList<>();
    List<EndpointSubset> subsets = eo.object().getSubsets() == null ? List.of() : eo.object().getSubsets();
    for (int si = 0; si < subsets.size(); si++) {
      EndpointSubset sub = subsets.get(si);
      Integer port = null;
      for (var ep : sub.getPorts() == null ? List.<io.fabric8.kubernetes.api.model.EndpointPort>of() : sub.getPorts()) {
        if (Objects.equals(blankToNull(ep.getName()), blankToNull(sp.getName())) && protocol(ep.getProtocol()) == proto) {
          port = ep.getPort();
        }
      }
      if (port == null) {
        port = numericTarget(sp);
      }
      if (port == null || sub.getAddresses() == null) {
        continue; // notReadyAddresses are not backends
      }
      for (int ai = 0; ai < sub.getAddresses().size(); ai++) {
        EndpointAddress a = sub.getAddresses().get(ai);
        SourceRef ref = eo.refOf("subsets[" + si + "].addresses[" + ai + "]");
        backend(a.getIp(), port, a.getNodeName(), a.getTargetRef(), ref, findings).ifPresent(out::add);
      }
    }
    return out;
  }

  private static Integer numericTarget(ServicePort sp) {
    if (sp.getTargetPort() == null) {
      return sp.getPort(); // k8s: targetPort defaults to port
    }
    return sp.getTargetPort().getIntVal();
  }

  private static String blankToNull(String s) {
    return s == null || s.isEmpty() ? null : s;
  }

  /**
   * One backend: its node is the endpoint's nodeName, else its target pod's node, else the node
   * owning the address, else the node whose pod CIDR contains it. It is host-network when the
   * address is a node address or its pod runs with hostNetwork.
   */
  private Optional<Service.Backend> backend(String text, int port, String nodeName, ObjectReference target,
      SourceRef ref, List<Finding> findings) {
    Optional<IpAddr> a = parse(text, ref, findings);
    if (a.isEmpty()) {
      return Optional.empty();
    }
    IpAddr addr = a.get();
    Optional<ClusterPod> pod = Optional.empty();
    if (target != null && "Pod".equals(target.getKind())) {
      String ns = target.getNamespace() == null ? "default" : target.getNamespace();
      pod = pods.stream().filter(p -> p.namespace().equals(ns) && p.name().equals(target.getName())).findFirst();
    }
    if (pod.isEmpty()) {
      pod = pods.stream().filter(p -> p.addresses().contains(addr)).findFirst();
    }
    Optional<ClusterNode> owner = nodes.stream().filter(n -> n.internalIps().contains(addr)).findFirst();
    String node = nodeName;
    if (node == null && pod.isPresent()) {
      node = pod.get().node();
    }
    if (node == null && owner.isPresent()) {
      node = owner.get().name();
    }
    if (node == null) {
      node = nodes.stream().filter(n -> n.podCidrs().stream().anyMatch(c -> c.contains(addr)))
          .map(ClusterNode::name).findFirst().orElse(null);
    }
    if (node == null) {
      findings.add(Finding.warning("service/backend-unlocated", "backend " + addr + " runs on no known node "
          + "(no nodeName, no pod, not a node address, in no pod CIDR): it is left out of the traces", ref));
      return Optional.empty();
    }
    boolean hostNetwork = owner.isPresent() || pod.map(ClusterPod::hostNetwork).orElse(false);
    String name = pod.isPresent() ? pod.get().qualifiedName()
        : target != null && target.getName() != null ? target.getName()
        : hostNetwork ? node + " (host)" : addr.toString();
    return Optional.of(new Service.Backend(name, addr, port, node, hostNetwork, ref));
  }

  private static void addIp(List<IpAddr> out, String text, SourceRef ref, List<Finding> findings) {
    parse(text, ref, findings).ifPresent(out::add);
  }

  private static Optional<IpAddr> parse(String text, SourceRef ref, List<Finding> findings) {
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
