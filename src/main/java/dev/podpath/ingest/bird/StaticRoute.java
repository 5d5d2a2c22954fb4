package dev.podpath.ingest.bird;

import dev.podpath.core.SourceRef;
import dev.podpath.core.net.IpAddr;
import dev.podpath.core.net.IpPrefix;
import java.util.List;

/**
 * One `route PREFIX ...;` of a static protocol. {@code vias} is non-empty for VIA; {@code
 * recursive} is set for RECURSIVE; {@code attributes} are the `{ ... }` commands after it.
 */
public record StaticRoute(
    IpPrefix prefix, Kind kind, List<Via> vias, IpAddr recursive, List<Stmt> attributes, SourceRef where) {

  public StaticRoute {
    vias = List.copyOf(vias);
    attributes = List.copyOf(attributes);
  }

  /** blackhole/drop, unreachable/reject, prohibit (proto/static/config.Y stat_route). */
  public enum Kind {
    VIA,
    RECURSIVE,
    BLACKHOLE,
    UNREACHABLE,
    PROHIBIT
  }

  /** `via GW[%iface]` (gateway set) or `via "iface"` (gateway null, device route). */
  public record Via(IpAddr gateway, String iface, boolean onlink, int weight) {}
}
