package dev.podpath.lab;

import dev.podpath.core.net.IpPrefix;
import java.util.List;

/**
 * The stand-in for the BGP speaker that cilium-agent embeds on Kubernetes node {@code host}: a
 * GoBGP daemon in that node's namespace. {@code listenPort} null means it does not listen, which
 * is what Cilium does unless {@code localPort} is set (cilium pkg/k8s/apis/cilium.io/v2
 * bgp_cluster_types.go localPort). {@code originate} are the PodCIDRs / LB IPs it advertises.
 */
public record LabSpeaker(
    String host, long localAsn, String routerId, List<LabSpeakerPeer> peers, Integer listenPort, List<IpPrefix> originate) {

  public LabSpeaker {
    if (localAsn < 1 || localAsn > 4294967295L) {
      throw new IllegalArgumentException("local ASN out of range: " + localAsn);
    }
    peers = List.copyOf(peers);
    originate = List.copyOf(originate);
  }
}
