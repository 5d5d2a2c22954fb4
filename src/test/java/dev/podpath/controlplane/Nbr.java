package dev.podpath.controlplane;

import dev.podpath.controlplane.spi.AddressFamily;
import dev.podpath.controlplane.spi.BgpNeighborConfig;
import dev.podpath.core.SourceRef;
import dev.podpath.core.net.IpAddr;
import java.util.EnumSet;
import java.util.Set;

/** A BgpNeighborConfig builder for tests: defaults are an active, listening, single-hop IPv6 session on port 179. */
public final class Nbr {

  private final String id;
  private final long localAs;
  private BgpNeighborConfig.PeerAs peerAs;
  private final IpAddr peer;
  private String vrf;
  private int port = 179;
  private IpAddr local;
  private boolean listens = true;
  private boolean passive;
  private int ttl = -1;
  private boolean connectedCheck = true;
  private String password;
  private Set<AddressFamily> families = EnumSet.of(AddressFamily.IPV6_UNICAST, AddressFamily.IPV4_UNICAST);

  private Nbr(String id, long localAs, long peerAs, String peer) {
    this.id = id;
    this.localAs = localAs;
    this.peerAs = new BgpNeighborConfig.PeerAs.Exact(peerAs);
    this.peer = IpAddr.parse(peer);
  }

  public static Nbr to(String id, long localAs, long peerAs, String peer) {
    return new Nbr(id, localAs, peerAs, peer);
  }

  public Nbr passive() {
    passive = true;
    return this;
  }

  public Nbr notListening() {
    listens = false;
    return this;
  }

  public Nbr ttl(int t) {
    ttl = t;
    return this;
  }

  public Nbr noConnectedCheck() {
    connectedCheck = false;
    return this;
  }

  public Nbr local(String a) {
    local = IpAddr.parse(a);
    return this;
  }

  public Nbr port(int p) {
    port = p;
    return this;
  }

  public Nbr password(String digest) {
    password = digest;
    return this;
  }

  public Nbr families(AddressFamily... f) {
    families = EnumSet.noneOf(AddressFamily.class);
    families.addAll(java.util.List.of(f));
    return this;
  }

  public Nbr vrf(String v) {
    vrf = v;
    return this;
  }

  public Nbr anyAs() {
    peerAs = new BgpNeighborConfig.PeerAs.Any();
    return this;
  }

  public BgpNeighborConfig build() {
    long remote = peerAs instanceof BgpNeighborConfig.PeerAs.Exact e ? e.asn() : -1;
    int t = ttl > 0 ? ttl : (remote == localAs ? 64 : 1);
    return new BgpNeighborConfig(id, vrf, localAs, peerAs, peer, port, local, listens, passive, t, connectedCheck, null, password,
        families, SourceRef.of("test.conf", Math.abs(id.hashCode() % 100) + 1));
  }
}
