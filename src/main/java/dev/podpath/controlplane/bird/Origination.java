package dev.podpath.controlplane.bird;

import dev.podpath.controlplane.spi.HostView;
import dev.podpath.core.SourceRef;
import dev.podpath.core.net.IfAddress;
import dev.podpath.core.net.IpAddr;
import dev.podpath.ingest.bird.Channel;
import dev.podpath.ingest.bird.DirectProtocol;
import dev.podpath.ingest.bird.InterfacePattern;
import dev.podpath.ingest.bird.KernelProtocol;
import dev.podpath.ingest.bird.Policy;
import dev.podpath.ingest.bird.StaticProtocol;
import dev.podpath.ingest.bird.StaticRoute;
import dev.podpath.model.routing.KernelRoute;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Routes BIRD originates itself: direct (connected), static, and kernel routes it learns. */
final class Origination {

  private final DaemonEnv env;

  Origination(DaemonEnv env) {
    this.env = env;
  }

  /** Runs a channel's import filter (default `import all` for non-BGP channels: BIRD manual "import"). */
  BirdRoute imported(BirdRoute r, Channel c) {
    Policy p = c.importPolicy();
    if (p == null) {
      return r;
    }
    RouteState st = new RouteState(r);
    FilterInterpreter.Verdict v = env.filters.run(p, st);
    uncertain(v, r);
    if (!v.accepted()) {
      return r.withStatus(false, "rejected by import filter at " + v.where() + " (" + v.why() + ")");
    }
    return st.toRoute();
  }

  void uncertain(FilterInterpreter.Verdict v, BirdRoute r) {
    if (v.uncertain()) {
      env.warn("bird/filter-uncertain", "the filter decision for " + r.prefix() + " depends on a line podpath does not understand; "
          + "podpath treated it as having no effect", v.where());
    }
  }

  /** nest/rt-dev.c dev_ifa_notify: one device route per interface prefix; scope <= link skipped. */
  List<BirdRoute> direct(DirectProtocol p) {
    List<BirdRoute> out = new ArrayList<>();
    for (Channel c : p.channels()) {
      boolean v6 = c.v6();
      int pref = c.preference() != null ? c.preference() : 240;
      for (HostView.Interface i : env.view.interfaces()) {
        if (!i.up() || !matches(p.interfaces(), i)) {
          continue;
        }
        for (IfAddress a : i.addresses()) {
          // link-local and host-scope (127/8, ::1) addresses make no device route
          if (a.v6() != v6 || a.address().isLinkLocal() || a.address().isLoopback()) {
            continue;
          }
          BirdRoute r = new BirdRoute(DaemonEnv.table(c), a.prefix(), p.name(), BirdRoute.Source.RTS_DEVICE, pref,
              BirdRoute.Dest.UNICAST, List.of(new BirdRoute.Hop(null, i.name())), null, null, false, 0L, null, true,
              "", p.where());
          if (out.stream().noneMatch(o -> o.prefix().equals(r.prefix()) && o.table().equals(r.table()))) {
            out.add(imported(r, c));
          }
        }
      }
    }
    return out;
  }

  /** First matching pattern decides; an empty list means every interface (BIRD manual "interface"). */
  static boolean matches(List<InterfacePattern> patterns, HostView.Interface i) {
    if (patterns.isEmpty()) {
      return true;
    }
    for (InterfacePattern pt : patterns) {
      boolean name = pt.matchesName(i.name());
      boolean prefix = pt.prefix() == null || i.addresses().stream().anyMatch(a -> pt.prefix().contains(a.address()));
      if (name && prefix) {
        return !pt.negated();
      }
    }
    return false;
  }

  /** proto/static/static.c: a `via` route is announced only while one of its gateways is a reachable neighbor. */
  List<BirdRoute> statics(StaticProtocol p) {
    List<BirdRoute> out = new ArrayList<>();
    if (p.channels().isEmpty()) {
      return out;
    }
    Channel c = p.channels().get(0);
    int pref = c.preference() != null ? c.preference() : 200;
    for (StaticRoute s : p.routes()) {
      if (s.prefix().v6() != c.v6()) {
        continue;
      }
      BirdRoute.Dest dest = switch (s.kind()) {
        case BLACKHOLE -> BirdRoute.Dest.BLACKHOLE;
        case UNREACHABLE -> BirdRoute.Dest.UNREACHABLE;
        case PROHIBIT -> BirdRoute.Dest.PROHIBIT;
        default -> BirdRoute.Dest.UNICAST;
      };
      List<BirdRoute.Hop> hops = new ArrayList<>();
      String why = "";
      if (s.kind() == StaticRoute.Kind.VIA) {
        for (StaticRoute.Via v : s.vias()) {
          if (v.gateway() == null) {
            boolean exists = env.view.interfaces().stream().anyMatch(i -> i.name().equals(v.iface()) && i.up());
            if (exists) {
              hops.add(new BirdRoute.Hop(null, v.iface()));
            } else {
              why = "interface " + v.iface() + " does not exist on " + env.host;
            }
            continue;
          }
          Optional<HostView.Interface> on = env.view.connectedInterface(v.gateway(), null);
          // `onlink`, or a link-local gateway on a named interface (`via fe80::1%eth0`): no subnet check
          if ((v.onlink() || v.gateway().isLinkLocal()) && v.iface() != null
              && env.view.interfaces().stream().anyMatch(i -> i.name().equals(v.iface()) && i.up())) {
            hops.add(new BirdRoute.Hop(v.gateway(), v.iface()));
          } else if (on.isPresent() && (v.iface() == null || v.iface().equals(on.get().name())) && !env.view.isLocalAddress(v.gateway())) {
            hops.add(new BirdRoute.Hop(v.gateway(), on.get().name()));
          } else {
            why = "gateway " + v.gateway() + " is not on a connected subnet of " + env.host
                + " (proto/static/static.c: route not announced while no next hop is a reachable neighbor)";
          }
        }
      }
      BirdRoute r = new BirdRoute(DaemonEnv.table(c), s.prefix(), p.name(), BirdRoute.Source.RTS_STATIC, pref, dest, hops,
          null, null, s.kind() == StaticRoute.Kind.RECURSIVE, null, null, true, "", s.where());
      if (s.kind() == StaticRoute.Kind.VIA && hops.isEmpty()) {
        out.add(r.withStatus(false, why));
        continue;
      }
      if (s.kind() == StaticRoute.Kind.RECURSIVE) {
        r = new BirdRoute(r.table(), r.prefix(), r.protocol(), r.source(), r.preference(), BirdRoute.Dest.UNREACHABLE,
            List.of(), null, null, true, null, null, true, "", s.where());
        recursiveNextHops.put(key(r), s.recursive());
      }
      RouteState st = new RouteState(r);
      env.filters.apply(s.attributes(), st);
      out.add(imported(st.toRoute(), c));
    }
    return out;
  }

  /** Next hops of recursive static routes, looked up by the resolver. */
  final java.util.Map<String, IpAddr> recursiveNextHops = new java.util.HashMap<>();

  static String key(BirdRoute r) {
    return r.table() + "|" + r.prefix() + "|" + r.protocol();
  }

  /**
   * sysdep/unix/krt.c krt_got_route: with `learn`, alien kernel routes (not proto kernel, not
   * BIRD's own) of the protocol's kernel table are imported with source RTS_INHERIT, preference 10;
   * `learn all` (2.14+) also takes proto kernel routes. Without `learn` nothing is imported.
   */
  List<BirdRoute> learned(KernelProtocol k) {
    List<BirdRoute> out = new ArrayList<>();
    if (k.learn() == null || k.learn() == KernelProtocol.Learn.OFF || k.channels().size() != 1) {
      return out;
    }
    Channel c = k.channels().get(0);
    String ktable = KernelSync.kernelTableName(k);
    int pref = c.preference() != null ? c.preference() : 10;
    for (KernelRoute kr : env.view.kernelRoutes()) {
      if (!kr.table().equals(ktable) || kr.prefix().v6() != c.v6() || kr.type() == KernelRoute.Type.LOCAL) {
        continue;
      }
      if (kr.protocol().equals("kernel") && k.learn() != KernelProtocol.Learn.ALL) {
        continue;
      }
      if (!env.knowsInterfaces && (kr.device() != null || kr.nextHops().stream().anyMatch(h -> h.device() != null))) {
        continue; // krt_got_route: the route's interface is unknown without `protocol device`
      }
      if (kr.protocol().equals("bird")) {
        continue; // routes of another BIRD are ignored as "our" protocol (krt_got_route: RTPROT_BIRD -> ours)
      }
      BirdRoute.Dest dest = switch (kr.type()) {
        case BLACKHOLE -> BirdRoute.Dest.BLACKHOLE;
        case UNREACHABLE -> BirdRoute.Dest.UNREACHABLE;
        case PROHIBIT -> BirdRoute.Dest.PROHIBIT;
        default -> BirdRoute.Dest.UNICAST;
      };
      List<BirdRoute.Hop> hops = new ArrayList<>();
      for (KernelRoute.NextHop nh : kr.nextHops()) {
        hops.add(new BirdRoute.Hop(nh.gateway(), nh.device()));
      }
      if (hops.isEmpty() && dest == BirdRoute.Dest.UNICAST && kr.device() != null) {
        hops.add(new BirdRoute.Hop(null, kr.device()));
      }
      SourceRef where = kr.where() != null ? kr.where() : k.where();
      BirdRoute r = new BirdRoute(DaemonEnv.table(c), kr.prefix(), k.name(), BirdRoute.Source.RTS_INHERIT, pref, dest, hops, null, null,
          false, null, kr.metric(), true, "", where);
      out.add(imported(r, c));
    }
    return out;
  }

  static boolean isV6(IpAddr a) {
    return a.v6();
  }
}
