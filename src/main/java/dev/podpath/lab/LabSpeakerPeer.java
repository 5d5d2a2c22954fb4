package dev.podpath.lab;

import dev.podpath.core.net.IpAddr;

/** A peer of the Cilium stand-in: address, AS number and TCP port (179 unless set). */
public record LabSpeakerPeer(IpAddr address, long asn, int port) {

  public LabSpeakerPeer {
    if (asn < 1 || asn > 4294967295L) {
      throw new IllegalArgumentException("peer ASN out of range: " + asn);
    }
    if (port < 1 || port > 65535) {
      throw new IllegalArgumentException("peer port out of range: " + port);
    }
  }

  public LabSpeakerPeer(IpAddr address, long asn) {
    this(address, asn, 179);
  }
}
