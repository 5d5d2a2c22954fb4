package dev.podpath.ingest.kubernetes;

import dev.podpath.core.SourceRef;
import dev.podpath.core.net.IpPrefix;
import dev.podpath.ingest.yaml.YamlDocument;
import java.util.List;
import java.util.Map;

/**
 * Legacy CiliumBGPPeeringPolicy (cilium.io/v2alpha1, BGPv1). Null fields were not written.
 * Source: cilium pkg/k8s/apis/cilium.io/v2alpha1/bgpp_types.go.
 */
public record CiliumBGPPeeringPolicy(
    String apiVersion, String name, LabelSelector nodeSelector, List<VirtualRouter> virtualRouters, YamlDocument doc)
    implements Located {

  public CiliumBGPPeeringPolicy {
    virtualRouters = List.copyOf(virtualRouters);
  }

  // cilium bgpp_types.go NodeSelector: "If empty / nil this policy applies to all nodes."
  public boolean selectsNode(Map<String, String> nodeLabels) {
    return LabelSelector.nilSelectsAll(nodeSelector, nodeLabels);
  }

  /**
   * A virtual router. {@code serviceSelector} null: "If empty / nil no services will be announced"
   * (bgpp_types.go; note that the source says empty too, unlike the v2 selectors).
   */
  public record VirtualRouter(
      long localAsn, Boolean exportPodCIDR, LabelSelector serviceSelector, LabelSelector podIPPoolSelector,
      List<String> serviceAdvertisements, List<Neighbor> neighbors, SourceRef where) {

    public VirtualRouter {
      serviceAdvertisements = List.copyOf(serviceAdvertisements);
      neighbors = List.copyOf(neighbors);
    }

    // cilium bgpp_types.go SetDefaults: ExportPodCIDR nil -> DefaultBGPExportPodCIDR false
    public boolean effectiveExportPodCIDR() {
      return exportPodCIDR != null && exportPodCIDR;
    }
  }

  /**
   * A neighbor; {@code peerAddress} is a CIDR ("must be in CIDR notation and use a /32 to express
   * a single host", bgpp_types.go). Families are "afi/safi" strings.
   */
  public record Neighbor(
      IpPrefix peerAddress, Integer peerPort, long peerAsn, Integer eBGPMultihopTTL, Integer connectRetryTimeSeconds,
      Integer holdTimeSeconds, Integer keepAliveTimeSeconds, Boolean gracefulRestartEnabled,
      Integer gracefulRestartTimeSeconds, String authSecretRef, List<String> families, SourceRef where) {

    public Neighbor {
      families = List.copyOf(families);
    }

    // cilium bgpp_types.go CiliumBGPNeighbor.SetDefaults: port 179, TTL 1, no families -> ipv4+ipv6 unicast
    public int effectivePeerPort() {
      return peerPort == null || peerPort == 0 ? 179 : peerPort;
    }

    public int effectiveEBGPMultihopTTL() {
      return eBGPMultihopTTL == null ? 1 : eBGPMultihopTTL;
    }

    public List<String> effectiveFamilies() {
      return families.isEmpty() ? List.of("ipv4/unicast", "ipv6/unicast") : families;
    }
  }
}
