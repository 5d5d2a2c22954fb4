package dev.podpath.controlplane;

import dev.podpath.controlplane.spi.AddressFamily;
import dev.podpath.controlplane.spi.BgpNeighborConfig;
import dev.podpath.controlplane.spi.HostView;
import dev.podpath.controlplane.spi.RibEntry;
import dev.podpath.controlplane.spi.RoutingDaemon;
import dev.podpath.controlplane.spi.SessionContext;
import dev.podpath.core.Finding;
import dev.podpath.core.SourceRef;
import dev.podpath.core.net.IpAddr;
import dev.podpath.core.net.IpPrefix;
import dev.podpath.model.routing.AsPath;
import dev.podpath.model.routing.BgpAttributes;
import dev.podpath.model.routing.BgpRoute;
import dev.podpath.model.routing.KernelRoute;
import dev.podpath.model.routing.Origin;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A minimal path-vector daemon for engine tests (stands in for BIRD/FRR until they land):
 * originates its prefixes, accepts everything without its own AS in the path, picks the shortest
 * AS path (then lowest peer address), re-advertises best routes to every other session with next
 * hop self (AS prepended on eBGP, iBGP-learned routes not sent to iBGP peers), and installs learned
 * best routes into the kernel like BIRD would (metric 32, proto bird, gateway = next hop).
 */
public class FakeBgpDaemon implements RoutingDaemon {

  private final String host;
  private final String name;
  private final List<BgpNeighborConfig> neighbors;
  private final List<IpPrefix> originated;
  private final boolean installs;
  private Map<String, SessionContext> sessions = new TreeMap<>();
  private final Map<String, List<BgpRoute>> adjIn = new TreeMap<>();
  private TreeMap<IpPrefix, Candidate> best = new TreeMap<>();
  private final Map<String, List<BgpRoute>> exportCache = new HashMap<>();
  private boolean dirty = true;
  public int settles;
  public HostView lastView;

  record Candidate(BgpRoute route, String from, IpAddr peer, boolean ibgp) {}

  public FakeBgpDaemon(String host, String name, List<BgpNeighborConfig> neighbors, List<IpPrefix> originated, boolean installs) {
    this.host = host;
    this.name = name;
    this.neighbors = List.copyOf(neighbors);
    this.originated = List.copyOf(originated);
    this.installs = installs;
  }

  @Override
  public String host() {
    return host;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public List<BgpNeighborConfig> neighbors() {
    return neighbors;
  }

  @Override
  public void hostView(HostView view) {
    lastView = view;
  }

  @Override
  public void open(List<SessionContext> established) {
    sessions = new TreeMap<>();
    for (SessionContext c : established) {
      sessions.put(c.neighborId(), c);
    }
    adjIn.clear();
    best = new TreeMap<>();
    exportCache.clear();
    groupCache.clear();
    dirty = true;
  }

  @Override
  public void receive(SessionContext session, AddressFamily family, List<BgpRoute> routes) {
    adjIn.put(session.neighborId() + "|" + family, routes);
    dirty = true;
  }

  private long localAs() {
    return neighbors.isEmpty() ? 0 : neighbors.get(0).localAs();
  }

  @Override
  public boolean settle() {
    settles++;
    if (!dirty) {
      return false;
    }
    dirty = false;
    TreeMap<IpPrefix, Candidate> nb = new TreeMap<>();
    for (IpPrefix p : originated) {
      nb.put(p, new Candidate(new BgpRoute(p, BgpAttributes.local(Origin.IGP, new IpAddr(p.v6(), 0, 0))), "local", null, false));
    }
    for (Map.Entry<String, List<BgpRoute>> e : adjIn.entrySet()) {
      String id = e.getKey().substring(0, e.getKey().indexOf('|'));
      SessionContext c = sessions.get(id);
      for (BgpRoute r : e.getValue()) {
        if (r.attributes().asPath().contains(localAs())) {
          continue;
        }
        Candidate cand = new Candidate(r, id, c.remoteAddress(), c.ibgp());
        nb.merge(r.prefix(), cand, FakeBgpDaemon::better);
      }
    }
    boolean changed = !nb.equals(best);
    best = nb;
    if (changed) {
      exportCache.clear();
      groupCache.clear();
    }
    return changed;
  }

  private static Candidate better(Candidate a, Candidate b) {
    if (a.from.equals("local")) {
      return a;
    }
    if (b.from.equals("local")) {
      return b;
    }
    int c = Integer.compare(a.route.attributes().asPath().length(), b.route.attributes().asPath().length());
    if (c == 0) {
      c = a.peer.compareTo(b.peer);
    }
    if (c == 0) {
      c = a.from.compareTo(b.from);
    }
    return c <= 0 ? a : b;
  }

  @Override
  public List<BgpRoute> advertise(SessionContext s, AddressFamily family) {
    return exportCache.computeIfAbsent(s.neighborId() + "|" + family, k -> export(s, family));
  }

  /** Transformed best routes, shared by every session with the same next hop self and AS (like an update group). */
  private final Map<String, List<Out>> groupCache = new HashMap<>();

  private record Out(BgpRoute route, String from, boolean ibgpLearned) {}

  private List<BgpRoute> export(SessionContext s, AddressFamily family) {
    List<Out> group = groupCache.computeIfAbsent(s.localAddress() + "|" + s.localAs() + "|" + s.ibgp() + "|" + family, k -> {
      List<Out> l = new ArrayList<>();
      for (Candidate c : best.values()) {
        if (c.route.prefix().v6() != family.v6()) {
          continue;
        }
        BgpAttributes a = c.route.attributes().withNextHop(s.localAddress(), null);
        a = s.ibgp() ? a.withLocalPref(100L) : a.withAsPath(a.asPath().prepend(s.localAs(), 1)).withLocalPref(null);
        l.add(new Out(new BgpRoute(c.route.prefix(), a), c.from, c.ibgp));
      }
      return l;
    });
    List<BgpRoute> out = new ArrayList<>(group.size());
    for (Out o : group) {
      if (o.from.equals(s.neighborId()) || (o.ibgpLearned && s.ibgp())) {
        continue;
      }
      out.add(o.route);
    }
    return List.copyOf(out);
  }

  @Override
  public List<KernelRoute> kernelRoutes() {
    List<KernelRoute> out = new ArrayList<>();
    if (!installs) {
      return out;
    }
    for (Candidate c : best.values()) {
      if (c.from.equals("local")) {
        continue;
      }
      out.add(new KernelRoute("main", c.route.prefix(), KernelRoute.Type.UNICAST,
          List.of(new KernelRoute.NextHop(c.route.attributes().nextHop(), null)), null, 32, "bird", name, SourceRef.NONE));
    }
    return out;
  }

  @Override
  public List<RibEntry> rib() {
    List<RibEntry> out = new ArrayList<>();
    for (Candidate c : best.values()) {
      out.add(new RibEntry("master", c.route.prefix(), c.from, c.route.attributes(), true, "", SourceRef.NONE));
    }
    return out;
  }

  @Override
  public List<Finding> findings() {
    return List.of();
  }

  /** The best route per prefix, for assertions. */
  public Map<IpPrefix, BgpRoute> bestRoutes() {
    Map<IpPrefix, BgpRoute> m = new TreeMap<>();
    best.forEach((k, v) -> m.put(k, v.route));
    return m;
  }

  public AsPath asPathTo(IpPrefix p) {
    Candidate c = best.get(p);
    return c == null ? null : c.route.attributes().asPath();
  }
}
