package dev.podpath.analysis.intent;

import dev.podpath.core.SourceRef;
import dev.podpath.core.net.IpAddr;

/**
 * A BGP session that must be Established: the session of {@code host}'s {@code daemon} towards
 * {@code peer} (any daemon when null). A placeholder for the caller, which evaluates it against
 * the BGP engine's sessions (see {@link SessionEvaluation}); {@code neighborId} is the daemon's id
 * for the neighbor when known (BIRD protocol name, FRR "vrf/neighbor", Cilium "instance/peer").
 */
public record SessionIntent(String name, String host, String daemon, IpAddr peer, String neighborId, String vrf,
    String description, SourceRef where, boolean generated) implements Intent {

  /**
   * Whether a session the engine reports (its host, daemon, neighbor id and peer address) is the
   * one this intent is about: same host, same daemon when one is named, and the same neighbor id
   * when known, else the same peer address.
   */
  public boolean matches(String sessionHost, String sessionDaemon, String sessionNeighborId, IpAddr sessionPeer) {
    if (!host.equals(sessionHost) || (daemon != null && !daemon.equals(sessionDaemon))) {
      return false;
    }
    if (neighborId != null && !neighborId.equals(sessionNeighborId)) {
      return false;
    }
    if (peer != null && !peer.equals(sessionPeer)) {
      return false;
    }
    return neighborId != null || peer != null;
  }
}
