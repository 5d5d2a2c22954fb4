package dev.podpath.controlplane.cilium;

import dev.podpath.controlplane.cilium.CiliumBgpNodeConfig.AdvertisementType;
import dev.podpath.controlplane.spi.AddressFamily;
import dev.podpath.core.Finding;
import dev.podpath.core.SourceRef;
import dev.podpath.core.net.IpAddr;
import dev.podpath.core.net.IpPrefix;
import dev.podpath.ingest.kubernetes.KubeObject;
import dev.podpath.ingest.kubernetes.KubernetesObjects;
import dev.podpath.ingest.kubernetes.LabelSelector;
import io.fabric8.kubernetes.api.model.Service;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The prefixes one advertisement makes the agent of one node originate, per address type:
 * <ul>
 *   <li>PodCIDR: the node's pod CIDRs, only with IPAM kubernetes or cluster-pool
 *       (reconcilerv2/pod_cidr.go NewPodCIDRReconciler + types.CanAdvertisePodCIDR);
 *   <li>Service: every Service the selector matches (nil selector: none, reconcilerv2/service.go
 *       getServicePrefixes "default behavior is not to match any service"; empty: all), by address:
 *       LoadBalancerIP only for type LoadBalancer with no class or io.cilium/bgp-control-plane and,
 *       with externalTrafficPolicy Local, only where a local endpoint exists (getLBSvcPaths);
 *       ExternalIP from spec.externalIPs with the same eTP rule (getExternalIPPaths); ClusterIP from
 *       spec.clusterIP(s) except None, with internalTrafficPolicy Local needing a local endpoint
 *       (getClusterIPPaths); each as a /32 or /128;
 *   <li>only prefixes of the family asked for ("we only add path corresponding to the family of the prefix").
 * </ul>
 */
final class AdvertisementPrefixes {

  /** v2 BGPLoadBalancerClass (bgp_advert_types.go). */
  static final String BGP_LB_CLASS = "io.cilium/bgp-control-plane";

  private final KubernetesObjects k;
  private final String ipamMode;
  private final LocalEndpoints local;
  private final LoadBalancerIps lbIps;

  AdvertisementPrefixes(KubernetesObjects k, String ipamMode, LocalEndpoints local, LoadBalancerIps lbIps) {
    this.k = k;
    this.ipamMode = ipamMode;
    this.local = local;
    this.lbIps = lbIps;
  }

  /** Pod CIDRs of the node in this family, or none when the IPAM mode gives no per-node CIDR. */
  List<IpPrefix> podCidrs(NodeFacts node, AddressFamily fam, SourceRef where, Collection<Finding> findings) {
    if (!NodeFacts.perNodePodCidrs(ipamMode)) {
      findings.add(Finding.warning("cilium-bgp/pod-cidr-ipam-unsupported", "PodCIDR advertisement with IPAM mode '" + ipamMode
          + "': the agent does not start its PodCIDR reconciler (types.CanAdvertisePodCIDR: kubernetes and cluster-pool"
          + " only), so nothing is advertised", where));
      return List.of();
    }
    if (node.podCidrs().isEmpty()) {
      findings.add(Finding.warning("cilium-bgp/no-pod-cidr", "node " + node.name() + " has no pod CIDR ("
          + ("cluster-pool".equals(ipamMode) ? "IPAM cluster-pool reads CiliumNode spec.ipam.podCIDRs" : "IPAM kubernetes reads Node spec.podCIDRs")
          + "): its PodCIDR advertisement is empty", node.where()).onHost(node.name()));
    }
    return node.podCidrs().stream().filter(p -> p.v6() == fam.v6()).toList();
  }

  /** True when the (non-nil) selector matches at least one Service of the snapshot. */
  boolean selectsAnyService(LabelSelector selector) {
    return selector != null && k.services().stream().anyMatch(s -> selector.matches(LoadBalancerIps.selectorLabels(s)));
  }

  /** Service prefixes of one address type (LoadBalancerIP, ClusterIP, ExternalIP) on this node. */
  List<IpPrefix> servicePrefixes(LabelSelector selector, AdvertisementType type, NodeFacts node, AddressFamily fam) {
    List<IpPrefix> out = new ArrayList<>();
    if (selector == null) {
      return out;
    }
    for (KubeObject<Service> s : k.services()) {
      if (!selector.matches(LoadBalancerIps.selectorLabels(s)) || s.object().getSpec() == null) {
        continue;
      }
      var spec = s.object().getSpec();
      boolean etpLocal = "Local".equals(spec.getExternalTrafficPolicy());
      boolean itpLocal = "Local".equals(spec.getInternalTrafficPolicy());
      boolean hasLocal = local.hasLocal(s.namespace(), s.name(), node.name());
      List<String> texts = new ArrayList<>();
      switch (type) {
        case SERVICE_LOAD_BALANCER_IP -> {
          String cls = spec.getLoadBalancerClass();
          if (LoadBalancerIps.isLoadBalancer(s) && !(etpLocal && !hasLocal) && (cls == null || BGP_LB_CLASS.equals(cls))) {
            lbIps.of(s).forEach(ip -> texts.add(ip.toString()));
          }
        }
        case SERVICE_EXTERNAL_IP -> {
          if (!(etpLocal && !hasLocal) && spec.getExternalIPs() != null) {
            texts.addAll(spec.getExternalIPs());
          }
        }
        case SERVICE_CLUSTER_IP -> {
          if (!(itpLocal && !hasLocal) && spec.getClusterIP() != null && !spec.getClusterIP().isEmpty()
              && !"None".equals(spec.getClusterIP())) {
            texts.add(spec.getClusterIP());
            if (spec.getClusterIPs() != null) {
              texts.addAll(spec.getClusterIPs());
            }
          }
        }
        default -> throw new IllegalArgumentException("not a service address type: " + type);
      }
      for (String t : texts) {
        if (t == null || t.isEmpty() || "None".equals(t)) {
          continue;
        }
        try {
          IpAddr ip = IpAddr.parse(t.strip());
          IpPrefix p = IpPrefix.host(ip);
          if (ip.v6() == fam.v6() && !out.contains(p)) {
            out.add(p);
          }
        } catch (IllegalArgumentException e) {
          // service.go: netip.ParseAddr failure => skipped
        }
      }
    }
    out.sort(null);
    return out;
  }
}
