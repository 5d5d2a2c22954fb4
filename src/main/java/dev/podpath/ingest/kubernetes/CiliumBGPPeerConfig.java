package dev.podpath.ingest.kubernetes;

import dev.podpath.core.SourceRef;
import dev.podpath.ingest.yaml.YamlDocument;
import java.util.List;
import java.util.Map;

/**
 * CiliumBGPPeerConfig: every field is null/empty when not written; the {@code effective...}
 * methods apply Cilium's defaults (cilium pkg/k8s/apis/cilium.io/v2/bgp_peer_types.go SetDefaults).
 */
public record CiliumBGPPeerConfig(
    String apiVersion, String name, Map<String, String> labels, Integer peerPort,
    Integer connectRetryTimeSeconds, Integer holdTimeSeconds, Integer keepAliveTimeSeconds,
    String authSecretRef, Boolean gracefulRestartEnabled, Integer gracefulRestartTimeSeconds,
    Integer ebgpMultihop, List<Family> families, YamlDocument doc) implements Located {

  public CiliumBGPPeerConfig {
    labels = Map.copyOf(labels);
    families = List.copyOf(families);
  }

  /**
   * An address family. {@code advertisements} is null when not written: then nothing is advertised
   * for this family (bgp_peer_types.go: "If not specified, no advertisements are sent").
   */
  public record Family(String afi, String safi, LabelSelector advertisements, SourceRef where) {
    public boolean selectsAdvertisement(Map<String, String> advertisementLabels) {
      return LabelSelector.nilSelectsNone(advertisements, advertisementLabels);
    }
  }

  // cilium bgp_peer_types.go CiliumBGPTransport.SetDefaults: nil or 0 -> DefaultBGPPeerPort 179
  public int effectivePeerPort() {
    return peerPort == null || peerPort == 0 ? 179 : peerPort;
  }

  // cilium bgp_peer_types.go CiliumBGPTimers.SetDefaults: 120 / 90 / 30 seconds
  public int effectiveConnectRetryTimeSeconds() {
    return connectRetryTimeSeconds == null || connectRetryTimeSeconds == 0 ? 120 : connectRetryTimeSeconds;
  }

  public int effectiveHoldTimeSeconds() {
    return holdTimeSeconds == null || holdTimeSeconds == 0 ? 90 : holdTimeSeconds;
  }

  public int effectiveKeepAliveTimeSeconds() {
    return keepAliveTimeSeconds == null || keepAliveTimeSeconds == 0 ? 30 : keepAliveTimeSeconds;
  }

  // cilium bgp_peer_types.go SetDefaults: EBGPMultihop nil -> DefaultBGPEBGPMultihopTTL 1 (multihop off)
  public int effectiveEbgpMultihop() {
    return ebgpMultihop == null ? 1 : ebgpMultihop;
  }

  // cilium bgp_peer_types.go SetDefaults: no families -> ipv6/unicast and ipv4/unicast, without advertisements
  public List<Family> effectiveFamilies() {
    if (!families.isEmpty()) {
      return families;
    }
    return List.of(new Family("ipv6", "unicast", null, where()), new Family("ipv4", "unicast", null, where()));
  }

  /** The default peer config Cilium uses for a peer without peerConfigRef (all defaults). */
  public static CiliumBGPPeerConfig defaults(YamlDocument doc) {
    return new CiliumBGPPeerConfig("cilium.io/v2", "", Map.of(), null, null, null, null, null, null, null, null, List.of(), doc);
  }
}
