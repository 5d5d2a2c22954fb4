package dev.podpath.controlplane;

import dev.podpath.controlplane.spi.AddressFamily;
import dev.podpath.controlplane.spi.BgpNeighborConfig;
import dev.podpath.controlplane.spi.RibEntry;
import dev.podpath.controlplane.spi.RoutingDaemon;
import dev.podpath.controlplane.spi.SessionContext;
import dev.podpath.core.Finding;
import dev.podpath.core.net.IpPrefix;
import dev.podpath.model.routing.BgpAttributes;
import dev.podpath.model.routing.BgpRoute;
import dev.podpath.model.routing.KernelRoute;
import dev.podpath.model.routing.Origin;
import java.util.List;

/**
 * A contrived daemon for oscillation tests: "contrarian" advertises P only while it does not
 * receive P; "follower" advertises P only while it receives P. Together they never settle.
 */
final class FlipDaemon implements RoutingDaemon {

  static final IpPrefix P = IpPrefix.parse("fd00:66::/64");
  private final String host;
  private final boolean contrarian;
  private final BgpNeighborConfig neighbor;
  private boolean receivesP;
  private boolean advertisesP;

  FlipDaemon(String host, boolean contrarian, BgpNeighborConfig neighbor) {
    this.host = host;
    this.contrarian = contrarian;
    this.neighbor = neighbor;
  }

  @Override
  public String host() {
    return host;
  }

  @Override
  public String name() {
    return contrarian ? "contrarian" : "follower";
  }

  @Override
  public List<BgpNeighborConfig> neighbors() {
    return List.of(neighbor);
  }

  @Override
  public void open(List<SessionContext> sessions) {
    receivesP = false;
    advertisesP = false;
  }

  @Override
  public void receive(SessionContext session, AddressFamily family, List<BgpRoute> routes) {
    if (family == AddressFamily.IPV6_UNICAST) {
      receivesP = routes.stream().anyMatch(r -> r.prefix().equals(P));
    }
  }

  @Override
  public boolean settle() {
    boolean now = contrarian != receivesP;
    boolean changed = now != advertisesP;
    advertisesP = now;
    return changed;
  }

  @Override
  public List<BgpRoute> advertise(SessionContext session, AddressFamily family) {
    if (!advertisesP || family != AddressFamily.IPV6_UNICAST) {
      return List.of();
    }
    return List.of(new BgpRoute(P, BgpAttributes.local(Origin.IGP, session.localAddress())));
  }

  boolean advertisesP() {
    return advertisesP;
  }

  @Override
  public List<KernelRoute> kernelRoutes() {
    return List.of();
  }

  @Override
  public List<RibEntry> rib() {
    return List.of();
  }

  @Override
  public List<Finding> findings() {
    return List.of();
  }
}
