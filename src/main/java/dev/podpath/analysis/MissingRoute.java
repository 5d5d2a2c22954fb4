package dev.podpath.analysis;

import dev.podpath.controlplane.spi.RibEntry;
import dev.podpath.core.Finding;
import dev.podpath.core.Severity;
import dev.podpath.core.SourceRef;
import dev.podpath.core.net.IpAddr;
import dev.podpath.core.net.IpPrefix;
import dev.podpath.dataplane.Disposition;
import dev.podpath.dataplane.PathTrace;
import dev.podpath.dataplane.Step;
import dev.podpath.ingest.cilium.AgentFlag;
import dev.podpath.ingest.cilium.FlagSource;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Explains why a host lacks a route a packet needed: the trace says where it died, the control
 * plane's RIBs say what happened to the route on the way. The answer names the configuration line
 * responsible: an import filter that rejected the route, a kernel export that dropped it, the
 * Cilium setting that installs no route, or the fact that nobody advertises it to this host.
 */
final class MissingRoute {

  static final String CODE = "route/not-learned";

  private final Simulation sim;

  MissingRoute(Simulation sim) {
    this.sim = sim;
  }

  /** A finding for a path that died for want of a route, or empty when the path died for another reason. */
  Optional<Finding> explain(PathTrace path) {
    if (!(path.disposition() == Disposition.EXITS_NETWORK || path.disposition() == Disposition.NO_ROUTE
        || path.disposition() == Disposition.FIB_LOOKUP_FAILED || path.disposition() == Disposition.NULL_ROUTED)) {
      return Optional.empty();
    }
    if (path.works()) {
      return Optional.empty();
    }
    Step last = path.lastStep();
    if (last == null) {
      return Optional.empty();
    }
    String host = last.host();
    IpAddr dst = last.before().dst();
    Optional<IpPrefix> target = podCidrOf(dst);
    String what = target.map(p -> p + " (" + ownerOf(p) + "'s pods)").orElse(dst.toString());

    List<String> why = new ArrayList<>();
    SourceRef where = SourceRef.NONE;
    // 1. what this host's own daemons did with a route covering dst
    for (Map.Entry<String, List<RibEntry>> rib : sim.controlPlane().ribs().entrySet()) {
      // Cilium's speaker rejects every received route by design (PR cilium/cilium#33035): not a cause
      if (!rib.getKey().startsWith(host + "/") || rib.getKey().endsWith("/cilium")) {
        continue;
      }
      List<RibEntry> covering = rib.getValue().stream()
          .filter(e -> e.prefix().contains(dst) && e.prefix().length() > 0)
          .sorted(Comparator.comparing((RibEntry e) -> -e.prefix().length()).thenComparing(e -> e.best() ? 0 : 1))
          .toList();
      if (covering.isEmpty()) {
        why.add(rib.getKey() + " has no route for it: no session delivers it");
        continue;
      }
      RibEntry e = covering.get(0);
      if (e.best()) {
        why.add(rib.getKey() + " selected " + e.prefix() + " from " + e.from() + " but it is not in the kernel table that was used"
            + (e.status().isEmpty() ? "" : " (" + e.status() + ")"));
      } else {
        why.add(rib.getKey() + " received " + e.prefix() + " from " + e.from() + " but " + e.status());
      }
      if (!where.isKnown() && e.where().isKnown()) {
        where = e.where();
      }
    }
    // 2. who does know it: proves the route exists in the network
    List<String> knowers = new ArrayList<>();
    for (Map.Entry<String, List<RibEntry>> rib : sim.controlPlane().ribs().entrySet()) {
      if (rib.getKey().startsWith(host + "/")) {
        continue;
      }
      boolean knows = rib.getValue().stream().anyMatch(e -> e.best() && e.prefix().contains(dst) && e.prefix().length() > 0
          && (e.attributes() == null || e.attributes().asPath().length() > 0));
      if (knows) {
        knowers.add(rib.getKey());
      }
    }
    if (!knowers.isEmpty()) {
      why.add("learned by " + String.join(", ", knowers.subList(0, Math.min(4, knowers.size())))
          + (knowers.size() > 4 ? " and " + (knowers.size() - 4) + " more" : ""));
    }
    // 3. Cilium's own route for other nodes' pod CIDRs
    if (target.isPresent() && sim.snapshot().isNode(host) && !sim.agent().effective().autoDirectNodeRoutes()) {
      FlagSource src = sim.agent().config().flag(AgentFlag.AUTO_DIRECT_NODE_ROUTES).source();
      why.add("Cilium installs no route to other nodes' pod CIDRs: auto-direct-node-routes is off (" + src.describe() + ")");
      if (!where.isKnown()) {
        where = src.where();
      }
    }
    if (!where.isKnown()) {
      where = last.where();
    }
    String message = host + " has no route to " + what + "; the packet took `" + last.rule() + "` instead.\n"
        + String.join("\n", why.stream().map(w -> "- " + w).toList());
    return Optional.of(new Finding(CODE, Severity.ERROR, message, where, host));
  }

  private Optional<IpPrefix> podCidrOf(IpAddr a) {
    return sim.snapshot().kubernetes().nodes().stream()
        .flatMap(n -> n.object().getSpec() == null || n.object().getSpec().getPodCIDRs() == null
            ? java.util.stream.Stream.<String>empty() : n.object().getSpec().getPodCIDRs().stream())
        .map(s -> {
          try {
            return IpPrefix.parseLenient(s);
          } catch (IllegalArgumentException e) {
            return null;
          }
        })
        .filter(p -> p != null && p.contains(a))
        .findFirst();
  }

  private String ownerOf(IpPrefix p) {
    return sim.snapshot().kubernetes().nodes().stream()
        .filter(n -> n.object().getSpec() != null && n.object().getSpec().getPodCIDRs() != null
            && n.object().getSpec().getPodCIDRs().stream().anyMatch(c -> c.equals(p.toString()) || safeEquals(c, p)))
        .map(n -> n.name())
        .findFirst().orElse("another node");
  }

  private static boolean safeEquals(String cidr, IpPrefix p) {
    try {
      return IpPrefix.parseLenient(cidr).equals(p);
    } catch (IllegalArgumentException e) {
      return false;
    }
  }
}
