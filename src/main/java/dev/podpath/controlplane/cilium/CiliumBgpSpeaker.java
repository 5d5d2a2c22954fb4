package dev.podpath.controlplane.cilium;

import dev.podpath.controlplane.spi.AddressFamily;
import dev.podpath.controlplane.spi.BgpNeighborConfig;
import dev.podpath.controlplane.spi.RibEntry;
import dev.podpath.controlplane.spi.RoutingDaemon;
import dev.podpath.controlplane.spi.SessionContext;
import dev.podpath.core.Finding;
import dev.podpath.core.net.IpAddr;
import dev.podpath.core.net.IpPrefix;
import dev.podpath.model.routing.AsPath;
import dev.podpath.model.routing.BgpAttributes;
import dev.podpath.model.routing.BgpRoute;
import dev.podpath.model.routing.Community;
import dev.podpath.model.routing.KernelRoute;
import dev.podpath.model.routing.Origin;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The BGP speaker inside the Cilium agent (GoBGP per bgpInstance), simulated:
 * <ul>
 *   <li>originates exactly the prefixes of the advertisements each peer's family selects; an
 *       advertisement no family references is not sent (bgp_peer_types.go families[].advertisements);
 *   <li>ORIGIN IGP; AS path = local AS on eBGP, empty on iBGP; LOCAL_PREF 100 (or the
 *       advertisement's localPreference) to iBGP peers only;
 *   <li>next hop = the session's local address, so ::1 when peering a local daemon on ::1 (Cilium
 *       originates with next hop 0.0.0.0/:: and GoBGP fills in the session address: PR
 *       cilium/cilium#19402; the same address family is used for IPv4 and IPv6 routes, #29951);
 *   <li>rejects every received path: global import policy with default REJECT and only local routes
 *       allowed (pkg/bgpv1/gobgp/server.go NewGoBGPServer, PR cilium/cilium#33035);
 *   <li>installs nothing into the kernel (GoBGP cannot; docs "an additional system component such as
 *       a BGP daemon must be run", cilium-facts §4.4).
 * </ul>
 */
public final class CiliumBgpSpeaker implements RoutingDaemon {

  public static final String NAME = "cilium";
  /** GoBGP/Linux default TTL for iBGP sessions (no TTL set on the socket). */
  static final int IBGP_TTL = 64;

  private final CiliumBgpNodeConfig config;
  private final Map<String, CiliumBgpNodeConfig.Instance> instanceOf = new HashMap<>();
  private final Map<String, CiliumBgpNodeConfig.Peer> peerOf = new LinkedHashMap<>();
  private final List<BgpNeighborConfig> neighbors;
  private Map<String, SessionContext> sessions = Map.of();
  private final Map<String, List<BgpRoute>> advertised = new HashMap<>();
  private final Map<String, List<BgpRoute>> received = new TreeMap<>();
  private boolean opened;

  public CiliumBgpSpeaker(CiliumBgpNodeConfig config) {
    this.config = config;
    List<BgpNeighborConfig> l = new ArrayList<>();
    for (CiliumBgpNodeConfig.Instance i : config.instances()) {
      for (CiliumBgpNodeConfig.Peer p : i.peers()) {
        String id = i.name() + "/" + p.name();
        instanceOf.put(id, i);
        peerOf.put(id, p);
        l.add(neighbor(id, i, p));
      }
    }
    this.neighbors = List.copyOf(l);
  }

  private static BgpNeighborConfig neighbor(String id, CiliumBgpNodeConfig.Instance i, CiliumBgpNodeConfig.Peer p) {
    BgpNeighborConfig.PeerAs peerAs = p.peerAsn() == 0 ? new BgpNeighborConfig.PeerAs.Any() : new BgpNeighborConfig.PeerAs.Exact(p.peerAsn());
    boolean ibgp = p.peerAsn() == i.localAsn();
    // bgp_peer_types.go: ebgpMultihop "ignored for iBGP"; default 1
    int ttl = ibgp ? IBGP_TTL : Math.max(1, p.ebgpMultihop());
    return new BgpNeighborConfig(id, null, i.localAsn(), peerAs, p.peerAddress(), p.peerPort() == 0 ? 179 : p.peerPort(),
        p.localAddress(), i.localPort() != null, false, ttl, false, null, p.passwordDigest(), families(p), p.where());
  }

  /** bgp_peer_types.go: families default to ipv6/unicast and ipv4/unicast when empty. */
  private static Set<AddressFamily> families(CiliumBgpNodeConfig.Peer p) {
    Set<AddressFamily> s = EnumSet.noneOf(AddressFamily.class);
    if (p.families().isEmpty()) {
      s.add(AddressFamily.IPV4_UNICAST);
      s.add(AddressFamily.IPV6_UNICAST);
    }
    for (CiliumBgpNodeConfig.Family f : p.families()) {
      s.add(f.family());
    }
    return s;
  }

  @Override
  public String host() {
    return config.host();
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public List<BgpNeighborConfig> neighbors() {
    return neighbors;
  }

  @Override
  public int listenPort(BgpNeighborConfig neighbor) {
    CiliumBgpNodeConfig.Instance i = instanceOf.get(neighbor.id());
    return i == null || i.localPort() == null ? -1 : i.localPort();
  }

  @Override
  public IpAddr routerId() {
    return config.instances().isEmpty() ? null : config.instances().get(0).routerId();
  }

  @Override
  public void open(List<SessionContext> established) {
    Map<String, SessionContext> m = new TreeMap<>();
    for (SessionContext c : established) {
      m.put(c.neighborId(), c);
    }
    sessions = m;
    advertised.clear();
    received.clear();
    opened = true;
  }

  @Override
  public void receive(SessionContext session, AddressFamily family, List<BgpRoute> routes) {
    // kept only to show them as rejected in rib(): the import policy rejects every path (#33035)
    received.put(session.neighborId() + "|" + family, routes);
  }

  @Override
  public boolean settle() {
    boolean first = opened;
    opened = false;
    return first; // what Cilium sends never depends on what it receives
  }

  @Override
  public List<BgpRoute> advertise(SessionContext session, AddressFamily family) {
    return advertised.computeIfAbsent(session.neighborId() + "|" + family + "|" + session.localAddress(), k -> build(session, family));
  }

  private List<BgpRoute> build(SessionContext s, AddressFamily family) {
    CiliumBgpNodeConfig.Peer p = peerOf.get(s.neighborId());
    CiliumBgpNodeConfig.Instance inst = instanceOf.get(s.neighborId());
    if (p == null || s.localAddress() == null) {
      return List.of();
    }
    boolean ibgp = s.ibgp();
    TreeMap<IpPrefix, Merged> byPrefix = new TreeMap<>();
    for (CiliumBgpNodeConfig.Family f : p.families()) {
      if (f.family() != family) {
        continue;
      }
      for (CiliumBgpNodeConfig.Advertisement a : f.advertisements()) {
        for (IpPrefix pre : a.prefixes()) {
          if (pre.v6() == family.v6()) {
            byPrefix.computeIfAbsent(pre, k -> new Merged()).add(a);
          }
        }
      }
    }
    List<BgpRoute> out = new ArrayList<>(byPrefix.size());
    for (Map.Entry<IpPrefix, Merged> e : byPrefix.entrySet()) {
      Merged m = e.getValue();
      BgpAttributes attrs = BgpAttributes.local(Origin.IGP, s.localAddress())
          .withAsPath(ibgp ? AsPath.EMPTY : AsPath.of(inst.localAsn()))
          .withLocalPref(ibgp ? (m.localPref == null ? 100L : m.localPref) : null)
          .withCommunities(m.communities);
      out.add(new BgpRoute(e.getKey(), attrs));
    }
    return List.copyOf(out);
  }

  /** Attributes of several advertisements selecting one prefix: communities are united, the highest local preference kept (simplification). */
  private static final class Merged {
    final SortedSet<Community> communities = new TreeSet<>();
    Long localPref;

    void add(CiliumBgpNodeConfig.Advertisement a) {
      communities.addAll(a.communities());
      if (a.localPreference() != null && (localPref == null || a.localPreference() > localPref)) {
        localPref = a.localPreference();
      }
    }
  }

  @Override
  public List<KernelRoute> kernelRoutes() {
    return List.of();
  }

  @Override
  public List<RibEntry> rib() {
    List<RibEntry> out = new ArrayList<>();
    for (CiliumBgpNodeConfig.Instance i : config.instances()) {
      String table = "instance " + i.name();
      TreeMap<IpPrefix, CiliumBgpNodeConfig.Advertisement> originated = new TreeMap<>();
      for (CiliumBgpNodeConfig.Peer p : i.peers()) {
        for (CiliumBgpNodeConfig.Family f : p.families()) {
          for (CiliumBgpNodeConfig.Advertisement a : f.advertisements()) {
            for (IpPrefix pre : a.prefixes()) {
              originated.putIfAbsent(pre, a);
            }
          }
        }
      }
      for (Map.Entry<IpPrefix, CiliumBgpNodeConfig.Advertisement> e : originated.entrySet()) {
        boolean v6 = e.getKey().v6();
        out.add(new RibEntry(table, e.getKey(), "local", BgpAttributes.local(Origin.IGP, new IpAddr(v6, 0, 0)), true, "", e.getValue().where()));
      }
      for (Map.Entry<String, List<BgpRoute>> e : received.entrySet()) {
        String id = e.getKey().substring(0, e.getKey().indexOf('|'));
        if (!id.startsWith(i.name() + "/")) {
          continue;
        }
        for (BgpRoute r : e.getValue()) {
          out.add(new RibEntry(table, r.prefix(), id, r.attributes(), false,
              "rejected: Cilium's global import policy rejects every received path (cilium/cilium#33035)", peerOf.get(id).where()));
        }
      }
    }
    return out;
  }

  @Override
  public List<Finding> findings() {
    List<Finding> out = new ArrayList<>();
    for (CiliumBgpNodeConfig.Instance i : config.instances()) {
      for (CiliumBgpNodeConfig.Peer p : i.peers()) {
        boolean any = false;
        for (CiliumBgpNodeConfig.Family f : p.families()) {
          for (CiliumBgpNodeConfig.Advertisement a : f.advertisements()) {
            any |= a.prefixes().stream().anyMatch(x -> x.v6() == f.family().v6());
          }
        }
        if (!any) {
          out.add(Finding.info("cilium/bgp-nothing-advertised", "Cilium BGP peer " + i.name() + "/" + p.name() + " on " + config.host()
              + ": no advertisement is selected by its families, so Cilium sends it nothing", p.where()).onHost(config.host()));
        }
      }
    }
    return out;
  }
}
