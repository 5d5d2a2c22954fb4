package dev.podpath.ingest.kubernetes;

import dev.podpath.core.Finding;
import dev.podpath.ingest.DocFields;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Field names of the Cilium CRDs podpath reads (from the Go types in cilium
 * pkg/k8s/apis/cilium.io/{v2,v2alpha1}/*_types.go). A misspelt field (`peerAdress`) is pruned by
 * the API server's structural schema or refused by `kubectl apply --validate=strict`; either way
 * Cilium never sees it, so podpath warns instead of silently reading the object without it.
 */
final class KnownFields {

  private KnownFields() {}

  private static final Set<String> SELECTOR = Set.of("matchLabels", "matchExpressions");
  private static final Set<String> GR = Set.of("enabled", "restartTimeSeconds");

  /** Per kind: path pattern ({@code []} = every list item) -> the keys allowed there. */
  private static final Map<String, Map<String, Set<String>>> SCHEMA = Map.of(
      "CiliumBGPClusterConfig", Map.of(
          "spec", Set.of("nodeSelector", "bgpInstances"),
          "spec.nodeSelector", SELECTOR,
          "spec.bgpInstances[]", Set.of("name", "localASN", "localPort", "peers"),
          "spec.bgpInstances[].peers[]", Set.of("name", "peerAddress", "peerASN", "autoDiscovery", "peerConfigRef")),
      "CiliumBGPPeerConfig", Map.of(
          "spec", Set.of("transport", "timers", "authSecretRef", "gracefulRestart", "ebgpMultihop", "families"),
          "spec.transport", Set.of("peerPort"),
          "spec.timers", Set.of("connectRetryTimeSeconds", "holdTimeSeconds", "keepAliveTimeSeconds"),
          "spec.gracefulRestart", GR,
          "spec.families[]", Set.of("afi", "safi", "advertisements"),
          "spec.families[].advertisements", SELECTOR),
      "CiliumBGPAdvertisement", Map.of(
          "spec", Set.of("advertisements"),
          "spec.advertisements[]", Set.of("advertisementType", "service", "selector", "attributes", "interface"),
          "spec.advertisements[].service", Set.of("addresses", "aggregationLengthIPv4", "aggregationLengthIPv6"),
          "spec.advertisements[].selector", SELECTOR,
          "spec.advertisements[].attributes", Set.of("communities", "localPreference"),
          "spec.advertisements[].attributes.communities", Set.of("standard", "wellKnown", "large")),
      "CiliumBGPNodeConfigOverride", Map.of(
          "spec", Set.of("bgpInstances"),
          "spec.bgpInstances[]", Set.of("name", "routerID", "localPort", "peers", "localASN"),
          "spec.bgpInstances[].peers[]", Set.of("name", "localAddress", "localPort")),
      "CiliumBGPPeeringPolicy", Map.of(
          "spec", Set.of("nodeSelector", "virtualRouters"),
          "spec.nodeSelector", SELECTOR,
          "spec.virtualRouters[]", Set.of("localASN", "exportPodCIDR", "podIPPoolSelector", "serviceSelector",
              "serviceAdvertisements", "neighbors"),
          "spec.virtualRouters[].neighbors[]", Set.of("peerAddress", "peerPort", "peerASN", "eBGPMultihopTTL",
              "connectRetryTimeSeconds", "holdTimeSeconds", "keepAliveTimeSeconds", "gracefulRestart", "families",
              "advertisedPathAttributes", "authSecretRef"),
          "spec.virtualRouters[].neighbors[].gracefulRestart", GR),
      "CiliumLoadBalancerIPPool", Map.of(
          "spec", Set.of("blocks", "cidrs", "serviceSelector", "disabled", "allowFirstLastIPs"),
          "spec.serviceSelector", SELECTOR,
          "spec.blocks[]", Set.of("cidr", "start", "stop"),
          "spec.cidrs[]", Set.of("cidr", "start", "stop")),
      "CiliumNode", Map.of());

  static void check(DocFields f, String kind, List<Finding> findings) {
    Map<String, Set<String>> schema = SCHEMA.getOrDefault(kind, Map.of());
    schema.forEach((pattern, keys) -> {
      for (String path : expand(f, pattern)) {
        if (!(f.at(path) instanceof Map<?, ?>)) {
          continue;
        }
        for (String k : f.unknownKeys(path, keys)) {
          findings.add(Finding.warning("k8s/unknown-field", kind + " field '" + DocFields.child(path, k)
              + "' is not in the CRD; the API server drops it, so Cilium never sees it (known here: "
              + keys.stream().sorted().toList() + ")", f.ref(DocFields.child(path, k))));
        }
      }
    });
  }

  /** The concrete paths of a pattern, one per list item where it says {@code []}. */
  private static List<String> expand(DocFields f, String pattern) {
    List<String> out = new ArrayList<>();
    int i = pattern.indexOf("[]");
    if (i < 0) {
      out.add(pattern);
      return out;
    }
    String head = pattern.substring(0, i);
    String tail = pattern.substring(i + 2);
    if (!(f.at(head) instanceof List<?> l)) {
      return out;
    }
    for (int n = 0; n < l.size(); n++) {
      String concrete = DocFields.item(head, n) + tail;
      out.addAll(expand(f, concrete));
    }
    return out;
  }
}
