package dev.podpath.controlplane.frr;

import dev.podpath.controlplane.spi.AddressFamily;
import dev.podpath.controlplane.spi.SessionContext;
import dev.podpath.core.net.IpAddr;
import dev.podpath.core.net.IpPrefix;
import dev.podpath.ingest.frr.FrrConfig;
import dev.podpath.ingest.frr.FrrConfigParser;
import dev.podpath.ingest.frr.FrrParseResult;
import dev.podpath.ingest.frr.FrrVersion;
import dev.podpath.ingest.frr.ParseStatus;
import dev.podpath.model.routing.AsPath;
import dev.podpath.model.routing.BgpAttributes;
import dev.podpath.model.routing.BgpRoute;
import dev.podpath.model.routing.Origin;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** Builds daemons from config text and sessions/routes by hand. */
final class FrrFixture {

  private FrrFixture() {}

  static FrrConfig config(String text) {
    FrrParseResult r = FrrConfigParser.parse(text, "hosts/r1/frr.conf", FrrVersion.DEBIAN_BOOKWORM);
    if (r.status() != ParseStatus.PASSED) {
      throw new AssertionError("config not PASSED: " + r.warnings());
    }
    return r.config();
  }

  static FrrDaemon daemon(String text, TestHost host) {
    return new FrrDaemon(config(text), host);
  }

  /** An established session to {@code peer} as the engine would describe it. */
  static SessionContext session(FrrDaemon d, String peer, String local, String localLl, long localAs, long remoteAs, String routerId, String sharedIf, AddressFamily... fams) {
    IpAddr p = IpAddr.parse(peer);
    String id = d.neighbors().stream().filter(n -> n.peerAddress().equals(p)).findFirst().orElseThrow().id();
    return new SessionContext(id, IpAddr.parse(local), localLl == null ? null : IpAddr.parse(localLl), p, localAs, remoteAs,
        IpAddr.parse(routerId), sharedIf != null, sharedIf, Set.of(fams), "peer", "test");
  }

  static BgpRoute route(String prefix, String nextHop, long... asPath) {
    return route(prefix, nextHop, null, asPath);
  }

  static BgpRoute route(String prefix, String nextHop, String linkLocal, long... asPath) {
    return new BgpRoute(IpPrefix.parse(prefix), new BgpAttributes(Origin.IGP, AsPath.of(asPath), IpAddr.parse(nextHop),
        linkLocal == null ? null : IpAddr.parse(linkLocal), null, null, new TreeSet<>(), Set.of(), null, List.of()));
  }

  static void open(FrrDaemon d, SessionContext... ss) {
    d.open(List.of(ss));
  }
}
