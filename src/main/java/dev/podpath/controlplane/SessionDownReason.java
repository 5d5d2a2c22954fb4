package dev.podpath.controlplane;

/**
 * Why a configured BGP session does not reach Established, in the order the engine checks them
 * (Batfish bgpSessionStatus: compatibility first, then TCP reachability on the computed data plane).
 */
public enum SessionDownReason {
  /** No host of the snapshot has the neighbor address on an interface (nor is it loopback). */
  NO_PEER_OWNS_ADDRESS("no host owns the peer address"),
  /** The owner runs no daemon with a neighbor pointing back at an address of this host. */
  NO_MATCHING_NEIGHBOR("the peer has no matching neighbor configuration"),
  /** One side's expected peer AS differs from the other side's local AS. */
  AS_MISMATCH("AS mismatch"),
  /** TCP-MD5 password configured on one side only, or different. */
  PASSWORD_MISMATCH("TCP-MD5 password mismatch"),
  /** The two sides activate no address family in common. */
  NO_COMMON_FAMILY("no common address family"),
  /** Both sides are passive: nobody opens the connection. */
  BOTH_PASSIVE("both sides are passive"),
  /** The side that could connect finds nobody listening (Cilium without localPort, bgpd -p 0, peer passive). */
  NO_LISTENER("neither side listens where the other connects"),
  /** The active side connects to a port the other side does not listen on. */
  PORT_MISMATCH("port mismatch"),
  /**
   * A side cannot peer over a loopback address: FRR's zebra drops ::1 and 127.0.0.0/8 as martians
   * (F84 zebra/connected.c connected_add_ipv4/ipv6), so bgpd never resolves the peer ("Waiting for
   * NHT") and resets an accepted connection ("nexthop_set failed").
   */
  LOOPBACK_UNUSABLE("FRR cannot peer over ::1 / 127.0.0.0/8 (zebra ignores loopback addresses)"),
  /** No route, a drop, or no neighbor on the way, in one direction of the TCP connection. */
  NO_TCP_PATH("no route for the TCP connection"),
  /** The connection's source address is not the address the other side expects (or binds). */
  SOURCE_ADDRESS_MISMATCH("source address mismatch"),
  /** eBGP with TTL 1 (no multihop) but the peer is not on a connected subnet, or is behind a router. */
  NOT_DIRECTLY_CONNECTED("eBGP peer not directly connected"),
  /** The path has more router hops than the configured multihop TTL allows. */
  TTL_TOO_SMALL("multihop TTL smaller than the path");

  private final String summary;

  SessionDownReason(String summary) {
    this.summary = summary;
  }

  public String summary() {
    return summary;
  }

  /** The stable finding code for this reason, e.g. {@code bgp/session-down/as-mismatch}. */
  public String code() {
    return "bgp/session-down/" + name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
  }
}
