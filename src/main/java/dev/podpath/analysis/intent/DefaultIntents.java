package dev.podpath.analysis.intent;

import dev.podpath.controlplane.spi.BgpNeighborConfig;
import dev.podpath.controlplane.spi.RoutingDaemon;
import dev.podpath.core.Finding;
import dev.podpath.dataplane.assembly.ClusterNode;
import dev.podpath.dataplane.assembly.ClusterPod;
import dev.podpath.dataplane.assembly.ClusterService;
import dev.podpath.ingest.kubernetes.CiliumBGPAdvertisement;
import dev.podpath.ingest.kubernetes.CiliumBGPPeeringPolicy;
import dev.podpath.ingest.kubernetes.KubernetesObjects;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The intents that hold when intents.yaml is absent (docs/design.md "Default intents"):
 * <ol>
 *   <li>every BGP session some config declares is Established ({@link #sessions});
 *   <li>from every node that runs pods, a pod reaches every backend of every ClusterIP Service and
 *       the reply returns;
 *   <li>pod-to-pod between every pair of nodes (one direction per pair: the reply walks the other);
 *   <li>every advertised LoadBalancer IP is reachable from every router outside the cluster.
 * </ol>
 * "A pod on the node" is a real pod when the snapshot has one there (the first by namespace/name),
 * else a synthetic pod in the node's pod CIDR; the intent's description says which.
 */
public final class DefaultIntents {

  private final IntentResolver resolver;
  private final KubernetesObjects kubernetes;
  private final List<Finding> findings = new ArrayList<>();

  private DefaultIntents(IntentResolver resolver, KubernetesObjects kubernetes) {
    this.resolver = resolver;
    this.kubernetes = kubernetes;
  }

  /** The flow intents (2-4) for a snapshot; {@code findings} receives infos about what was left out and why. */
  public static List<FlowIntent> flows(IntentResolver resolver, KubernetesObjects kubernetes, List<Finding> findings) {
    DefaultIntents d = new DefaultIntents(resolver, kubernetes);
    List<FlowIntent> out = new ArrayList<>();
    List<PodOnNode> sources = d.podNodes();
    out.addAll(d.clusterIps(sources));
    out.addAll(d.podToPod(sources));
    out.addAll(d.loadBalancers());
    findings.addAll(d.findings);
    return out;
  }

  /**
   * One session intent per BGP neighbor any daemon declares (intent 1). The caller passes the
   * daemons the BGP engine built (BIRD, FRR, Cilium) and evaluates the result against the engine's
   * sessions.
   */
  public static List<SessionIntent> sessions(List<? extends RoutingDaemon> daemons) {
    List<SessionIntent> out = new ArrayList<>();
    List<RoutingDaemon> sorted = new ArrayList<>(daemons);
    sorted.sort(Comparator.comparing(RoutingDaemon::host).thenComparing(RoutingDaemon::name));
    for (RoutingDaemon d : sorted) {
      for (BgpNeighborConfig n : d.neighbors()) {
        String peer = n.peerAddress() == null ? n.id() : n.peerAddress().toString();
        String vrf = n.vrf() == null ? "" : " vrf " + n.vrf();
        String name = "bgp " + d.host() + "/" + d.name() + vrf + " -> " + peer;
        out.add(new SessionIntent(name, d.host(), d.name(), n.peerAddress(), n.id(), n.vrf(),
            "the BGP session '" + n.id() + "' of " + d.name() + " on " + d.host() + vrf + " with " + peer
                + " is Established (declared at " + n.where() + ")",
            n.where(), true));
      }
    }
    return out;
  }

  /** A node that runs pods, and the endpoint standing for "a pod on it". */
  private record PodOnNode(ClusterNode node, Endpoint endpoint, String what) {}

  private List<PodOnNode> podNodes() {
    List<PodOnNode> out = new ArrayList<>();
    for (ClusterNode n : resolver.inventory().nodes()) {
      Optional<ClusterPod> real = resolver.inventory().pods().stream()
          .filter(p -> n.name().equals(p.node()) && !p.hostNetwork() && !p.addresses().isEmpty())
          .min(Comparator.comparing(ClusterPod::qualifiedName));
      if (real.isPresent()) {
        ClusterPod p = real.get();
        out.add(new PodOnNode(n, new Endpoint.PodSelector(p.namespace(), p.name(), null, n.name(), p.where()),
            "pod " + p.qualifiedName()));
        continue;
      }
      Optional<ClusterPod> syn = resolver.syntheticPod(n.name());
      if (syn.isPresent()) {
        out.add(new PodOnNode(n, new Endpoint.SyntheticPod(n.name(), n.where()),
            "a synthetic pod " + syn.get().addresses() + " inside the node's pod CIDR " + n.podCidrs()
                + " (the snapshot has no pod on " + n.name() + ")"));
      } else {
        findings.add(Finding.info("intent/node-without-pods", "node " + n.name() + " has no pod and no pod CIDR in "
            + "the snapshot: no default pod intents start there", n.where()));
      }
    }
    return out;
  }

  private List<FlowIntent> clusterIps(List<PodOnNode> sources) {
    List<FlowIntent> out = new ArrayList<>();
    for (ClusterService s : sorted(resolver.inventory().services())) {
      if (s.clusterIps().isEmpty() || s.ports().isEmpty()) {
        continue; // headless or portless: no ClusterIP to reach
      }
      if (!s.endpointsKnown()) {
        findings.add(Finding.info("intent/backends-unknown", "Service " + s.qualifiedName() + " has no EndpointSlice "
            + "or Endpoints in the snapshot: no default intent checks its backends", s.where()));
        continue;
      }
      String port = s.ports().size() == 1 ? String.valueOf(s.ports().get(0).port()) : null;
      Endpoint.ServiceSelector to = new Endpoint.ServiceSelector(s.namespace(), s.name(), port, AddressType.CLUSTER_IP,
          s.where());
      for (PodOnNode src : sources) {
        String name = "pod@" + src.node().name() + " -> " + to.describe();
        String desc = "from node " + src.node().name() + ", " + src.what() + " reaches every backend of ClusterIP Service "
            + s.qualifiedName() + (port == null ? " on every port" : " port " + port) + " and the reply returns";
        out.add(new FlowIntent(name, src.endpoint(), to, Expectation.REACHABLE, dev.podpath.dataplane.Protocol.TCP,
            FlowIntent.DEFAULT_PORT, null, desc, s.where(), true));
      }
    }
    return out;
  }

  private List<FlowIntent> podToPod(List<PodOnNode> nodes) {
    List<FlowIntent> out = new ArrayList<>();
    for (int i = 0; i < nodes.size(); i++) {
      for (int j = i + 1; j < nodes.size(); j++) {
        PodOnNode a = nodes.get(i);
        PodOnNode b = nodes.get(j);
        String name = "pod@" + a.node().name() + " -> pod@" + b.node().name();
        String desc = "from node " + a.node().name() + ", " + a.what() + " reaches, on node " + b.node().name() + ", "
            + b.what() + " (TCP " + FlowIntent.DEFAULT_PORT + ") and the reply returns";
        out.add(new FlowIntent(name, a.endpoint(), b.endpoint(), Expectation.REACHABLE,
            dev.podpath.dataplane.Protocol.TCP, FlowIntent.DEFAULT_PORT, null, desc, b.node().where(), true));
      }
    }
    return out;
  }

  private List<FlowIntent> loadBalancers() {
    List<FlowIntent> out = new ArrayList<>();
    List<String> routers = resolver.hosts().keySet().stream().filter(resolver::isRouter).sorted().toList();
    for (ClusterService s : sorted(resolver.inventory().services())) {
      if (!"LoadBalancer".equals(s.type()) || s.loadBalancerIps().isEmpty() || s.ports().isEmpty()) {
        continue;
      }
      Optional<String> by = advertisedBy(s);
      if (by.isEmpty()) {
        findings.add(Finding.info("intent/lb-not-advertised", "LoadBalancer Service " + s.qualifiedName()
            + " is selected by no BGP advertisement of LoadBalancerIP: no default intent checks it from routers",
            s.where()));
        continue;
      }
      String port = s.ports().size() == 1 ? String.valueOf(s.ports().get(0).port()) : null;
      Endpoint.ServiceSelector to = new Endpoint.ServiceSelector(s.namespace(), s.name(), port,
          AddressType.LOAD_BALANCER, s.where());
      for (String r : routers) {
        String name = "router " + r + " -> " + to.describe();
        String desc = "router " + r + " (outside the cluster) reaches LoadBalancer IP "
            + s.loadBalancerIps().stream().map(l -> l.address().toString()).toList() + " of Service "
            + s.qualifiedName() + " (advertised by " + by.get() + ") and every backend answers";
        out.add(new FlowIntent(name, new Endpoint.RouterRef(r, s.where()), to, Expectation.REACHABLE,
            dev.podpath.dataplane.Protocol.TCP, FlowIntent.DEFAULT_PORT, null, desc, s.where(), true));
      }
    }
    return out;
  }

  /**
   * Which BGP object advertises the Service's LoadBalancer IP: a CiliumBGPAdvertisement entry of
   * type Service listing LoadBalancerIP whose selector picks the Service's labels
   * (bgp_advert_types.go: a nil selector selects nothing), or a legacy CiliumBGPPeeringPolicy
   * virtual router whose serviceSelector picks it (bgpp_types.go; serviceAdvertisements defaults
   * to LoadBalancerIP). Whether a peer really carries the route is the BGP engine's business.
   */
  private Optional<String> advertisedBy(ClusterService s) {
    for (CiliumBGPAdvertisement a : kubernetes.bgpAdvertisements()) {
      for (CiliumBGPAdvertisement.Advertisement e : a.advertisements()) {
        if ("Service".equals(e.type()) && e.serviceAddresses().contains("LoadBalancerIP") && e.selects(s.labels())) {
          return Optional.of("CiliumBGPAdvertisement " + a.name() + " (" + e.where() + ")");
        }
      }
    }
    for (CiliumBGPPeeringPolicy p : kubernetes.bgpPeeringPolicies()) {
      for (CiliumBGPPeeringPolicy.VirtualRouter vr : p.virtualRouters()) {
        boolean lb = vr.serviceAdvertisements().isEmpty() || vr.serviceAdvertisements().contains("LoadBalancerIP");
        if (lb && vr.serviceSelector() != null && vr.serviceSelector().matches(s.labels())) {
          return Optional.of("CiliumBGPPeeringPolicy " + p.name() + " (" + vr.where() + ")");
        }
      }
    }
    return Optional.empty();
  }

  private static List<ClusterService> sorted(List<ClusterService> services) {
    return services.stream().sorted(Comparator.comparing(ClusterService::qualifiedName)).toList();
  }
}
