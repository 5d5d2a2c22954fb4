package dev.podpath.model.routing;

import dev.podpath.core.net.IpAddr;
import java.util.List;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The path attributes of one BGP route. Nullable: {@code nextHopLinkLocal} (IPv6 only, RFC 2545),
 * {@code med}, {@code localPref} (absent on eBGP-received routes), {@code originatorId}.
 * Immutable: the with-methods return copies, so identical routes can be shared between hosts.
 */
public record BgpAttributes(
    Origin origin,
    AsPath asPath,
    IpAddr nextHop,
    IpAddr nextHopLinkLocal,
    Long med,
    Long localPref,
    SortedSet<Community> communities,
    Set<LargeCommunity> largeCommunities,
    IpAddr originatorId,
    List<IpAddr> clusterList) {

  public BgpAttributes {
    communities = java.util.Collections.unmodifiableSortedSet(new TreeSet<>(communities));
    largeCommunities = Set.copyOf(largeCommunities);
    clusterList = List.copyOf(clusterList);
  }

  /** A locally originated route: empty AS path, the given origin and next hop, nothing else. */
  public static BgpAttributes local(Origin origin, IpAddr nextHop) {
    return new BgpAttributes(origin, AsPath.EMPTY, nextHop, null, null, null, new TreeSet<>(), Set.of(), null, List.of());
  }

  public BgpAttributes withNextHop(IpAddr nh, IpAddr linkLocal) {
    return new BgpAttributes(origin, asPath, nh, linkLocal, med, localPref, communities, largeCommunities, originatorId, clusterList);
  }

  public BgpAttributes withAsPath(AsPath p) {
    return new BgpAttributes(origin, p, nextHop, nextHopLinkLocal, med, localPref, communities, largeCommunities, originatorId, clusterList);
  }

  public BgpAttributes withMed(Long m) {
    return new BgpAttributes(origin, asPath, nextHop, nextHopLinkLocal, m, localPref, communities, largeCommunities, originatorId, clusterList);
  }

  public BgpAttributes withLocalPref(Long lp) {
    return new BgpAttributes(origin, asPath, nextHop, nextHopLinkLocal, med, lp, communities, largeCommunities, originatorId, clusterList);
  }

  public BgpAttributes withOrigin(Origin o) {
    return new BgpAttributes(o, asPath, nextHop, nextHopLinkLocal, med, localPref, communities, largeCommunities, originatorId, clusterList);
  }

  public BgpAttributes withCommunities(SortedSet<Community> c) {
    return new BgpAttributes(origin, asPath, nextHop, nextHopLinkLocal, med, localPref, c, largeCommunities, originatorId, clusterList);
  }

  public BgpAttributes withLargeCommunities(Set<LargeCommunity> c) {
    return new BgpAttributes(origin, asPath, nextHop, nextHopLinkLocal, med, localPref, communities, c, originatorId, clusterList);
  }

  public BgpAttributes withReflection(IpAddr originator, List<IpAddr> clusters) {
    return new BgpAttributes(origin, asPath, nextHop, nextHopLinkLocal, med, localPref, communities, largeCommunities, originator, clusters);
  }
}
