package dev.podpath.ingest.frr;

import dev.podpath.core.SourceRef;
import java.util.List;

/**
 * The instance-level content of `address-family ipv4|ipv6 unicast` (the per-neighbor lines live
 * in {@link FrrNeighborAf}).
 *
 * @param maximumPaths `maximum-paths N` (eBGP), 1 when absent
 * @param maximumPathsIbgp `maximum-paths ibgp N`, 1 when absent
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

  public FrrBgpAf {
    networks = List.copyOf(networks);
    redistributes = List.copyOf(redistributes);
    importVrfs = List.copyOf(importVrfs);
  }

  public static FrrBgpAf empty(Afi afi) {
    return new FrrBgpAf(afi, List.of(), List.of(), 1, 1, List.of(), SourceRef.NONE);
  }
}
