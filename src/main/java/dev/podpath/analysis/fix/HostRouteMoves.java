package dev.podpath.analysis.fix;

import dev.podpath.analysis.CheckResult;
import dev.podpath.analysis.whatif.HostRouteEdit;
import dev.podpath.controlplane.FibMatch;
import dev.podpath.controlplane.KernelFib;
import dev.podpath.core.SourceRef;
import dev.podpath.core.net.IpAddr;
import dev.podpath.core.net.IpPrefix;
import dev.podpath.ingest.Snapshot;
import dev.podpath.ingest.host.HostSpec;
import dev.podpath.ingest.host.RouteSpec;
import dev.podpath.ingest.yaml.YamlDocument;
import dev.podpath.ingest.yaml.YamlReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The last resort: static routes in host.yaml for the pod CIDRs a failing path had no route to.
 * Two moves: (1) on the hosts where paths died, towards a neighbor on a shared subnet that owns or
 * routes the CIDR; (2) node to node, each node towards the other's pod CIDR when they share a
 * subnet (what Cilium's auto-direct-node-routes would install). Each route covers both directions
 * of a failing flow (the destination and the request's source), since the reply needs the way back.
 */
final class HostRouteMoves {

  private HostRouteMoves() {}

  /** The gateway of a new route, and its metric when it must beat a route the host already has (else null). */
  private record Via(IpAddr gateway, Long metric) {
    @Override
    public String toString() {
      return gateway + (metric == null ? "" : " metric " + metric);
    }
  }

  static void of(CheckResult baseline, Keep keep, List<FixMove> out, List<String> skipped) {
    List<DeadEnd> ends = DeadEnd.of(baseline);
    if (ends.isEmpty()) {
      return;
    }
    Snapshot s = baseline.snapshot();
    // (1) where the paths died
    Map<String, Map<IpPrefix, Via>> atDeadEnds = new LinkedHashMap<>();
    for (DeadEnd d : ends) {
      for (IpAddr a : List.of(d.dst(), d.requestSrc())) {
        route(baseline, d.host(), a, atDeadEnds);
      }
    }
    // (2) between the nodes that own both ends
    Map<String, Map<IpPrefix, Via>> nodeToNode = new LinkedHashMap<>();
    for (DeadEnd d : ends) {
      String src = owner(s, d.requestSrc()).orElse(null);
      String dst = owner(s, d.dst()).orElse(null);
      if (src != null && dst != null && !src.equals(dst)) {
        direct(baseline, src, d.dst(), dst, nodeToNode);
        direct(baseline, dst, d.requestSrc(), src, nodeToNode);
      }
    }
    List<FixMove> found = new ArrayList<>();
    move(s, atDeadEnds, "where the paths died", found);
    if (!nodeToNode.equals(atDeadEnds)) {
      move(s, nodeToNode, "node to node", found);
    }
    for (FixMove m : found) {
      String kept = m.files().stream().map(f -> "host." + f.split("/")[1] + ".routes").filter(keep::forbids).findFirst().orElse(null);
      if (kept != null) {
        skipped.add(m.key() + ": kept (" + keep.why(kept) + ")");
      } else {
        out.add(m);
      }
    }
  }

  /** A route on {@code host} to the pod CIDR holding {@code a}, via a neighbor on a shared subnet that owns or routes it. */
  private static void route(CheckResult b, String host, IpAddr a, Map<String, Map<IpPrefix, Via>> out) {
    Snapshot s = b.snapshot();
    Optional<IpPrefix> cidr = BirdMoves.podCidrs(s, a.v6()).stream().filter(p -> p.contains(a)).findFirst();
    String owner = owner(s, a).orElse(null);
    if (cidr.isEmpty() || owner == null || owner.equals(host) || routed(b, host, a)) {
      return;
    }
    IpAddr via = sharedAddress(s, host, owner, a.v6());
    if (via == null) {
      for (String g : s.hosts().keySet()) {
        IpAddr ga = g.equals(host) ? null : sharedAddress(s, host, g, a.v6());
        if (ga != null && routed(b, g, a)) {
          via = ga;
          break;
        }
      }
    }
    if (via != null) {
      out.computeIfAbsent(host, k -> new LinkedHashMap<>()).putIfAbsent(cidr.get(), new Via(via, metric(b, host, cidr.get())));
    }
  }

  /**
   * A metric below the one of a route for the same prefix the host already has (e.g. bird's
   * `unreachable` for a route whose next hop it could not resolve): the kernel picks the lowest
   * metric among routes of one prefix (ip-route(8) "metric"), so the new route must come first.
   */
  private static Long metric(CheckResult b, String host, IpPrefix cidr) {
    KernelFib fib = b.simulation().controlPlane().fib(host);
    if (fib == null) {
      return null;
    }
    long lowest = fib.routes().stream().filter(r -> r.prefix().equals(cidr)).mapToLong(r -> r.metric()).min().orElse(-1);
    return lowest < 0 ? null : Math.max(0, lowest - 1);
  }

  private static void direct(CheckResult b, String host, IpAddr a, String owner, Map<String, Map<IpPrefix, Via>> out) {
    Snapshot s = b.snapshot();
    Optional<IpPrefix> cidr = BirdMoves.podCidrs(s, a.v6()).stream().filter(p -> p.contains(a)).findFirst();
    IpAddr via = sharedAddress(s, host, owner, a.v6());
    if (cidr.isPresent() && via != null && !routed(b, host, a)) {
      out.computeIfAbsent(host, k -> new LinkedHashMap<>()).putIfAbsent(cidr.get(), new Via(via, metric(b, host, cidr.get())));
    }
  }

  /** The host's kernel already has a route for {@code a} more specific than a default route. */
  private static boolean routed(CheckResult b, String host, IpAddr a) {
    KernelFib fib = b.simulation().controlPlane().fib(host);
    if (fib == null) {
      return false;
    }
    Optional<FibMatch> m = fib.lookup(null, a);
    return m.isPresent() && m.get().route().prefix().length() > 0 && m.get().type() == dev.podpath.model.routing.KernelRoute.Type.UNICAST;
  }

  /** The Node whose pod CIDRs hold {@code a}. */
  private static Optional<String> owner(Snapshot s, IpAddr a) {
    return s.kubernetes().nodes().stream().filter(n -> n.object().getSpec() != null && n.object().getSpec().getPodCIDRs() != null
        && n.object().getSpec().getPodCIDRs().stream().anyMatch(c -> {
          try {
            return IpPrefix.parseLenient(c).contains(a);
          } catch (IllegalArgumentException e) {
            return false;
          }
        })).map(n -> n.name()).findFirst();
  }

  /** An address of {@code peer} (of the family) on a subnet one of {@code host}'s interfaces is on, or null. */
  private static IpAddr sharedAddress(Snapshot s, String host, String peer, boolean v6) {
    HostSpec h = s.hosts().get(host);
    HostSpec p = s.hosts().get(peer);
    if (h == null || p == null) {
      return null;
    }
    for (var hi : h.interfaces()) {
      for (var ha : hi.addresses()) {
        if (ha.address().v6() != v6 || ha.address().address().isLinkLocal() || ha.address().address().isLoopback()) {
          continue;
        }
        for (var pi : p.interfaces()) {
          for (var pa : pi.addresses()) {
            if (pa.address().v6() == v6 && ha.address().prefix().contains(pa.address().address()) && !pa.address().address().isLoopback()) {
              return pa.address().address();
            }
          }
        }
      }
    }
    return null;
  }

  private static void move(Snapshot s, Map<String, Map<IpPrefix, Via>> routes, String where, List<FixMove> out) {
    if (routes.isEmpty()) {
      return;
    }
    List<dev.podpath.analysis.whatif.Edit> edits = new ArrayList<>();
    Set<String> files = new LinkedHashSet<>();
    List<String> said = new ArrayList<>();
    for (Map.Entry<String, Map<IpPrefix, Via>> e : routes.entrySet()) {
      HostRouteEdit edit = edit(s, e.getKey(), e.getValue());
      if (edit == null) {
        return;
      }
      edits.add(edit);
      files.add(edit.file());
      e.getValue().forEach((p, via) -> said.add(e.getKey() + ": " + p + " via " + via));
    }
    String hosts = String.join(",", routes.keySet());
    out.add(new FixMove("host." + hosts + ".routes", "host.yaml static routes (" + where + "): " + String.join("; ", said),
        edits, files, false, false,
        "last resort: a static route hides what BGP failed to deliver and does not follow changes (pod CIDRs, node addresses);"
            + " prefer any routing fix"));
  }

  /** The routes as new host.yaml lines: first in `routes:` when the list exists (keeping its indentation), else a new list at the end. */
  private static HostRouteEdit edit(Snapshot s, String host, Map<IpPrefix, Via> routes) {
    String file = "hosts/" + host + "/host.yaml";
    String text;
    List<YamlDocument> docs;
    try {
      text = YamlReader.readText(s.root().resolve(file), file);
      docs = YamlReader.read(text, file);
    } catch (RuntimeException e) {
      return null;
    }
    if (docs.size() != 1) {
      return null;
    }
    YamlDocument doc = docs.get(0);
    String[] lines = text.split("\n", -1);
    int from;
    int to;
    String indent;
    String head = "";
    List<?> existing = doc.has("routes") ? doc.getList("routes") : null;
    if (existing != null && !existing.isEmpty()) {
      from = doc.lineOf("routes[0]");
      to = from - 1;
      String l = lines[from - 1];
      indent = l.substring(0, Math.max(0, l.indexOf('-')));
    } else if (doc.has("routes")) {
      from = doc.lineOf("routes");
      to = from; // `routes: []` becomes a block list
      indent = "  ";
      head = "routes:\n";
    } else {
      int last = lines.length;
      while (last > 1 && lines[last - 1].isBlank()) {
        last--;
      }
      from = last + 1;
      to = last;
      indent = "  ";
      head = "routes:\n";
    }
    StringBuilder b = new StringBuilder(head);
    List<RouteSpec> specs = new ArrayList<>();
    int n = from + (head.isEmpty() ? 0 : 1);
    for (Map.Entry<IpPrefix, Via> r : routes.entrySet()) {
      Via v = r.getValue();
      b.append(indent).append("- to: ").append(yamlScalar(r.getKey().toString())).append("  # podpath fix: last resort\n")
          .append(indent).append("  via: ").append(v.gateway()).append('\n');
      if (v.metric() != null) {
        b.append(indent).append("  metric: ").append(v.metric()).append('\n');
      }
      specs.add(new RouteSpec(r.getKey(), v.gateway(), null, "main", v.metric(), "unicast", SourceRef.of(file, n)));
      n += v.metric() == null ? 2 : 3;
    }
    String body = b.substring(0, b.length() - 1);
    return new HostRouteEdit(host, file, specs, from, to, body, "static route" + (routes.size() == 1 ? "" : "s") + " (last resort)");
  }

  /** An IPv6 prefix starting with ':' must be quoted in YAML; others are plain. */
  private static String yamlScalar(String v) {
    return v.startsWith(":") ? "\"" + v + "\"" : v;
  }
}
