package dev.podpath.controlplane.spi;

import dev.podpath.core.SourceRef;
import dev.podpath.core.net.IpPrefix;
import dev.podpath.model.routing.BgpAttributes;

/**
 * One candidate route in a daemon's table, for `podpath routes` and for explanations.
 *
 * @param table the daemon's table name (BIRD "master6", FRR "vrf_evpnz1 ipv6 unicast"...)
 * @param prefix the destination
 * @param from where the route came from: a neighbor id, "static", "direct", "kernel", "local"...
 * @param attributes the BGP attributes, or null for a non-BGP route
 * @param best whether this candidate was selected
 * @param status why it is not best or not usable ("lower local-pref than ...", "next hop ::1
 *     unresolvable", "rejected by filter at bird.conf:42"), empty when best
 * @param where the configuration line most responsible for this entry
 * @param arrivalOrderTie a candidate that ties with the best down to a step the real daemon decides
 *     by arrival order (FRR: bgp_path_info_cmp step 12, the older eBGP path), so the real daemon may
 *     have selected it instead; false for the best itself and for every BIRD route
 */
public record RibEntry(
    String table,
    IpPrefix prefix,
    String from,
    BgpAttributes attributes,
    boolean best,
    String status,
    SourceRef where,
    boolean arrivalOrderTie) {

  public RibEntry(String table, IpPrefix prefix, String from, BgpAttributes attributes, boolean best, String status, SourceRef where) {
    this(table, prefix, from, attributes, best, status, where, false);
  }
}
