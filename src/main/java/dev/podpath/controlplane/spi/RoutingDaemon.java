package dev.podpath.controlplane.spi;

import dev.podpath.core.Finding;
import dev.podpath.core.net.IpAddr;
import dev.podpath.model.routing.BgpRoute;
import dev.podpath.model.routing.KernelRoute;
import java.util.List;

/**
 * One routing daemon instance on one host, simulated: a bird2 process, an FRR process (all its
 * VRFs), or the Cilium agent's BGP speaker. Each vendor implements its own semantics (filters,
 * best path, next-hop rules, kernel export); the engine ({@code dev.podpath.controlplane}) owns
 * session establishment, the exchange of routes between daemons and the fixed point.
 *
 * <p>Protocol with the engine, repeated until nothing changes:
 * <ol>
 *   <li>{@link #neighbors()} once: the engine decides which sessions come up;
 *   <li>{@link #open(List)} once with the established sessions of this daemon;
 *   <li>{@link #receive} whenever what a peer sends changes (it replaces that session's
 *       Adj-RIB-In for that family), then {@link #settle()};
 *   <li>{@link #advertise} for each session, {@link #kernelRoutes()} for the host's FIB.
 * </ol>
 * The engine runs this inside an outer fixed point (sessions depend on the FIBs that the routes
 * produce): when the set of established sessions changes it calls {@link #open(List)} again, which
 * must reset everything received; when only the host's kernel routes change it calls
 * {@link #hostView(HostView)} and then {@link #settle()}.
 * Implementations must be deterministic: the same inputs in any order give the same outputs
 * (sort by prefix, never iterate a HashMap into an output).
 */
public interface RoutingDaemon {

  /** The host (folder name under hosts/) this daemon runs on. */
  String host();

  /** A short stable name, e.g. "bird", "frr", "cilium". */
  String name();

  /** Every BGP neighbor this daemon's configuration declares (including ones that never come up). */
  List<BgpNeighborConfig> neighbors();

  /** The sessions that the engine found Established for this daemon (may be empty). */
  void open(List<SessionContext> sessions);

  /** Replaces everything received on a session for one address family. */
  void receive(SessionContext session, AddressFamily family, List<BgpRoute> routes);

  /**
   * Recomputes tables, best paths and exports after {@link #receive} calls.
   *
   * @return true if anything this daemon advertises or installs may have changed
   */
  boolean settle();

  /** What this daemon currently sends on a session for one family (after export policy and next-hop rules). */
  List<BgpRoute> advertise(SessionContext session, AddressFamily family);

  /** What this daemon installs into its host's kernel tables right now. */
  List<KernelRoute> kernelRoutes();

  /** The daemon's RIB for display and explanation: every candidate, best or not, and why. */
  List<RibEntry> rib();

  /** What the daemon would log or what an operator should know (RFC 8212 blocks, invalid next hops...). */
  List<Finding> findings();

  // --- Additions by the engine (default methods; vendors may override) ---

  /**
   * The TCP port this daemon accepts connections on for a neighbor (BIRD/FRR: 179; Cilium: the
   * instance's localPort). Only consulted when {@link BgpNeighborConfig#listens()} is true.
   */
  default int listenPort(BgpNeighborConfig neighbor) {
    return 179;
  }

  /**
   * Whether this daemon can keep a BGP session whose addresses are ::1 or in 127.0.0.0/8 (BIRD,
   * GoBGP: yes; FRR with zebra: no, zebra ignores those addresses).
   */
  default boolean peersOverLoopback() {
    return true;
  }

  /** This daemon's BGP router id (sent in OPEN), or null if unknown. */
  default IpAddr routerId() {
    return null;
  }

  /**
   * The engine's current view of this daemon's host (interfaces, kernel routes of everyone else).
   * Called before {@link #open(List)} and again whenever those kernel routes change.
   */
  default void hostView(HostView view) {}

  /**
   * Whether this daemon writes kernel routes with NLM_F_REPLACE (FRR zebra) rather than
   * NLM_F_EXCL (BIRD 2 nl_add_rte): decides what happens when a route with the same prefix and
   * metric already exists in the kernel.
   */
  default boolean replacesKernelRoutes() {
    return false;
  }
}
