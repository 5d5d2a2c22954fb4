package dev.podpath.ingest.frr;

import dev.podpath.core.SourceRef;
import dev.podpath.core.net.IpAddr;
import java.util.Map;

/**
 * A `neighbor` as written: an address, a peer-group, or an interface (unnumbered) neighbor.
 * Values are what its own lines say; peer-group inheritance is resolved by the daemon.
 *
 * @param address the neighbor address (kind ADDRESS), else null
 * @param peerGroup the group it is a member of, or null
 * @param remoteAs its own `remote-as`, or null
 * @param updateSource `update-source` (an address or an interface name), or null
 * @param ebgpMultihop `ebgp-multihop [N]` TTL (255 without N), or null
 * @param timers keepalive and hold, or null; {@code connectRetry} `timers connect`, or null
 * @param password the TCP-MD5 password as written, or null
 * @param afs what it says per address family
 */
public record FrrNeighbor(
    String name,
    Kind kind,
    IpAddr address,
    String peerGroup,
    RemoteAs remoteAs,
    String updateSource,
    Integer ebgpMultihop,
    boolean disableConnectedCheck,
    boolean passive,
    Timers timers,
    Integer connectRetry,
    String password,
    boolean extendedNexthop,
    boolean shutdown,
    Long localAs,
    Integer port,
    boolean v6only,
    Map<Afi, FrrNeighborAf> afs,
    Map<String, SourceRef> lines,
    SourceRef where) {

  public FrrNeighbor {
    afs = Map.copyOf(afs);
    lines = Map.copyOf(lines);
  }

  /** `timers KEEPALIVE HOLD`. */
  public record Timers(int keepalive, int hold) {}

  public enum Kind {
    ADDRESS,
    PEER_GROUP,
    INTERFACE
  }

  public FrrNeighborAf af(Afi afi) {
    return afs.get(afi);
  }

  public SourceRef line(String setting) {
    return lines.getOrDefault(setting, SourceRef.NONE);
  }
}
