package dev.podpath.controlplane;

import dev.podpath.controlplane.spi.AddressFamily;
import dev.podpath.core.Finding;
import dev.podpath.core.SourceRef;
import dev.podpath.core.net.IpAddr;
import java.util.Comparator;
import java.util.Set;

/**
 * One configured neighbor, seen from its own side, and whether its session is Established. The
 * peer fields are null when no peer was found. {@code reason} is null when Established.
 *
 * @param localAddress the session's source address on this side (configured, else the kernel's
 *     source selection for the route to the peer), or null when unknown
 */
public record SessionResult(
    String host,
    String daemon,
    String neighborId,
    String vrf,
    IpAddr peerAddress,
    long localAs,
    boolean established,
    SessionDownReason reason,
    String message,
    SourceRef where,
    String peerHost,
    String peerDaemon,
    String peerNeighborId,
    SourceRef peerWhere,
    IpAddr localAddress,
    Set<AddressFamily> families) {

  public static final Comparator<SessionResult> ORDER =
      Comparator.comparing(SessionResult::host).thenComparing(SessionResult::daemon).thenComparing(SessionResult::neighborId);

  public SessionResult {
    families = Set.copyOf(families);
  }

  /** The finding `check` reports for a session that is down (error: the default intent wants every session up). */
  public Finding toFinding() {
    if (established) {
      throw new IllegalStateException("session is established");
    }
    String m = daemon + " neighbor " + neighborId + " (" + peerAddress + ") on " + host + " is not Established: "
        + reason.summary() + ": " + message;
    return new Finding("bgp/session-down", dev.podpath.core.Severity.ERROR, m, where, host);
  }
}
