package dev.podpath.lab;

import dev.podpath.core.net.IpAddr;

/**
 * One BGP session as a real daemon reports it. {@code name} is BIRD's protocol name, or the peer
 * key for FRR and the stand-in. {@code detail} is the daemon's extra word (BIRD "Last error",
 * FRR peerState such as "Policy" when RFC 8212 blocks it), empty when none. Route counts are
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

  public boolean established() {
    return state == SessionState.ESTABLISHED;
  }
}
