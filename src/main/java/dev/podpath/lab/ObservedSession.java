package dev.podpath.lab;

import dev.podpath.core.net.IpAddr;

/**
 * One BGP session as a real daemon reports it. {@code name} is BIRD's protocol name, or the peer
 * key for FRR and the stand-in. {@code detail} is the daemon's extra word (BIRD "Last error",
 * FRR peerState such as "Policy" when RFC 8212 blocks it, "neighbor range P" for a BIRD template
 * of dynamic sessions), empty when none. Route counts are
 * null when the daemon does not report them.
 */
public record ObservedSession(
    String host,
    LabDaemon daemon,
    String vrf,
    String name,
    IpAddr peerAddress,
    Long peerAsn,
    Long localAsn,
    SessionState state,
    String detail,
    Integer routesImported,
    Integer routesExported) {

  /** Prefix of {@code detail} for a BIRD "neighbor range" template (it only spawns sessions). */
  public static final String RANGE_TEMPLATE = "neighbor range ";

  /** A template for dynamic peers rather than a session; it never leaves Passive by itself. */
  public boolean rangeTemplate() {
    return daemon == LabDaemon.BIRD && detail.startsWith(RANGE_TEMPLATE);
  }

  public boolean established() {
    return state == SessionState.ESTABLISHED;
  }
}
