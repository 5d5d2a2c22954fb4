package dev.podpath.ingest.kubernetes;

import dev.podpath.core.SourceRef;
import dev.podpath.ingest.yaml.YamlDocument;
import java.util.List;
import java.util.Map;

/** CiliumBGPAdvertisement: what a peer family advertises when its selector picks this object by label. */
public record CiliumBGPAdvertisement(
    String apiVersion, String name, Map<String, String> labels, List<Advertisement> advertisements,
    YamlDocument doc) implements Located {

  public CiliumBGPAdvertisement {
    labels = Map.copyOf(labels);
    advertisements = List.copyOf(advertisements);
  }

  /**
   * One entry. {@code type} is kept as written (PodCIDR, CiliumPodIPPool, Service, Interface...):
   * "Consumer of this API should be able to handle unknown values" (bgp_advert_types.go).
   * {@code selector} is null when not written: then nothing of that type is selected.
   * {@code interfaceName} is set for the newer Interface type only.
   */
  public record Advertisement(
      String type, List<String> serviceAddresses, Integer aggregationLengthIPv4, Integer aggregationLengthIPv6,
      LabelSelector selector, List<String> standardCommunities, List<String> wellKnownCommunities,
      List<String> largeCommunities, Long localPreference, String interfaceName, SourceRef where) {

    public Advertisement {
      serviceAddresses = List.copyOf(serviceAddresses);
      standardCommunities = List.copyOf(standardCommunities);
      wellKnownCommunities = List.copyOf(wellKnownCommunities);
      largeCommunities = List.copyOf(largeCommunities);
    }

    // cilium bgp_advert_types.go Selector: "If not specified, no objects of the type ... are selected"
    public boolean selects(Map<String, String> objectLabels) {
      return LabelSelector.nilSelectsNone(selector, objectLabels);
    }
  }
}
