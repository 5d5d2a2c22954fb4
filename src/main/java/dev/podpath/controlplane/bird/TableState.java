package dev.podpath.controlplane.bird;

import dev.podpath.core.net.IpAddr;
import dev.podpath.core.net.IpPrefix;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The BIRD tables after route selection: every candidate per table and prefix, best first, with
 * recursive next hops resolved (nest/rt-table.c rt_update_hostentry: longest-prefix match in the
 * IGP table; a covering route that is itself recursive with >= preference, or a device route
 * when the next hop is a local address, leaves the route unreachable).
 */
final class TableState {

  /** table -> prefix -> candidates (best first when usable). */
  final Map<String, TreeMap<IpPrefix, List<BirdRoute>>> tables = new TreeMap<>();
  final Map<BirdRoute, String> resolution = new HashMap<>();
  private final BestPath best;
  private final DaemonEnv env;
  private final Map<String, IpAddr> staticRecursive;

  TableState(DaemonEnv env, BestPath best, Map<String, IpAddr> staticRecursive) {
    this.env = env;
    this.best = best;
    this.staticRecursive = staticRecursive;
  }

  void compute(List<BirdRoute> all) {
    List<BirdRoute> current = new ArrayList<>(all);
    // recursive routes depend on the best routes, which depend on them: iterate to a fixed point
    for (int round = 0; round < 8; round++) {
      select(current);
      List<BirdRoute> next = new ArrayList<>();
      boolean changed = false;
      for (BirdRoute r : current) {
        BirdRoute n = r.recursive() && r.usable() ? resolve(r) : r;
        changed |= !n.equals(r);
        next.add(n);
      }
      current = next;
      if (!changed && round > 0) {
        break;
      }
    }
    select(current);
  }

  private void select(List<BirdRoute> routes) {
    tables.clear();
    Map<String, Map<IpPrefix, List<BirdRoute>>> grouped = new TreeMap<>();
    for (BirdRoute r : routes) {
      grouped.computeIfAbsent(r.table(), t -> new TreeMap<>()).computeIfAbsent(r.prefix(), p -> new ArrayList<>()).add(r);
    }
    grouped.forEach((t, byPrefix) -> {
      TreeMap<IpPrefix, List<BirdRoute>> out = new TreeMap<>();
      byPrefix.forEach((p, cands) -> {
        List<BirdRoute> usable = best.select(cands.stream().filter(BirdRoute::usable).toList());
        List<BirdRoute> l = new ArrayList<>(usable);
        cands.stream().filter(c -> !c.usable()).sorted(best::order).forEach(l::add);
        out.put(p, l);
      });
      tables.put(t, out);
    });
  }

  /** The best usable route of a prefix, or null. */
  BirdRoute best(String table, IpPrefix p) {
    List<BirdRoute> l = tables.getOrDefault(table, new TreeMap<>()).get(p);
    return l == null || l.isEmpty() || !l.get(0).usable() ? null : l.get(0);
  }

  IpAddr nextHopOf(BirdRoute r) {
    if (r.isBgp()) {
      return r.bgp().nextHop();
    }
    return staticRecursive.get(Origination.key(r));
  }

  private BirdRoute resolve(BirdRoute r) {
    IpAddr nh = nextHopOf(r);
    String igp = env.igpTable(r, nh);
    if (DaemonEnv.isIp4(nh) && nh.v6()) {
      nh = new IpAddr(false, 0, nh.lo() & 0xffffffffL); // IPv4-mapped: resolved as the IPv4 address
    }
    TreeMap<IpPrefix, List<BirdRoute>> t = tables.getOrDefault(igp, new TreeMap<>());
    // net_route: the longest prefix containing the next hop that has a valid route
    for (int len = nh.bits(); len >= 0; len--) {
      IpPrefix p = new IpPrefix(nh.mask(len), len);
      List<BirdRoute> l = t.get(p);
      if (l == null || l.isEmpty() || !l.get(0).usable()) {
        continue;
      }
      BirdRoute via = l.get(0);
      for (BirdRoute ee : l) {
        if (ee.usable() && ee.preference() >= via.preference() && ee.recursive()) {
          String why = "next hop " + nh + " resolvable through recursive route for " + p
              + " (rt_update_hostentry: recursive route should not depend on another recursive route)";
          return note(r.withDest(BirdRoute.Dest.UNREACHABLE, List.of(), null), why);
        }
      }
      if (via.dest() == BirdRoute.Dest.UNICAST) {
        List<BirdRoute.Hop> hops = new ArrayList<>();
        for (BirdRoute.Hop h : via.hops()) {
          if (h.gateway() == null) {
            if (env.view.isLocalAddress(nh)) {
              String why = "next hop address " + nh + " is a local address of iface " + h.iface() + " (rt_update_hostentry)";
              return note(r.withDest(BirdRoute.Dest.UNREACHABLE, List.of(), null), why);
            }
            hops.add(new BirdRoute.Hop(nh, h.iface()));
          } else {
            hops.add(h);
          }
        }
        return note(r.withDest(BirdRoute.Dest.UNICAST, hops, via.igpMetric()),
            "next hop " + nh + " resolved via " + p + " from " + via.protocol());
      }
      return note(r.withDest(via.dest(), List.of(), via.igpMetric()), "next hop " + nh + " resolved via " + p + " which is " + via.dest());
    }
    return note(r.withDest(BirdRoute.Dest.UNREACHABLE, List.of(), null),
        "no route in " + igp + " covers next hop " + nh + " (gateway recursive): route kept as unreachable");
  }

  private BirdRoute note(BirdRoute r, String why) {
    resolution.put(r, why);
    return r;
  }
}
