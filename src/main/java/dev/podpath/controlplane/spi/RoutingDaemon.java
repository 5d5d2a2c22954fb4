package dev.podpath.controlplane.spi;

import dev.podpath.core.Finding;
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
}
