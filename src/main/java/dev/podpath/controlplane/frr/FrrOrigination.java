package dev.podpath.controlplane.frr;

import dev.podpath.controlplane.spi.AddressFamily;
import dev.podpath.core.SourceRef;
import dev.podpath.core.net.IpAddr;
import dev.podpath.core.net.IpPrefix;
import dev.podpath.ingest.frr.Afi;
import dev.podpath.ingest.frr.FrrBgpRouter;
import dev.podpath.ingest.frr.FrrNetwork;
import dev.podpath.ingest.frr.FrrRedistribute;
import dev.podpath.model.routing.BgpAttributes;
import dev.podpath.model.routing.KernelRoute;
import dev.podpath.model.routing.Origin;
import java.util.ArrayList;
import java.util.List;

/** Locally originated paths: `network` (bgp_static_update) and `redistribute` (bgp_redistribute_add). */
final class FrrOrigination {

  /** bgpd/bgp_attr.h BGP_ATTR_DEFAULT_WEIGHT for local routes. */
  static final long LOCAL_WEIGHT = 32768;

  private final FrrPolicy policy;

  FrrOrigination(FrrPolicy policy) {
    this.policy = policy;
  }

  List<Candidate> originate(FrrBgpRouter r, AddressFamily fam, ZebraView zebra, List<KernelRoute> ownStatics) {
    List<Candidate> out = new ArrayList<>();
    Afi afi = fam.v6() ? Afi.IPV6 : Afi.IPV4;
    IpAddr zero = new IpAddr(fam.v6(), 0, 0);
    for (FrrNetwork nw : r.af(afi).networks()) {
      // bgp_route.c bgp_static_update: ORIGIN IGP, weight 32768, next hop 0.0.0.0 / ::, MED = the
      // IGP metric of the import-checked route (lab 2026-11-26, FRR 8.4.4: "metric":0 sent to eBGP)
      FrrRoute route = new FrrRoute(nw.prefix(), BgpAttributes.local(Origin.IGP, zero).withMed(0L), LOCAL_WEIGHT, false, "bgp");
      Candidate c = new Candidate(route, Candidate.Kind.NETWORK, "network", null, null, true, "", List.of(), 0, nw.where());
      if (nw.routeMap() != null) {
        PolicyResult p = policy.routeMap(nw.routeMap(), route, PolicyContext.LOCAL, "network", nw.where());
        if (!p.permit()) {
          out.add(c.invalid(p.reason()));
          continue;
        }
        c = new Candidate(p.route(), c.kind(), c.from(), null, null, true, "", List.of(), 0, nw.where());
      }
      // `bgp network import-check` (on by default since 7.4): the exact prefix must be in zebra's RIB
      if (r.networkImportCheck() && !zebra.hasExact(nw.prefix())) {
        SourceRef w = r.line("network import-check");
        out.add(c.invalid("import-check: no route for exactly " + nw.prefix() + " in " + (r.vrf() == null ? "the default VRF" : "VRF " + r.vrf())
            + " (`bgp network import-check` " + (w.isKnown() ? "at " + w : "default of " + r.defaults().describe()) + "); `no bgp network import-check` originates it anyway"));
        continue;
      }
      out.add(c);
    }
    for (FrrRedistribute rd : r.af(afi).redistributes()) {
      for (Redistributed x : sources(rd.protocol(), fam, zebra, ownStatics)) {
        // bgp_route.c bgp_redistribute_add: ORIGIN INCOMPLETE, MED = the route's metric (or `metric N`)
        long med = rd.metric() != null ? rd.metric() : x.metric();
        BgpAttributes a = BgpAttributes.local(Origin.INCOMPLETE, x.nextHop() != null ? x.nextHop() : zero).withMed(med);
        FrrRoute route = new FrrRoute(x.prefix(), a, LOCAL_WEIGHT, false, x.protocol());
        Candidate c = new Candidate(route, Candidate.Kind.REDISTRIBUTE, "redistribute " + rd.protocol(), null, null, true, "", List.of(), 0, rd.where());
        if (rd.routeMap() != null) {
          PolicyResult p = policy.routeMap(rd.routeMap(), route, PolicyContext.LOCAL, "redistribute", rd.where());
          if (!p.permit()) {
            out.add(c.invalid(p.reason()));
            continue;
          }
          c = new Candidate(p.route(), c.kind(), c.from(), null, null, true, "", List.of(), 0, rd.where());
        }
        out.add(c);
      }
    }
    return out;
  }

  private record Redistributed(IpPrefix prefix, IpAddr nextHop, long metric, String protocol) {}

  // zebra/redistribute.c zebra_check_addr: loopback and IPv6 link-local prefixes are never redistributed
  private static boolean redistributable(IpPrefix p) {
    IpAddr a = p.network();
    return !(a.v6() ? a.isLinkLocal() || (p.length() == 128 && a.isLoopback()) : (a.lo() >>> 24) == 127);
  }

  private static List<Redistributed> sources(String protocol, AddressFamily fam, ZebraView zebra, List<KernelRoute> ownStatics) {
    List<Redistributed> out = new ArrayList<>();
    switch (protocol) {
      case "connected" -> {
        for (IpPrefix p : zebra.connectedPrefixes()) {
          if (p.v6() == fam.v6() && redistributable(p) && out.stream().noneMatch(x -> x.prefix().equals(p))) {
            out.add(new Redistributed(p, null, 0, "connected"));
          }
        }
      }
      case "static" -> {
        for (KernelRoute k : ownStatics) {
          if (k.table().equals(zebra.table()) && k.prefix().v6() == fam.v6()) {
            IpAddr gw = k.nextHops().isEmpty() ? null : k.nextHops().get(0).gateway();
            out.add(new Redistributed(k.prefix(), gw, 0, "static"));
          }
        }
      }
      case "kernel" -> {
        // routes zebra learns from the kernel: not address routes (proto kernel), not local
        for (KernelRoute k : zebra.routes()) {
          if (k.prefix().v6() == fam.v6() && k.type() == KernelRoute.Type.UNICAST && !"kernel".equals(k.protocol())
              && !"frr".equals(k.installedBy()) && redistributable(k.prefix())) {
            IpAddr gw = k.nextHops().isEmpty() ? null : k.nextHops().get(0).gateway();
            out.add(new Redistributed(k.prefix(), gw, k.metric(), "kernel"));
          }
        }
      }
      default -> {
        // ospf, isis, ...: no such routes in podpath's world
      }
    }
    out.sort(java.util.Comparator.comparing(Redistributed::prefix));
    return out;
  }
}
