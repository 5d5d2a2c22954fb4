package dev.podpath.analysis.intent;

import dev.podpath.core.Finding;
import dev.podpath.core.SourceRef;
import dev.podpath.core.net.IfAddress;
import dev.podpath.core.net.IpAddr;
import dev.podpath.core.net.IpPrefix;
import dev.podpath.dataplane.Endpoints;
import dev.podpath.dataplane.FlowSpec;
import dev.podpath.dataplane.FlowSpec.Source;
import dev.podpath.dataplane.Protocol;
import dev.podpath.dataplane.ServiceTable;
import dev.podpath.dataplane.assembly.ClusterInventory;
import dev.podpath.dataplane.assembly.ClusterNode;
import dev.podpath.dataplane.assembly.ClusterPod;
import dev.podpath.dataplane.assembly.ClusterService;
import dev.podpath.ingest.Snapshot;
import dev.podpath.ingest.host.AddressSpec;
import dev.podpath.ingest.host.HostSpec;
import dev.podpath.ingest.host.InterfaceSpec;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Turns flow intents into concrete dataplane flows: one per source address x destination address
 * of the same family (a Service destination is one flow per frontend address and port; the walk
 * then traces every backend). Also provides the walk's ServiceTable and Endpoints for the same
 * snapshot — Endpoints include the synthetic pods that default intents use, so the caller must
 * bind its {@link FlowRunner} to {@link #services()} and {@link #endpoints()}.
 */
public final class IntentResolver {

  /** Offset of a synthetic pod's address inside its node's pod CIDR (clear of the low addresses Cilium's router IP often takes). */
  static final long SYNTHETIC_OFFSET = 100;

  private final ClusterInventory inventory;
  private final Map<String, HostSpec> hosts;
  private final List<ClusterPod> synthetic;
  private final Endpoints endpoints;
  private final ServiceTable services;

  public IntentResolver(ClusterInventory inventory, Map<String, HostSpec> hosts) {
    this.inventory = inventory;
    this.hosts = Map.copyOf(hosts);
    this.synthetic = syntheticPods(inventory);
    this.endpoints = inventory.endpoints(synthetic);
    this.services = inventory.serviceTable();
  }

  public static IntentResolver of(Snapshot snapshot) {
    return new IntentResolver(ClusterInventory.of(snapshot.kubernetes()), snapshot.hosts());
  }

  public ClusterInventory inventory() {
    return inventory;
  }

  /** The walk's service table for this snapshot. */
  public ServiceTable services() {
    return services;
  }

  /** The walk's endpoints: the snapshot's pods plus the synthetic ones. */
  public Endpoints endpoints() {
    return endpoints;
  }

  /** The pod invented on {@code node} (the node has pod CIDRs but no pod in the snapshot), if any. */
  public Optional<ClusterPod> syntheticPod(String node) {
    return synthetic.stream().filter(p -> p.node().equals(node)).findFirst();
  }

  public Map<String, HostSpec> hosts() {
    return hosts;
  }

  /** A modelled host that is not a Kubernetes node. */
  public boolean isRouter(String host) {
    return hosts.containsKey(host) && inventory.node(host).isEmpty();
  }

  // ---- resolution ----

  private record Src(String label, boolean v6, Source source, SourceRef ref) {}

  private record Dst(String label, IpAddr address, int port, Protocol protocol, SourceRef ref) {}

  public ResolvedIntent resolve(FlowIntent intent) {
    List<Finding> findings = new ArrayList<>();
    List<Src> srcs = sources(intent, intent.from(), findings);
    List<Dst> dsts = destinations(intent, intent.to(), findings);
    List<ResolvedFlow> flows = new ArrayList<>();
    for (Src s : srcs) {
      for (Dst d : dsts) {
        if (s.v6() != d.address().v6() || (intent.family() != null && intent.family().v6() != s.v6())) {
          continue;
        }
        FlowSpec f = new FlowSpec(s.source(), d.address(), d.port(), d.protocol(), FlowSpec.DEFAULT_SOURCE_PORT);
        flows.add(new ResolvedFlow(f, s.label() + " -> " + d.label(), List.of(intent.where(), s.ref(), d.ref())));
      }
    }
    if (flows.isEmpty() && !srcs.isEmpty() && !dsts.isEmpty()) {
      findings.add(Finding.warning("intent/no-common-family", intent.name() + ": source and destination have no IP family "
          + "in common" + (intent.family() == null ? "" : " with " + intent.family().keyword()) + ": nothing to trace",
          intent.where()));
    }
    return new ResolvedIntent(intent, flows, findings);
  }

  private List<Src> sources(FlowIntent intent, Endpoint e, List<Finding> findings) {
    List<Src> out = new ArrayList<>();
    if (e instanceof Endpoint.PodSelector ps) {
      for (ClusterPod p : pods(ps)) {
        for (IpAddr a : p.addresses()) {
          Source s = p.hostNetwork() ? new Source.HostProcess(p.node(), a) : new Source.Pod(a);
          out.add(new Src(podLabel(p, a), a.v6(), s, p.where()));
        }
      }
    } else if (e instanceof Endpoint.SyntheticPod sp) {
      syntheticPod(sp.node()).ifPresent(p -> p.addresses()
          .forEach(a -> out.add(new Src("pod@" + sp.node() + " [" + a + "]", a.v6(), new Source.Pod(a), sp.where()))));
    } else if (e instanceof Endpoint.NodeSelector ns) {
      for (ClusterNode n : nodes(ns)) {
        Set<Boolean> fams = new HashSet<>();
        n.internalIps().forEach(a -> fams.add(a.v6()));
        if (fams.isEmpty()) {
          fams.addAll(List.of(false, true));
        }
        // The kernel picks the source address (null): the walk does the source selection after translation.
        for (boolean v6 : List.of(false, true)) {
          if (fams.contains(v6)) {
            out.add(new Src("node " + n.name(), v6, new Source.HostProcess(n.name(), null), n.where()));
          }
        }
      }
    } else if (e instanceof Endpoint.RouterRef r) {
      if (routerOk(intent, r, findings)) {
        vrfOnly(r.host()).ifPresent(vrf -> findings.add(Finding.info("intent/router-source-in-vrf", intent.name()
            + ": router " + r.host() + " has addresses only on interfaces in VRF " + vrf + "; the walk starts a "
            + "router's own traffic in its main table, so this source may not use the VRF's routes", r.where())));
        for (IpAddr a : routerAddresses(r.host())) {
          out.add(new Src("router " + r.host() + " [" + a + "]", a.v6(), new Source.Router(r.host(), a), hostRef(r.host())));
        }
      }
    } else if (e instanceof Endpoint.AddressRef a) {
      if (!hosts.containsKey(a.enterHost())) {
        nothing(intent, a, "no host folder hosts/" + a.enterHost() + " for via", findings);
      } else {
        out.add(new Src(a.describe(), a.address().v6(), new Source.Outside(a.address(), a.enterHost(), a.enterIface()),
            a.where()));
      }
    } else {
      nothing(intent, e, "a Service cannot be a source", findings);
    }
    if (out.isEmpty() && findings.isEmpty()) {
      nothing(intent, e, "no source address", findings);
    }
    return out;
  }

  private List<Dst> destinations(FlowIntent intent, Endpoint e, List<Finding> findings) {
    List<Dst> out = new ArrayList<>();
    int port = intent.port();
    Protocol proto = intent.protocol();
    if (e instanceof Endpoint.PodSelector ps) {
      for (ClusterPod p : pods(ps)) {
        p.addresses().forEach(a -> out.add(new Dst(podLabel(p, a) + ":" + port, a, port, proto, p.where())));
      }
    } else if (e instanceof Endpoint.SyntheticPod sp) {
      syntheticPod(sp.node()).ifPresent(p -> p.addresses()
          .forEach(a -> out.add(new Dst("pod@" + sp.node() + " [" + a + "]:" + port, a, port, proto, sp.where()))));
    } else if (e instanceof Endpoint.NodeSelector ns) {
      for (ClusterNode n : nodes(ns)) {
        n.internalIps().forEach(a -> out.add(new Dst("node " + n.name() + " [" + a + "]:" + port, a, port, proto, n.where())));
      }
    } else if (e instanceof Endpoint.RouterRef r) {
      if (routerOk(intent, r, findings)) {
        routerAddresses(r.host()).forEach(a ->
            out.add(new Dst("router " + r.host() + " [" + a + "]:" + port, a, port, proto, hostRef(r.host()))));
      }
    } else if (e instanceof Endpoint.AddressRef a) {
      out.add(new Dst("[" + a.address() + "]:" + port, a.address(), port, proto, a.where()));
    } else if (e instanceof Endpoint.ServiceSelector ss) {
      serviceDestinations(intent, ss, out, findings);
    }
    if (out.isEmpty() && findings.isEmpty()) {
      nothing(intent, e, "no destination address", findings);
    }
    return out;
  }

  private void serviceDestinations(FlowIntent intent, Endpoint.ServiceSelector ss, List<Dst> out, List<Finding> findings) {
    Optional<ClusterService> found = inventory.service(ss.namespace(), ss.name());
    if (found.isEmpty()) {
      nothing(intent, ss, "no Service " + ss.namespace() + "/" + ss.name() + " in kubernetes/", findings);
      return;
    }
    ClusterService s = found.get();
    List<ClusterService.Port> ports = s.ports().stream()
        .filter(p -> ss.port() == null || ss.port().equals(String.valueOf(p.port())) || ss.port().equals(p.name()))
        .toList();
    if (ports.isEmpty()) {
      nothing(intent, ss, "Service " + s.qualifiedName() + " has no port " + (ss.port() == null ? "" : ss.port()), findings);
      return;
    }
    if (!s.endpointsKnown()) {
      findings.add(Finding.warning("intent/backends-unknown", intent.name() + ": the snapshot has no EndpointSlice or "
          + "Endpoints for Service " + s.qualifiedName() + ": its backends are unknown and the walk sees none", ss.where()));
    }
    String svc = switch (ss.addressType()) {
      case CLUSTER_IP -> "svc ";
      case LOAD_BALANCER -> "lb ";
      case NODE_PORT -> "nodeport ";
      case EXTERNAL_IP -> "externalip ";
    } + s.qualifiedName();
    for (ClusterService.Port p : ports) {
      List<IpAddr> addrs = new ArrayList<>();
      int dport = p.port();
      Map<IpAddr, String> nodeOf = new LinkedHashMap<>();
      switch (ss.addressType()) {
        case CLUSTER_IP -> addrs.addAll(s.clusterIps());
        case LOAD_BALANCER -> s.loadBalancerIps().forEach(l -> addrs.add(l.address()));
        case EXTERNAL_IP -> addrs.addAll(s.externalIps());
        case NODE_PORT -> {
          if (p.nodePort() != null) {
            dport = p.nodePort();
            for (ClusterNode n : inventory.nodes()) {
              n.internalIps().forEach(a -> nodeOf.put(a, n.name()));
            }
            addrs.addAll(nodeOf.keySet());
          }
        }
      }
      for (IpAddr a : addrs) {
        String at = nodeOf.containsKey(a) ? " on " + nodeOf.get(a) : "";
        out.add(new Dst(svc + " [" + a + "]:" + dport + "/" + p.protocol() + at, a, dport, p.protocol(), p.where()));
      }
    }
    if (out.isEmpty()) {
      nothing(intent, ss, "Service " + s.qualifiedName() + " has no " + ss.addressType().keyword() + " address"
          + (ss.addressType() == AddressType.LOAD_BALANCER ? " (no status.loadBalancer.ingress and no requested IP in a pool)" : ""),
          findings);
    }
  }

  private boolean routerOk(FlowIntent intent, Endpoint.RouterRef r, List<Finding> findings) {
    if (!hosts.containsKey(r.host())) {
      nothing(intent, r, "no host folder hosts/" + r.host() + " with a host.yaml", findings);
      return false;
    }
    if (inventory.node(r.host()).isPresent()) {
      nothing(intent, r, r.host() + " is a Kubernetes node, not a router (select it with node)", findings);
      return false;
    }
    return true;
  }

  /**
   * The address a router sources from, one per family: an address of an interface in the default
   * VRF (the walk starts a router's own traffic in its main table), not loopback or link-local,
   * else a loopback-interface address, else any address.
   */
  List<IpAddr> routerAddresses(String host) {
    HostSpec h = hosts.get(host);
    List<IpAddr> out = new ArrayList<>();
    for (boolean v6 : List.of(false, true)) {
      Comparator<InterfaceSpec> rank = Comparator.comparingInt(i -> i.vrf() == null ? (i.name().equals("lo") ? 1 : 0) : 2);
      h.interfaces().stream().sorted(rank)
          .flatMap(i -> i.addresses().stream().map(AddressSpec::address).map(IfAddress::address))
          .filter(a -> a.v6() == v6 && !a.isLinkLocal() && !a.isLoopback() && !a.isMulticast())
          .findFirst().ifPresent(out::add);
    }
    return out;
  }

  /** The VRF of a router whose every non-loopback address is on a VRF interface. */
  private Optional<String> vrfOnly(String host) {
    List<InterfaceSpec> withAddresses = hosts.get(host).interfaces().stream()
        .filter(i -> !i.name().equals("lo") && !i.addresses().isEmpty()).toList();
    if (withAddresses.isEmpty() || withAddresses.stream().anyMatch(i -> i.vrf() == null)) {
      return Optional.empty();
    }
    return Optional.of(withAddresses.get(0).vrf());
  }

  private SourceRef hostRef(String host) {
    HostSpec h = hosts.get(host);
    return h == null ? SourceRef.NONE : h.where();
  }

  List<ClusterPod> pods(Endpoint.PodSelector ps) {
    return inventory.pods().stream()
        .filter(p -> ps.namespace() == null || ps.namespace().equals(p.namespace()))
        .filter(p -> ps.name() == null || ps.name().equals(p.name()))
        .filter(p -> ps.node() == null || ps.node().equals(p.node()))
        .filter(p -> ps.labels().entrySet().stream().allMatch(l -> l.getValue().equals(p.labels().get(l.getKey()))))
        .filter(p -> p.node() != null && !p.addresses().isEmpty())
        .toList();
  }

  List<ClusterNode> nodes(Endpoint.NodeSelector ns) {
    return inventory.nodes().stream()
        .filter(n -> ns.name() == null || ns.name().equals(n.name()))
        .filter(n -> ns.role() == null || ns.role().equals(n.role()))
        .filter(n -> ns.labels().entrySet().stream().allMatch(l -> l.getValue().equals(n.labels().get(l.getKey()))))
        .toList();
  }

  private static String podLabel(ClusterPod p, IpAddr a) {
    return (p.hostNetwork() ? "hostNetwork pod " : "pod ") + p.qualifiedName() + "@" + p.node() + " [" + a + "]";
  }

  private static void nothing(FlowIntent intent, Endpoint e, String why, List<Finding> findings) {
    findings.add(Finding.warning("intent/selector-matches-nothing", intent.name() + ": " + e.describe()
        + " matches nothing (" + why + ")", e.where().isKnown() ? e.where() : intent.where()));
  }

  /**
   * One synthetic pod per node that has pod CIDRs but no (non-host-network) pod in the snapshot,
   * with one address per family at {@link #SYNTHETIC_OFFSET} in the node's first pod CIDR of that
   * family (skipping addresses real pods use).
   */
  static List<ClusterPod> syntheticPods(ClusterInventory inv) {
    Set<IpAddr> used = new HashSet<>();
    inv.pods().forEach(p -> used.addAll(p.addresses()));
    List<ClusterPod> out = new ArrayList<>();
    for (ClusterNode n : inv.nodes()) {
      boolean hasPod = inv.pods().stream().anyMatch(p -> n.name().equals(p.node()) && !p.hostNetwork() && !p.addresses().isEmpty());
      if (hasPod) {
        continue;
      }
      List<IpAddr> addrs = new ArrayList<>();
      for (boolean v6 : List.of(false, true)) {
        n.podCidrs().stream().filter(c -> c.v6() == v6).findFirst().flatMap(c -> freeAddress(c, used)).ifPresent(addrs::add);
      }
      if (!addrs.isEmpty()) {
        used.addAll(addrs);
        out.add(new ClusterPod("podpath", "synthetic-" + n.name(), Map.of(), n.name(), false, addrs, true, n.where()));
      }
    }
    return out;
  }

  private static Optional<IpAddr> freeAddress(IpPrefix cidr, Set<IpAddr> used) {
    int hostBits = cidr.network().bits() - cidr.length();
    if (hostBits < 8) {
      return Optional.empty(); // too small to pick an address clear of the ones Cilium hands out first
    }
    for (long i = SYNTHETIC_OFFSET; i < SYNTHETIC_OFFSET + 50; i++) {
      IpAddr a = cidr.network().plus(i);
      if (!used.contains(a)) {
        return Optional.of(a);
      }
    }
    return Optional.empty();
  }
}
