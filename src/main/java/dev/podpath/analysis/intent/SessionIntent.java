package dev.podpath.analysis.intent;

import dev.podpath.core.SourceRef;
import dev.podpath.core.net.IpAddr;

/**
 * A BGP session that must be Established: the session of {@code host}'s {@code daemon} towards
 * {@code peer} (any daemon when null). A placeholder for the caller, which evaluates it against
 * the BGP engine's sessions; {@code neighborId} is the daemon's id for the neighbor when known
 * (BIRD protocol name, FRR "vrf/neighbor", Cilium "instance/peer").
 */
public record SessionIntent(String name, String host, String daemon, IpAddr peer, String neighborId, String vrf,
    String description, SourceRef where, boolean generated) implements Intent {}
