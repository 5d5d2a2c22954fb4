package dev.podpath.ingest.frr;

import dev.podpath.core.SourceRef;
import dev.podpath.core.net.IpAddr;
import java.util.List;
import java.util.Map;

/**
 * One `router bgp ASN [vrf NAME]` instance. Booleans hold the effective value (the explicit line
 * if any, else the default of {@link #defaults()}); {@link #lines()} names the line of every
 * explicit setting ("ebgp-requires-policy", "default ipv4-unicast", ...).
 *
 * @param vrf null for the default VRF
 * @param routerId `bgp router-id`, or null (zebra then picks one)
 * @param listenLimit `bgp listen limit` (100 by default: bgpd.h BGP_DYNAMIC_NEIGHBORS_LIMIT_DEFAULT)
 * @param neighbors address and interface neighbors, in config order
 * @param peerGroups peer-groups, in config order
 * @param afs address-family content (always both IPV4 and IPV6, empty when not configured)
 * @param evpn `address-family l2vpn evpn`, or null
 */
public record FrrBgpRouter(
    long asn,
    String vrf,
    IpAddr routerId,
    FrrDefaults defaults,
    boolean ebgpRequiresPolicy,
    boolean defaultIpv4Unicast,
    boolean defaultIpv6Unicast,
    boolean networkImportCheck,
    boolean asPathMultipathRelax,
    boolean asPathIgnore,
    boolean compareRouterId,
    boolean alwaysCompareMed,
    boolean deterministicMed,
    boolean medMissingAsWorst,
    boolean allowMartianNexthop,
    boolean disableEbgpConnectedRouteCheck,
    long defaultLocalPreference,
    IpAddr clusterId,
    List<FrrListenRange> listenRanges,
    int listenLimit,
    Map<String, FrrNeighbor> neighbors,
    Map<String, FrrNeighbor> peerGroups,
    Map<Afi, FrrBgpAf> afs,
    FrrEvpn evpn,
    Map<String, SourceRef> lines,
    SourceRef where) {

  public FrrBgpRouter {
    listenRanges = List.copyOf(listenRanges);
    neighbors = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(neighbors));
    peerGroups = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(peerGroups));
    afs = Map.copyOf(afs);
    lines = Map.copyOf(lines);
  }

  public FrrBgpAf af(Afi afi) {
    return afs.getOrDefault(afi, FrrBgpAf.empty(afi));
  }

  /** The line of an explicit setting, or SourceRef.NONE when the default applies. */
  public SourceRef line(String setting) {
    return lines.getOrDefault(setting, SourceRef.NONE);
  }

  /** "default" or the VRF name, for ids and messages. */
  public String vrfName() {
    return vrf == null ? "default" : vrf;
  }
}
