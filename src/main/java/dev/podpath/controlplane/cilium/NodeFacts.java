package dev.podpath.controlplane.cilium;

import dev.podpath.core.SourceRef;
import dev.podpath.core.net.IpAddr;
import dev.podpath.core.net.IpPrefix;
import dev.podpath.ingest.Snapshot;
import dev.podpath.ingest.kubernetes.CiliumNode;
import dev.podpath.ingest.kubernetes.KubeObject;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeAddress;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What Cilium knows of one node: the labels its BGP selectors see, its pod CIDRs as the agent
 * reads them, its InternalIPs, and where the snapshot defines it.
 *
 * @param labels the Node's labels overlaid with its CiliumNode's (the operator selects CiliumNodes:
 *     operator/pkg/bgpv2/cluster.go upsertNodeConfigs lists ciliumNodeStore; the agent copies the
 *     Node's labels into its CiliumNode)
 * @param podCidrs the CIDRs of {@code CiliumNode.spec.ipam.podCIDRs} (what the PodCIDR reconciler
 *     reads: reconcilerv2/pod_cidr.go Reconcile); without a CiliumNode, for IPAM kubernetes the
 *     Node's spec.podCIDRs (which the agent copies there), for cluster-pool nothing
 * @param podCidrsWhere the line the pod CIDRs come from
 */
public record NodeFacts(
    String name, Map<String, String> labels, List<IpPrefix> podCidrs, SourceRef podCidrsWhere, IpAddr internalIpv4,
    IpAddr internalIpv6, Map<String, String> annotations, SourceRef where) {

  public NodeFacts {
    labels = Map.copyOf(labels);
    podCidrs = List.copyOf(podCidrs);
    annotations = Map.copyOf(annotations);
  }

  /** IPAM modes whose pod CIDRs are per node (types.CanAdvertisePodCIDR: kubernetes, cluster-pool). */
  public static boolean perNodePodCidrs(String ipamMode) {
    return "kubernetes".equals(ipamMode) || "cluster-pool".equals(ipamMode);
  }

  /** Every Node of the snapshot, then every CiliumNode without a Node, in file order. */
  public static Map<String, NodeFacts> of(Snapshot snapshot, String ipamMode) {
    Map<String, NodeFacts> out = new LinkedHashMap<>();
    var k = snapshot.kubernetes();
    for (KubeObject<Node> n : k.nodes()) {
      Optional<CiliumNode> cn = k.ciliumNode(n.name());
      out.put(n.name(), fromNode(n, cn.orElse(null), ipamMode));
    }
    for (CiliumNode cn : k.ciliumNodes()) {
      out.computeIfAbsent(cn.name(), x -> fromCiliumNode(cn));
    }
    return out;
  }

  private static NodeFacts fromNode(KubeObject<Node> n, CiliumNode cn, String ipamMode) {
    List<IpPrefix> cidrs = new ArrayList<>();
    SourceRef cidrWhere = n.where();
    if (cn != null && !cn.podCIDRs().isEmpty()) {
      cidrs.addAll(cn.podCIDRs());
      cidrWhere = cn.refOf("spec.ipam.podCIDRs");
    } else if ("kubernetes".equals(ipamMode)) {
      // IPAM kubernetes: the agent takes Node.spec.podCIDRs (pkg/ipam kubernetes mode) and writes them to its CiliumNode
      List<String> raw = n.object().getSpec() == null ? null : n.object().getSpec().getPodCIDRs();
      if ((raw == null || raw.isEmpty()) && n.object().getSpec() != null && n.object().getSpec().getPodCIDR() != null) {
        raw = List.of(n.object().getSpec().getPodCIDR());
      }
      if (raw != null) {
        for (String s : raw) {
          try {
            cidrs.add(IpPrefix.parse(s));
          } catch (IllegalArgumentException e) {
            // BuiltinChecks reports malformed pod CIDRs while reading
          }
        }
        cidrWhere = n.refOf("spec.podCIDRs");
      }
    }
    IpAddr v4 = null;
    IpAddr v6 = null;
    if (n.object().getStatus() != null && n.object().getStatus().getAddresses() != null) {
      for (NodeAddress a : n.object().getStatus().getAddresses()) {
        if (!"InternalIP".equals(a.getType()) || a.getAddress() == null) {
          continue;
        }
        try {
          IpAddr ip = IpAddr.parse(a.getAddress());
          if (ip.v6() && v6 == null) {
            v6 = ip;
          } else if (!ip.v6() && v4 == null) {
            v4 = ip;
          }
        } catch (IllegalArgumentException e) {
          // not an address: BuiltinChecks reports it
        }
      }
    }
    if (cn != null) {
      for (CiliumNode.Address a : cn.addresses()) {
        if ("InternalIP".equals(a.type())) {
          if (a.ip().v6() && v6 == null) {
            v6 = a.ip();
          } else if (!a.ip().v6() && v4 == null) {
            v4 = a.ip();
          }
        }
      }
    }
    // the agent mirrors the Node's labels into its CiliumNode; a snapshot's CiliumNode may carry fewer, so both are merged
    Map<String, String> labels = new LinkedHashMap<>(n.labels());
    if (cn != null) {
      labels.putAll(cn.labels());
    }
    Map<String, String> ann = n.object().getMetadata().getAnnotations();
    return new NodeFacts(n.name(), labels, cidrs, cidrWhere, v4, v6, ann == null ? Map.of() : ann, n.where());
  }

  private static NodeFacts fromCiliumNode(CiliumNode cn) {
    IpAddr v4 = null;
    IpAddr v6 = null;
    for (CiliumNode.Address a : cn.addresses()) {
      if ("InternalIP".equals(a.type())) {
        if (a.ip().v6() && v6 == null) {
          v6 = a.ip();
        } else if (!a.ip().v6() && v4 == null) {
          v4 = a.ip();
        }
      }
    }
    return new NodeFacts(cn.name(), cn.labels(), cn.podCIDRs(), cn.refOf("spec.ipam.podCIDRs"), v4, v6, Map.of(), cn.where());
  }

  /** The CiliumInternalIP (cilium_host address) of one family from the CiliumNode, if written. */
  static IpAddr ciliumInternalIp(Snapshot snapshot, String node, boolean v6) {
    return snapshot.kubernetes().ciliumNode(node).flatMap(cn -> cn.addresses().stream()
        .filter(a -> "CiliumInternalIP".equals(a.type()) && a.ip().v6() == v6).map(CiliumNode.Address::ip).findFirst())
        .orElse(null);
  }
}
