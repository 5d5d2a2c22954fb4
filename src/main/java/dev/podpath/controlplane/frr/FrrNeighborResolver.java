package dev.podpath.controlplane.frr;

import dev.podpath.controlplane.spi.AddressFamily;
import dev.podpath.controlplane.spi.BgpNeighborConfig;
import dev.podpath.controlplane.spi.HostView;
import dev.podpath.core.Finding;
import dev.podpath.core.SourceRef;
import dev.podpath.core.net.IfAddress;
import dev.podpath.core.net.IpAddr;
import dev.podpath.ingest.frr.Afi;
import dev.podpath.ingest.frr.FrrBgpRouter;
import dev.podpath.ingest.frr.FrrListenRange;
import dev.podpath.ingest.frr.FrrNeighbor;
import dev.podpath.ingest.frr.FrrNeighborAf;
import dev.podpath.ingest.frr.RemoteAs;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Folds peer-group settings into each neighbor (a member's own line wins, else the group's:
 * bgpd.c peer_group2peer_config_copy) and turns them into engine sessions and bgpd policies.
 */
final class FrrNeighborResolver {

  private final String host;
  private final HostView view;
  private final List<Finding> findings;

  FrrNeighborResolver(String host, HostView view, List<Finding> findings) {
    this.host = host;
    this.view = view;
    this.findings = findings;
  }

  List<ResolvedNeighbor> resolve(FrrBgpRouter r, Collection<IpAddr> dynamicCandidates) {
    List<ResolvedNeighbor> out = new ArrayList<>();
    for (FrrNeighbor n : r.neighbors().values()) {
      FrrNeighbor g = n.peerGroup() == null ? null : r.peerGroups().get(n.peerGroup());
      if (n.kind() == FrrNeighbor.Kind.INTERFACE) {
        findings.add(Finding.warning("frr/not-modelled",
            "router bgp " + r.asn() + ": unnumbered neighbor " + n.name() + " (`neighbor " + n.name() + " interface`) is not modelled: its address is learned from IPv6 router advertisements",
            n.where()).onHost(host));
        continue;
      }
      ResolvedNeighbor rn = resolveOne(r, n, g, n.address(), false, n.where());
      if (rn != null) {
        out.add(rn);
      }
    }
    out.addAll(dynamic(r, dynamicCandidates));
    return out;
  }

  /**
   * `bgp listen range P peer-group G`: bgpd creates a neighbor only when a peer in P connects
   * (bgpd.c peer_lookup_dynamic_neighbor), so podpath materializes one passive neighbor per
   * candidate address in P that has no configured neighbor, up to `bgp listen limit`.
   */
  private List<ResolvedNeighbor> dynamic(FrrBgpRouter r, Collection<IpAddr> candidates) {
    List<ResolvedNeighbor> out = new ArrayList<>();
    int count = 0;
    for (FrrListenRange lr : r.listenRanges()) {
      FrrNeighbor g = r.peerGroups().get(lr.peerGroup());
      Set<IpAddr> in = new TreeSet<>();
      for (IpAddr a : candidates) {
        if (lr.range().contains(a) && !r.neighbors().containsKey(a.toString())) {
          in.add(a);
        }
      }
      if (in.isEmpty()) {
        findings.add(Finding.info("frr/listen-range",
            "router bgp " + r.asn() + ": listen range " + lr.range() + " (peer-group " + lr.peerGroup() + "): no known peer address in range, no dynamic neighbor modelled",
            lr.where()).onHost(host));
      }
      for (IpAddr a : in) {
        if (count >= r.listenLimit()) {
          findings.add(Finding.warning("frr/listen-limit",
              "router bgp " + r.asn() + ": dynamic neighbor " + a + " exceeds `bgp listen limit` " + r.listenLimit() + " and would be refused", lr.where()).onHost(host));
          continue;
        }
        ResolvedNeighbor rn = resolveOne(r, g, null, a, true, lr.where());
        if (rn != null) {
          out.add(rn);
          count++;
        }
      }
    }
    return out;
  }

  private ResolvedNeighbor resolveOne(FrrBgpRouter r, FrrNeighbor n, FrrNeighbor g, IpAddr address, boolean dynamic, SourceRef where) {
    RemoteAs ras = n.remoteAs() != null ? n.remoteAs() : g == null ? null : g.remoteAs();
    String id = (r.vrf() == null ? "default" : r.vrf()) + "/" + address;
    if (ras == null) {
      findings.add(Finding.warning("frr/no-remote-as",
          "router bgp " + r.asn() + ": neighbor " + address + " has no remote-as (nor its peer-group): bgpd never starts the session", where).onHost(host));
      return null;
    }
    if (n.shutdown() || (g != null && g.shutdown())) {
      findings.add(Finding.info("frr/neighbor-shutdown", "router bgp " + r.asn() + ": neighbor " + address + " is administratively shut down", where).onHost(host));
      return null;
    }
    // bgpd.c peer_sort: internal = same AS, external = other AS
    boolean ebgp = switch (ras.kind()) {
      case INTERNAL -> false;
      case EXTERNAL -> true;
      case NUMBER -> ras.asn() != r.asn();
    };
    BgpNeighborConfig.PeerAs peerAs = switch (ras.kind()) {
      case INTERNAL -> new BgpNeighborConfig.PeerAs.Internal();
      case EXTERNAL -> new BgpNeighborConfig.PeerAs.External();
      case NUMBER -> new BgpNeighborConfig.PeerAs.Exact(ras.asn());
    };
    Integer hops = first(n.ebgpMultihop(), g == null ? null : g.ebgpMultihop());
    // bgpd.h BGP_DEFAULT_TTL 1 for eBGP, MAXTTL 255 for iBGP (bgpd.c peer_create / peer_sort)
    int ttl = ebgp ? (hops == null ? 1 : hops) : 255;
    boolean dcc = n.disableConnectedCheck() || (g != null && g.disableConnectedCheck());
    // bgp_nht.c / bgp_fsm.c: the connected check applies to eBGP with TTL 1 only
    boolean connectedCheck = ebgp && ttl == 1 && !dcc;
    String updateSource = first(n.updateSource(), g == null ? null : g.updateSource());
    IpAddr local = localAddress(r, updateSource, address, where);
    String password = first(n.password(), g == null ? null : g.password());
    Integer port = first(n.port(), g == null ? null : g.port());
    boolean passive = dynamic || n.passive() || (g != null && g.passive());
    Map<AddressFamily, ResolvedNeighbor.AfPolicy> afs = new EnumMap<>(AddressFamily.class);
    Set<AddressFamily> families = EnumSet.noneOf(AddressFamily.class);
    for (Afi afi : Afi.values()) {
      FrrNeighborAf own = n.af(afi);
      FrrNeighborAf grp = g == null ? null : g.af(afi);
      AddressFamily fam = afi.v6() ? AddressFamily.IPV6_UNICAST : AddressFamily.IPV4_UNICAST;
      if (active(r, afi, own, grp)) {
        families.add(fam);
      }
      afs.put(fam, policy(own, grp));
    }
    SourceRef decl = n.line("peer-group").isKnown() ? n.where() : where;
    BgpNeighborConfig cfg = new BgpNeighborConfig(id, r.vrf(), r.asn(), peerAs, address, port == null ? 179 : port, local,
        true, passive, ttl, connectedCheck, null, password == null ? null : digest(password), families, decl);
    return new ResolvedNeighbor(cfg, r, ebgp, dynamic, afs);
  }

  /**
   * Activation: an explicit `[no] neighbor X activate` wins, then the peer-group's, then
   * `bgp default ipv4-unicast` (ipv4 only, on by default: bgpd.c bgp_create) or
   * `bgp default ipv6-unicast`. Approximation: bgpd applies these in config order
   * (peer_group_bind copies the group's activation when the member joins).
   */
  private static boolean active(FrrBgpRouter r, Afi afi, FrrNeighborAf own, FrrNeighborAf grp) {
    if (own != null && own.activate() != null) {
      return own.activate();
    }
    if (grp != null && grp.activate() != null) {
      return grp.activate();
    }
    return afi == Afi.IPV4 ? r.defaultIpv4Unicast() : r.defaultIpv6Unicast();
  }

  private static ResolvedNeighbor.AfPolicy policy(FrrNeighborAf own, FrrNeighborAf grp) {
    FrrNeighborAf o = own;
    FrrNeighborAf g = grp;
    FrrNeighborAf.NextHopSelf nhs = o != null && o.nextHopSelf() != FrrNeighborAf.NextHopSelf.NONE ? o.nextHopSelf()
        : g != null ? g.nextHopSelf() : FrrNeighborAf.NextHopSelf.NONE;
    Set<FrrNeighborAf.Unchanged> un = EnumSet.noneOf(FrrNeighborAf.Unchanged.class);
    if (o != null) {
      un.addAll(o.attributeUnchanged());
    }
    if (g != null) {
      un.addAll(g.attributeUnchanged());
    }
    Integer weight = first(o == null ? null : o.weight(), g == null ? null : g.weight());
    return new ResolvedNeighbor.AfPolicy(
        pick(o, g, FrrNeighborAf::routeMapIn), where(o, g, FrrNeighborAf::routeMapIn, "route-map in"),
        pick(o, g, FrrNeighborAf::routeMapOut), where(o, g, FrrNeighborAf::routeMapOut, "route-map out"),
        pick(o, g, FrrNeighborAf::prefixListIn), where(o, g, FrrNeighborAf::prefixListIn, "prefix-list in"),
        pick(o, g, FrrNeighborAf::prefixListOut), where(o, g, FrrNeighborAf::prefixListOut, "prefix-list out"),
        pick(o, g, FrrNeighborAf::filterListIn), where(o, g, FrrNeighborAf::filterListIn, "filter-list in"),
        pick(o, g, FrrNeighborAf::filterListOut), where(o, g, FrrNeighborAf::filterListOut, "filter-list out"),
        nhs,
        (o != null && o.routeReflectorClient()) || (g != null && g.routeReflectorClient()),
        first(o == null ? null : o.allowasIn(), g == null ? null : g.allowasIn()),
        (o != null && o.allowasInOrigin()) || (g != null && g.allowasInOrigin()),
        un.contains(FrrNeighborAf.Unchanged.NEXT_HOP),
        un.contains(FrrNeighborAf.Unchanged.AS_PATH),
        un.contains(FrrNeighborAf.Unchanged.MED),
        weight == null ? 0 : weight,
        (o != null && o.nexthopLocalUnchanged()) || (g != null && g.nexthopLocalUnchanged()));
  }

  private static String pick(FrrNeighborAf o, FrrNeighborAf g, java.util.function.Function<FrrNeighborAf, String> f) {
    String v = o == null ? null : f.apply(o);
    return v != null ? v : g == null ? null : f.apply(g);
  }

  private static SourceRef where(FrrNeighborAf o, FrrNeighborAf g, java.util.function.Function<FrrNeighborAf, String> f, String setting) {
    if (o != null && f.apply(o) != null) {
      return o.line(setting);
    }
    return g != null && f.apply(g) != null ? g.line(setting) : SourceRef.NONE;
  }

  private static <T> T first(T a, T b) {
    return a != null ? a : b;
  }

  /** `update-source` is an address or an interface (then its first address of the peer's family). */
  private IpAddr localAddress(FrrBgpRouter r, String updateSource, IpAddr peer, SourceRef where) {
    if (updateSource == null) {
      return null;
    }
    try {
      return IpAddr.parse(updateSource);
    } catch (IllegalArgumentException notAnAddress) {
      for (HostView.Interface i : view.interfaces()) {
        if (i.name().equals(updateSource)) {
          for (IfAddress a : i.addresses()) {
            if (a.v6() == peer.v6() && !a.address().isLinkLocal()) {
              return a.address();
            }
          }
        }
      }
      findings.add(Finding.warning("frr/update-source",
          "router bgp " + r.asn() + ": update-source " + updateSource + " for " + peer + " has no " + (peer.v6() ? "IPv6" : "IPv4") + " address on this host; bgpd cannot bind it",
          where).onHost(host));
      return null;
    }
  }

  /** A stable digest of the TCP-MD5 password (both sides compare digests, never the text). */
  static String digest(String password) {
    try {
      byte[] d = MessageDigest.getInstance("SHA-256").digest(password.getBytes(StandardCharsets.UTF_8));
      return "sha256:" + HexFormat.of().formatHex(d, 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
