package dev.podpath.dataplane.assembly;

import dev.podpath.core.Finding;
import dev.podpath.core.SourceRef;
import dev.podpath.core.net.IpAddr;
import dev.podpath.ingest.kubernetes.CiliumLoadBalancerIPPool;
import dev.podpath.ingest.kubernetes.KubeObject;
import dev.podpath.ingest.kubernetes.KubernetesObjects;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The addresses of a LoadBalancer Service as far as the snapshot tells them. */
final class LoadBalancerAddresses {

  /** Cilium LB-IPAM request annotations (current and pre-1.15 form; docs.cilium.io network/lb-ipam "Requesting IPs"). */
  static final List<String> LB_IPAM_ANNOTATIONS = List.of("lbipam.cilium.io/ips", "io.cilium/lb-ipam-ips");

  private LoadBalancerAddresses() {}

  /**
   * LoadBalancer addresses: status.loadBalancer.ingress[].ip as written; otherwise an address the
   * Service requests (LB-IPAM annotation or spec.loadBalancerIP) that lies in an enabled
   * CiliumLoadBalancerIPPool selecting the Service — LB-IPAM assigns requested addresses from a
   * matching pool (docs.cilium.io network/lb-ipam "Requesting IPs"). Nothing else is guessed.
   */
  static List<ClusterService.LbAddress> of(KubeObject<io.fabric8.kubernetes.api.model.Service> s,
      KubernetesObjects k, List<Finding> findings) {
    io.fabric8.kubernetes.api.model.Service o = s.object();
    List<ClusterService.LbAddress> out = new ArrayList<>();
    var status = o.getStatus() == null ? null : o.getStatus().getLoadBalancer();
    if (status != null && status.getIngress() != null) {
      for (int i = 0; i < status.getIngress().size(); i++) {
        String ip = status.getIngress().get(i).getIp();
        SourceRef ref = s.refOf("status.loadBalancer.ingress[" + i + "].ip");
        if (ip != null) {
          ClusterInventory.parse(ip, ref, findings).ifPresent(a -> out.add(new ClusterService.LbAddress(a, "status.loadBalancer.ingress", ref)));
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
      Optional<IpAddr> a = ClusterInventory.parse(r, ref, findings);
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
}
