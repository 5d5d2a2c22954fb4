package dev.podpath.dataplane.assembly;

import dev.podpath.core.Finding;
import dev.podpath.core.SourceRef;
import dev.podpath.core.net.IpAddr;
import dev.podpath.dataplane.Protocol;
import dev.podpath.dataplane.Service;
import dev.podpath.ingest.kubernetes.KubeObject;
import io.fabric8.kubernetes.api.model.EndpointAddress;
import io.fabric8.kubernetes.api.model.EndpointSubset;
import io.fabric8.kubernetes.api.model.ObjectReference;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.discovery.v1.Endpoint;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointPort;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointSlice;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** The ready backends of one Service port, from its EndpointSlices or its Endpoints object, each placed on a node. */
final class BackendReader {

  private final List<ClusterNode> nodes;
  private final List<ClusterPod> pods;
  private final List<Finding> findings;

  BackendReader(List<ClusterNode> nodes, List<ClusterPod> pods, List<Finding> findings) {
    this.nodes = nodes;
    this.pods = pods;
    this.findings = findings;
  }

  List<Service.Backend> fromSlices(List<KubeObject<EndpointSlice>> slices, ServicePort sp, Protocol proto) {
    List<Service.Backend> out = new ArrayList<>();
    for (KubeObject<EndpointSlice> slice : slices) {
      EndpointSlice es = slice.object();
      Integer port = null;
      for (EndpointPort ep : es.getPorts() == null ? List.<EndpointPort>of() : es.getPorts()) {
        // EndpointSlice ports carry the Service port's name (discovery/v1 EndpointPort.Name).
        if (Objects.equals(blankToNull(ep.getName()), blankToNull(sp.getName())) && ClusterInventory.protocol(ep.getProtocol()) == proto) {
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
          backend(addr, port, e.getNodeName(), e.getTargetRef(), ref).ifPresent(out::add);
        }
      }
    }
    return out;
  }

  List<Service.Backend> fromEndpoints(KubeObject<io.fabric8.kubernetes.api.model.Endpoints> eo, ServicePort sp,
      Protocol proto) {
    List<Service.Backend> out = new ArrayList<>();
    List<EndpointSubset> subsets = eo.object().getSubsets() == null ? List.of() : eo.object().getSubsets();
    for (int si = 0; si < subsets.size(); si++) {
      EndpointSubset sub = subsets.get(si);
      Integer port = null;
      for (var ep : sub.getPorts() == null ? List.<io.fabric8.kubernetes.api.model.EndpointPort>of() : sub.getPorts()) {
        if (Objects.equals(blankToNull(ep.getName()), blankToNull(sp.getName())) && ClusterInventory.protocol(ep.getProtocol()) == proto) {
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
        backend(a.getIp(), port, a.getNodeName(), a.getTargetRef(), ref).ifPresent(out::add);
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
      SourceRef ref) {
    Optional<IpAddr> a = ClusterInventory.parse(text, ref, findings);
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
}
