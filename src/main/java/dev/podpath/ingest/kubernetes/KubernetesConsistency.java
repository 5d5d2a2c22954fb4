package dev.podpath.ingest.kubernetes;

import dev.podpath.core.Finding;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointSlice;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Structural facts between Kubernetes objects that the loader can see without modelling the
 * network: references to objects that are not in the snapshot. Warnings, never errors: a
 * snapshot may be partial on purpose, and later stages say which verdicts depend on it.
 */
public final class KubernetesConsistency {

  /** discovery.k8s.io/v1: the Service an EndpointSlice belongs to is named by this label. */
  static final String SERVICE_NAME_LABEL = "kubernetes.io/service-name";

  private KubernetesConsistency() {}

  public static void check(KubernetesObjects k, List<Finding> findings) {
    Set<String> servicesWithBackends = new HashSet<>();
    for (KubeObject<EndpointSlice> s : k.endpointSlices()) {
      String svc = s.labels().get(SERVICE_NAME_LABEL);
      if (svc == null) {
        findings.add(Finding.warning("k8s/endpointslice-without-service",
            "EndpointSlice " + s.namespace() + "/" + s.name() + " has no " + SERVICE_NAME_LABEL
                + " label, so no Service uses it", s.refOf("metadata")));
        continue;
      }
      servicesWithBackends.add(s.namespace() + "/" + svc);
      if (k.service(s.namespace(), svc).isEmpty()) {
        findings.add(Finding.warning("k8s/endpointslice-without-service",
            "EndpointSlice " + s.namespace() + "/" + s.name() + " belongs to Service " + s.namespace() + "/" + svc
                + ", which is not in the snapshot", s.refOf("metadata.labels")));
      }
    }
    // Endpoints are named after their Service
    k.endpoints().forEach(e -> servicesWithBackends.add(e.namespace() + "/" + e.name()));
    for (KubeObject<Service> s : k.services()) {
      String type = s.object().getSpec() == null ? null : s.object().getSpec().getType();
      if ("ExternalName".equals(type)) {
        continue; // a DNS alias, no backends by design
      }
      if (!servicesWithBackends.contains(s.namespace() + "/" + s.name())) {
        findings.add(Finding.warning("k8s/service-without-endpoints",
            "Service " + s.namespace() + "/" + s.name() + " has no EndpointSlice or Endpoints in the snapshot:"
                + " its backends are unknown", s.where()));
      }
    }
    for (CiliumBGPNodeConfigOverride o : k.bgpNodeConfigOverrides()) {
      // cilium bgp_node_override_types.go: the override applies to the node of the same name only
      if (!k.nodes().isEmpty() && k.node(o.name()).isEmpty()) {
        findings.add(Finding.warning("k8s/bgp-override-unknown-node",
            "CiliumBGPNodeConfigOverride '" + o.name() + "' names no Node of the snapshot, so it overrides nothing",
            o.refOf("metadata.name")));
      }
    }
    for (CiliumBGPClusterConfig c : k.bgpClusterConfigs()) {
      for (CiliumBGPClusterConfig.Instance i : c.bgpInstances()) {
        for (CiliumBGPClusterConfig.Peer p : i.peers()) {
          if (p.peerConfigRef() != null && k.bgpPeerConfig(p.peerConfigRef()).isEmpty()) {
            // cilium bgp_cluster_types.go condition cilium.io/MissingPeerConfigs
            findings.add(Finding.warning("k8s/missing-peer-config",
                "peer '" + p.name() + "' refers to CiliumBGPPeerConfig '" + p.peerConfigRef()
                    + "', which is not in the snapshot", p.where()));
          }
        }
      }
    }
  }
}
