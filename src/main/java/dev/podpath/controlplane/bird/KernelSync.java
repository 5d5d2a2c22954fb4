package dev.podpath.controlplane.bird;

import dev.podpath.core.net.IpPrefix;
import dev.podpath.ingest.bird.Channel;
import dev.podpath.ingest.bird.KernelProtocol;
import dev.podpath.model.routing.KernelRoute;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a kernel protocol installs (sysdep/unix/krt.c, sysdep/linux/netlink.c): the best route of
 * each prefix of its table that passes the export filter (default `export none`), never routes
 * the kernel protocol itself learned (krt_preexport), unicast/blackhole/unreachable/prohibit all
 * allowed on Linux (krt_capable), `proto bird`, metric = `metric` option (default 32; 0 = use
 * krt_metric), `kernel table` (default main). With `merge paths`, equivalent routes become one
 * ECMP route (nest/rt-table.c rt_export_merged).
 */
final class KernelSync {

  // sysdep/linux/netlink.c krt_sys_init_config: metric 32, table main
  static final int DEFAULT_METRIC = 32;
  static final int DEFAULT_MERGE_LIMIT = 16;

  private final DaemonEnv env;
  private final BestPath best;

  KernelSync(DaemonEnv env, BestPath best) {
    this.env = env;
    this.best = best;
  }

  static String kernelTableName(KernelProtocol k) {
    Integer t = k.kernelTable();
    if (t == null || t == 254) {
      return "main";
    }
    return t == 255 ? "local" : String.valueOf(t);
  }

  /** A route offered to the kernel, and what happened to it, for explanations. */
  record Offer(IpPrefix prefix, String protocol, boolean installed, String why) {}

  List<KernelRoute> export(KernelProtocol k, TableState tables, List<Offer> offers) {
    List<KernelRoute> out = new ArrayList<>();
    if (k.disabled() || k.channels().size() != 1) {
      return out;
    }
    Channel c = k.channels().get(0);
    String table = DaemonEnv.table(c);
    TreeMap<IpPrefix, List<BirdRoute>> t = tables.tables.getOrDefault(table, new TreeMap<>());
    boolean any = false;
    java.util.LinkedHashMap<dev.podpath.core.SourceRef, String> rejectedAt = new java.util.LinkedHashMap<>();
    for (Map.Entry<IpPrefix, List<BirdRoute>> e : t.entrySet()) {
      BirdRoute b = tables.best(table, e.getKey());
      if (b == null || b.prefix().v6() != c.v6()) {
        continue;
      }
      any = true;
      if (b.protocol().equals(k.name())) {
        continue; // krt_preexport: never re-export what this kernel protocol learned
      }
      RouteState st = new RouteState(b);
      FilterInterpreter.Verdict v = c.exportPolicy() == null
          ? new FilterInterpreter.Verdict(false, k.where(), "no `export` in the kernel channel: default `export none`", false)
          : env.filters.run(c.exportPolicy(), st);
      if (v.uncertain()) {
        env.warn("bird/filter-uncertain", "kernel export of " + b.prefix() + " depends on a line podpath does not understand", v.where());
      }
      if (!v.accepted()) {
        offers.add(new Offer(b.prefix(), b.protocol(), false, "not exported to kernel by " + k.name() + ": " + v.why() + " at " + v.where()));
        rejectedAt.putIfAbsent(v.where(), b.prefix() + " from " + b.protocol());
        continue;
      }
      BirdRoute r = st.toRoute();
      List<BirdRoute.Hop> hops = new ArrayList<>(r.hops());
      if (k.mergePaths() && r.dest() == BirdRoute.Dest.UNICAST) {
        int limit = k.mergePathsLimit() != null ? k.mergePathsLimit() : DEFAULT_MERGE_LIMIT;
        LinkedHashSet<BirdRoute.Hop> merged = new LinkedHashSet<>(hops);
        for (BirdRoute o : e.getValue()) {
          if (o == b || !o.usable() || !best.mergeable(b, o)) {
            continue;
          }
          RouteState ost = new RouteState(o);
          if (c.exportPolicy() != null && env.filters.run(c.exportPolicy(), ost).accepted()) {
            merged.addAll(ost.toRoute().hops());
          }
        }
        hops = new ArrayList<>(merged).subList(0, Math.min(limit, merged.size()));
      }
      out.add(kernelRoute(k, r, hops, v.where()));
      offers.add(new Offer(b.prefix(), b.protocol(), true, "exported to kernel by " + k.name() + " (" + v.why() + " at " + v.where() + ")"));
    }
    if (any && out.isEmpty()) {
      env.warn("bird/kernel-exports-nothing", "kernel protocol " + k.name() + " exports nothing to the kernel: "
          + (c.exportPolicy() == null ? "no `export` in its channel means `export none`" : "its export filter (" + c.exportPolicy().where()
              + ") rejects every route: " + String.join("; ", rejectedAt.entrySet().stream().limit(4)
                  .map(x -> x.getValue() + " at " + x.getKey() + " `" + lineText(x.getKey()) + "`").toList())), c.exportPolicy() == null ? c.where() : c.exportPolicy().where());
    }
    return out;
  }

  private String lineText(dev.podpath.core.SourceRef w) {
    return env.lineText(w);
  }

  private KernelRoute kernelRoute(KernelProtocol k, BirdRoute r, List<BirdRoute.Hop> hops, dev.podpath.core.SourceRef exportLine) {
    long metric;
    int m = k.metric() != null ? k.metric() : DEFAULT_METRIC;
    if (m != 0) {
      metric = m;
    } else if (r.krtMetric() != null) {
      metric = r.krtMetric();
    } else {
      metric = r.prefix().v6() ? 1024 : 0; // no RTA_PRIORITY: the kernel's default
    }
    KernelRoute.Type type = switch (r.dest()) {
      case BLACKHOLE -> KernelRoute.Type.BLACKHOLE;
      case UNREACHABLE -> KernelRoute.Type.UNREACHABLE;
      case PROHIBIT -> KernelRoute.Type.PROHIBIT;
      default -> KernelRoute.Type.UNICAST;
    };
    List<KernelRoute.NextHop> nhs = new ArrayList<>();
    String dev = null;
    if (type == KernelRoute.Type.UNICAST) {
      for (BirdRoute.Hop h : hops) {
        if (h.gateway() != null) {
          nhs.add(new KernelRoute.NextHop(h.gateway(), h.iface()));
        }
      }
      dev = hops.isEmpty() ? null : hops.get(0).iface();
    } else {
      dev = "lo"; // lab 2026-11-26: `unreachable fd00:101:224:1::/80 dev lo proto bird metric 32`
    }
    return new KernelRoute(kernelTableName(k), r.prefix(), type, nhs, dev, metric, "bird", "bird " + k.name() + " (" + r.protocol() + ")", exportLine);
  }
}
