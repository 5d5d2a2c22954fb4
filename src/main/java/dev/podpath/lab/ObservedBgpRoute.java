package dev.podpath.lab;

import dev.podpath.core.net.IpAddr;
import dev.podpath.core.net.IpPrefix;
import java.util.List;
import java.util.Map;

/**
 * One route in a daemon's routing table. {@code table} is BIRD's table name (master6), FRR's VRF
 * name (default) or "global" for the stand-in. {@code source} says where the daemon got it (bgp,
 * static, device, kernel, local for FRR's own originations); {@code from} is the BIRD protocol or
 * the FRR peer. {@code kind} is BIRD's destination (unicast, unreachable, blackhole...) or, for
 * FRR and GoBGP, "unicast" when valid and "invalid" when the daemon marks it unusable.
 * {@code nextHop} is the BGP next hop when there is one, else the gateway (null when none).
 * {@code attributes} keeps the other BGP attributes as printed (communities...), for later checks.
 */
public record ObservedBgpRoute(
    String host,
    LabDaemon daemon,
    String table,
    IpPrefix prefix,
    String source,
    String from,
    boolean best,
    String kind,
    IpAddr nextHop,
    List<Long> asPath,
    String origin,
    Long localPref,
    Long med,
    Map<String, String> attributes) {

  public ObservedBgpRoute {
    asPath = List.copyOf(asPath);
    attributes = Map.copyOf(attributes);
  }
}
