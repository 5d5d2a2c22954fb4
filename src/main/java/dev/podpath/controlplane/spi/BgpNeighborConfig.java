package dev.podpath.controlplane.spi;

import dev.podpath.core.SourceRef;
import dev.podpath.core.net.IpAddr;
import java.util.Set;

/**
 * A BGP neighbor as one daemon's configuration declares it, in the terms the engine needs to
 * decide whether a session comes up. Vendor defaults are already applied by the vendor's
 * converter (e.g. BIRD's default port 179; FRR's activation of IPv4 unicast by
 * {@code bgp default ipv4-unicast}).
 *
 * @param id unique within the daemon (BIRD protocol name; FRR "vrf/neighbor"; Cilium "instance/peer")
 * @param vrf the VRF the session lives in, or null for the default VRF
 * @param localAs this side's AS for the session
 * @param peerAs the AS this side expects: an exact ASN, or "internal"/"external"/"any"
 * @param peerAddress the neighbor address this side connects to / accepts
 * @param peerPort the TCP port this side connects to
 * @param localAddress the source address this side binds (BIRD `local`/`source address`, FRR
 *     `update-source` address, Cilium localAddress), or null to let the kernel choose
 * @param listens whether this side accepts incoming connections for this neighbor (Cilium: only
 *     with localPort; FRR bgpd -p 0: no)
 * @param passive whether this side never opens the connection itself
 * @param multihopTtl the TTL allowed (1 = directly connected only); BIRD `multihop`, FRR
 *     `ebgp-multihop`; iBGP sessions are multihop by default in both
 * @param connectedCheck false when the daemon skips the "neighbor is on a connected subnet"
 *     check (FRR `disable-connected-check`)
 * @param interfaceName bound interface (BIRD `interface`, link-local peers), or null
 * @param passwordDigest a stable digest of the TCP-MD5 password (never the password), or null
 * @param families the address families this side activates on the session
 * @param where the configuration line that declares the neighbor
 */
public record BgpNeighborConfig(
    String id,
    String vrf,
    long localAs,
    PeerAs peerAs,
    IpAddr peerAddress,
    int peerPort,
    IpAddr localAddress,
    boolean listens,
    boolean passive,
    int multihopTtl,
    boolean connectedCheck,
    String interfaceName,
    String passwordDigest,
    Set<AddressFamily> families,
    SourceRef where) {

  public BgpNeighborConfig {
    families = Set.copyOf(families);
  }

  /** What a side expects of the peer's AS. */
  public sealed interface PeerAs {
    boolean accepts(long localAs, long remoteAs);

    /** An exact ASN. */
    record Exact(long asn) implements PeerAs {
      @Override
      public boolean accepts(long localAs, long remoteAs) {
        return remoteAs == asn;
      }
    }

    /** iBGP: the peer's AS equals ours (BIRD `internal`, FRR `remote-as internal`). */
    record Internal() implements PeerAs {
      @Override
      public boolean accepts(long localAs, long remoteAs) {
        return remoteAs == localAs;
      }
    }

    /** eBGP with any other AS (BIRD `external`, FRR `remote-as external`). */
    record External() implements PeerAs {
      @Override
      public boolean accepts(long localAs, long remoteAs) {
        return remoteAs != localAs;
      }
    }

    /** Whatever the peer says in its OPEN (Cilium peerASN 0 where supported). */
    record Any() implements PeerAs {
      @Override
      public boolean accepts(long localAs, long remoteAs) {
        return true;
      }
    }
  }
}
