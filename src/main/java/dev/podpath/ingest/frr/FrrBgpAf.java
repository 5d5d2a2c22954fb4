package dev.podpath.ingest.frr;

import dev.podpath.core.SourceRef;
import java.util.List;

/**
 * The instance-level content of `address-family ipv4|ipv6 unicast` (the per-neighbor lines live
 * in {@link FrrNeighborAf}).
 *
 * @param maximumPaths `maximum-paths N` (eBGP), {@link #MULTIPATH_NUM} when absent
 * @param maximumPathsIbgp `maximum-paths ibgp N`, {@link #MULTIPATH_NUM} when absent
 * @param importVrfs `import vrf NAME` lines
 */
public record FrrBgpAf(
    Afi afi,
    List<FrrNetwork> networks,
    List<FrrRedistribute> redistributes,
    int maximumPaths,
    int maximumPathsIbgp,
    List<String> importVrfs,
    SourceRef where) {

  /**
   * bgpd's default and upper bound for both: MULTIPATH_NUM of the build (F84 bgpd/bgpd.c bgp_create
   * sets maxpaths_ebgp/ibgp to multipath_num; bgp_vty.c `maximum-paths (1-MULTIPATH_NUM)`). Debian's
   * frr 8.4.4 is configured with --enable-multipath=256 (debian/rules; lab: libfrr.so configure
   * string, 2026-11-26), so without `maximum-paths` every equal path is installed.
   */
  public static final int MULTIPATH_NUM = 256;

  public FrrBgpAf {
    networks = List.copyOf(networks);
    redistributes = List.copyOf(redistributes);
    importVrfs = List.copyOf(importVrfs);
  }

  public static FrrBgpAf empty(Afi afi) {
    return new FrrBgpAf(afi, List.of(), List.of(), MULTIPATH_NUM, MULTIPATH_NUM, List.of(), SourceRef.NONE);
  }
}
