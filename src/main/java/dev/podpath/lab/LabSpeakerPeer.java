package dev.podpath.lab;

import dev.podpath.core.net.IpAddr;

/**
 * A peer of the Cilium stand-in: address, AS number, TCP port (179 unless set), the source address
 * to connect from ({@code localAddress}, null = chosen by the kernel; CiliumBGPNodeConfigOverride
 * peers[].localAddress) and the eBGP multihop TTL (CiliumBGPPeerConfig ebgpMultihop, default 1 =
 * multihop off).
 */
public record LabSpeakerPeer(IpAddr address, long asn, int port, IpAddr localAddress, int ebgpMultihopTtl) {

  public LabSpeakerPeer {
    if (asn < 1 || asn > 4294967295L) {
      throw new IllegalArgumentException("peer ASN out of range: " + asn);
    }
    if (port < 1 || port > 65535) {
      throw new IllegalArgumentException("peer port out of range: " + port);
    }
    if (ebgpMultihopTtl < 1 || ebgpMultihopTtl > 255) {
      throw new IllegalArgumentException("eBGP multihop TTL out of range: " + ebgpMultihopTtl);
    }
  }

  /** Cilium's defaults: port 179, kernel-chosen source, no multihop (cilium bgp_peer_types.go). */
  public LabSpeakerPeer(IpAddr address, long asn) {
    this(address, asn, 179, null, 1);
  }
}
