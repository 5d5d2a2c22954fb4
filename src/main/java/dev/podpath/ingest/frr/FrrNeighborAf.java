package dev.podpath.ingest.frr;

import dev.podpath.core.SourceRef;
import java.util.Map;
import java.util.Set;

/**
 * What one neighbor (or peer-group) line set says inside one address family. Null or false means
 * "not said here" (a peer-group member then inherits the group's value).
 *
 * @param activate TRUE `neighbor X activate`, FALSE `no neighbor X activate`, null unsaid
 * @param allowasIn `allowas-in [N]` count (3 when no number: bgp_vty.c neighbor_allowas_in), null unsaid
 * @param lines the line of every setting said here, by setting name ("route-map in", "activate"...)
 */
public record FrrNeighborAf(
    Boolean activate,
    String routeMapIn,
    String routeMapOut,
    String prefixListIn,
    String prefixListOut,
    String filterListIn,
    String filterListOut,
    NextHopSelf nextHopSelf,
    boolean routeReflectorClient,
    boolean softReconfigurationInbound,
    Integer allowasIn,
    boolean allowasInOrigin,
    Set<Unchanged> attributeUnchanged,
    Integer weight,
    boolean defaultOriginate,
    Integer maximumPrefix,
    boolean nexthopLocalUnchanged,
    Map<String, SourceRef> lines) {

  public FrrNeighborAf {
    attributeUnchanged = Set.copyOf(attributeUnchanged);
    lines = Map.copyOf(lines);
  }

  public enum NextHopSelf {
    NONE,
    SELF,
    /** `next-hop-self force` (also for reflected routes); FRR 8.4 also accepts `all` as a synonym. */
    FORCE
  }

  public enum Unchanged {
    AS_PATH,
    NEXT_HOP,
    MED
  }

  public SourceRef line(String setting) {
    return lines.getOrDefault(setting, SourceRef.NONE);
  }
}
