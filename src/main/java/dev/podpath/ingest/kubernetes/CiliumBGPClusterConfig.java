package dev.podpath.ingest.kubernetes;

import dev.podpath.core.SourceRef;
import dev.podpath.core.net.IpAddr;
import dev.podpath.ingest.yaml.YamlDocument;
import java.util.List;
import java.util.Map;

/**
 * CiliumBGPClusterConfig (cilium.io/v2 in 1.18, v2alpha1 in 1.16/1.17). {@code nodeSelector} is
 * null when not written: the config then applies to all nodes.
 */
// cilium pkg/k8s/apis/cilium.io/v2/bgp_cluster_types.go: "If empty / nil this config applies to all nodes."
public record CiliumBGPClusterConfig(
    String apiVersion, String name, Map<String, String> labels, LabelSelector nodeSelector,
    List<Instance> bgpInstances, YamlDocument doc) implements Located {

  public CiliumBGPClusterConfig {
    labels = Map.copyOf(labels);
    bgpInstances = List.copyOf(bgpInstances);
  }

  public boolean selectsNode(Map<String, String> nodeLabels) {
    return LabelSelector.nilSelectsAll(nodeSelector, nodeLabels);
  }

  /**
   * One BGP instance. {@code localAsn} and {@code localPort} are null when not written; without a
   * localPort the instance does not listen for incoming sessions (bgp_cluster_types.go LocalPort).
   */
  public record Instance(String name, Long localAsn, Integer localPort, List<Peer> peers, SourceRef where) {
    public Instance {
      peers = List.copyOf(peers);
    }
  }

  /**
   * One peer. {@code peerAddress} is null when not written (auto-discovery); {@code peerAsn} is
   * null when not written, which Cilium defaults to 0 = accept the ASN of the peer's OPEN.
   * {@code peerConfigRef} is null when the default peer config applies.
   */
  public record Peer(
      String name, IpAddr peerAddress, String zone, Long peerAsn, String autoDiscoveryMode,
      String peerConfigRef, SourceRef where) {

    // cilium bgp_cluster_types.go PeerASN: "+kubebuilder:default=0"; 0 disables OPEN ASN validation
    public long effectivePeerAsn() {
      return peerAsn == null ? 0 : peerAsn;
    }
  }
}
