package dev.podpath.controlplane.spi;

import dev.podpath.core.net.IpAddr;
import java.util.Set;

/**
 * An Established session from one side's point of view.
 *
 * @param neighborId the {@link BgpNeighborConfig#id()} on this side
 * @param localAddress the address this side's TCP socket uses (what becomes "next hop self")
 * @param localLinkLocal this side's link-local address on the shared interface, or null (IPv6)
 * @param remoteAddress the peer's address
 * @param localAs this side's AS on the session
 * @param remoteAs the peer's AS as it sent it in OPEN
 * @param remoteRouterId the peer's router id
 * @param directlyConnected whether the peer's address is on a subnet connected to this side
 * @param sharedInterface the local interface of that subnet, or null
 * @param families the address families both sides activated
 * @param peerHost the host of the other side, for explanations
 * @param peerDaemon the daemon name of the other side, for explanations
 */
public record SessionContext(
    String neighborId,
    IpAddr localAddress,
    IpAddr localLinkLocal,
    IpAddr remoteAddress,
    long localAs,
    long remoteAs,
    IpAddr remoteRouterId,
    boolean directlyConnected,
    String sharedInterface,
    Set<AddressFamily> families,
    String peerHost,
    String peerDaemon) {

  public SessionContext {
    families = Set.copyOf(families);
  }

  public boolean ibgp() {
    return localAs == remoteAs;
  }
}
