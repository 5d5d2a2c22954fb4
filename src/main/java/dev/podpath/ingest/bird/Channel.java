package dev.podpath.ingest.bird;

import dev.podpath.core.SourceRef;
import dev.podpath.core.net.IpAddr;

/**
 * One channel of a protocol (`ipv4 { ... };` / `ipv6;`). Null fields were not written in the
 * config: the daemon applies BIRD's defaults, which depend on the protocol (e.g. eBGP needs
 * explicit import/export). BGP-only options are null for other protocols.
 *
 * @param nettype "ipv4" or "ipv6" (others are kept as written)
 * @param table the `table` option, or null for the default master4/master6
 * @param importPolicy `import ...`, or null when not written
 * @param exportPolicy `export ...`, or null when not written
 * @param preference `preference N`, or null for the protocol default
 * @param importLimit `import limit N` (null = off)
 * @param exportLimit `export limit N` (null = off)
 * @param nextHopSelf BGP `next hop self [on|off|ibgp|ebgp]`, null when absent
 * @param nextHopKeep BGP `next hop keep [...]`, null when absent
 * @param nextHopAddress BGP `next hop address IP`
 * @param gateway BGP `gateway direct|recursive`, null = default by session type
 * @param extendedNextHop BGP `extended next hop`, null = default (off)
 * @param addPaths BGP `add paths` as written ("on", "off", "rx", "tx"), null = off
 * @param igpTable BGP `igp table NAME`
 */
public record Channel(
    String nettype,
    SourceRef where,
    String table,
    Policy importPolicy,
    Policy exportPolicy,
    Integer preference,
    Long importLimit,
    Long exportLimit,
    NextHopScope nextHopSelf,
    SourceRef nextHopSelfWhere,
    NextHopScope nextHopKeep,
    IpAddr nextHopAddress,
    Gateway gateway,
    SourceRef gatewayWhere,
    Boolean extendedNextHop,
    String addPaths,
    String igpTable) {

  public boolean v6() {
    return "ipv6".equals(nettype);
  }

  /** Which sessions a `next hop self|keep` option applies to. */
  public enum NextHopScope {
    OFF,
    ALL,
    IBGP,
    EBGP
  }

  public enum Gateway {
    DIRECT,
    RECURSIVE
  }
}
