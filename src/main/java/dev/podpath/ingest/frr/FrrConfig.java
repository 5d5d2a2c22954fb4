package dev.podpath.ingest.frr;

import java.util.List;
import java.util.Map;

/**
 * One frr.conf as written, every object with its file:line.
 *
 * @param file the file path relative to the snapshot root
 * @param daemonVersion the FRR version assumed to read the file (the oracle: Debian's 8.4.4)
 * @param defaults the defaults in force at the end of the file (instances keep their own)
 * @param hostname `hostname`, or null
 * @param bgpRouters every `router bgp` instance, default VRF first, then by VRF name
 * @param ipPrefixLists `ip prefix-list` by name; {@code ipv6PrefixLists} likewise
 * @param nhtResolveViaDefaultV4 `ip nht resolve-via-default`; {@code ...V6} for ipv6
 */
public record FrrConfig(
    String file,
    FrrVersion daemonVersion,
    FrrDefaults defaults,
    String hostname,
    Map<String, FrrVrf> vrfs,
    Map<String, FrrInterface> interfaces,
    List<FrrStaticRoute> staticRoutes,
    List<FrrBgpRouter> bgpRouters,
    Map<String, FrrPrefixList> ipPrefixLists,
    Map<String, FrrPrefixList> ipv6PrefixLists,
    Map<String, FrrAsPathList> asPathLists,
    Map<String, FrrCommunityList> communityLists,
    Map<String, FrrRouteMap> routeMaps,
    boolean nhtResolveViaDefaultV4,
    boolean nhtResolveViaDefaultV6) {

  public FrrConfig {
    vrfs = Map.copyOf(vrfs);
    interfaces = Map.copyOf(interfaces);
    staticRoutes = List.copyOf(staticRoutes);
    bgpRouters = List.copyOf(bgpRouters);
    ipPrefixLists = Map.copyOf(ipPrefixLists);
    ipv6PrefixLists = Map.copyOf(ipv6PrefixLists);
    asPathLists = Map.copyOf(asPathLists);
    communityLists = Map.copyOf(communityLists);
    routeMaps = Map.copyOf(routeMaps);
  }

  /** The instance of a VRF (null = default), if configured. */
  public java.util.Optional<FrrBgpRouter> bgpRouter(String vrf) {
    return bgpRouters.stream().filter(r -> java.util.Objects.equals(r.vrf(), vrf)).findFirst();
  }

  public FrrPrefixList prefixList(boolean v6, String name) {
    return (v6 ? ipv6PrefixLists : ipPrefixLists).get(name);
  }
}
