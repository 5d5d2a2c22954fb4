package dev.podpath.controlplane.cilium;

import dev.podpath.ingest.cilium.CiliumVersion;
import dev.podpath.ingest.kubernetes.KubeObject;
import dev.podpath.ingest.kubernetes.KubernetesObjects;
import io.fabric8.kubernetes.api.model.EndpointAddress;
import io.fabric8.kubernetes.api.model.EndpointSubset;
import io.fabric8.kubernetes.api.model.Endpoints;
import io.fabric8.kubernetes.api.model.discovery.v1.Endpoint;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointSlice;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Which nodes have a local endpoint of which Service, as Cilium's BGP service reconciler decides
 * for externalTrafficPolicy=Local / internalTrafficPolicy=Local
 * (pkg/bgpv1/manager/reconcilerv2/service.go populateLocalServices: a backend on this node that is
 * not terminating). Readiness: before 1.18 the agent's endpoint parser drops not-ready,
 * not-terminating endpoints (pkg/k8s/endpoints.go ParseEndpointSliceV1, "Ready != nil && !Ready"
 * => skip); the 1.18 parser keeps every endpoint with its conditions and the reconciler only
 * checks {@code !be.Conditions.IsTerminating()}, so a not-ready local endpoint still counts.
 */
final class LocalEndpoints {

  private final Map<String, Set<String>> nodesByService = new HashMap<>();

  private LocalEndpoints() {}

  static LocalEndpoints of(KubernetesObjects k, CiliumVersion version) {
    LocalEndpoints out = new LocalEndpoints();
    Set<String> withSlices = new HashSet<>();
    boolean readyMatters = !version.atLeast(CiliumVersion.V1_18);
    for (KubeObject<EndpointSlice> s : k.endpointSlices()) {
      String svc = s.labels().get("kubernetes.io/service-name");
      if (svc == null) {
        continue;
      }
      String key = key(s.namespace(), svc);
      withSlices.add(key);
      if (s.object().getEndpoints() == null) {
        continue;
      }
      for (Endpoint e : s.object().getEndpoints()) {
        if (e.getNodeName() == null) {
          continue;
        }
        var c = e.getConditions();
        boolean terminating = c != null && Boolean.TRUE.equals(c.getTerminating());
        // k8s discovery/v1: a nil ready condition means ready
        boolean notReady = c != null && Boolean.FALSE.equals(c.getReady());
        if (terminating || readyMatters && notReady) {
          continue;
        }
        out.nodesByService.computeIfAbsent(key, x -> new HashSet<>()).add(e.getNodeName());
      }
    }
    // legacy Endpoints only for Services without any EndpointSlice (the agent watches slices when the API serves them)
    for (KubeObject<Endpoints> ep : k.endpoints()) {
      String key = key(ep.namespace(), ep.name());
      if (withSlices.contains(key) || ep.object().getSubsets() == null) {
        continue;
      }
      for (EndpointSubset sub : ep.object().getSubsets()) {
        if (sub.getAddresses() == null) {
          continue; // notReadyAddresses are not backends
        }
        for (EndpointAddress a : sub.getAddresses()) {
          if (a.getNodeName() != null) {
            out.nodesByService.computeIfAbsent(key, x -> new HashSet<>()).add(a.getNodeName());
          }
        }
      }
    }
    return out;
  }

  boolean hasLocal(String namespace, String service, String node) {
    return nodesByService.getOrDefault(key(namespace, service), Set.of()).contains(node);
  }

  private static String key(String ns, String name) {
    return ns + "/" + name;
  }
}
