package dev.podpath.analysis;

import dev.podpath.analysis.intent.Endpoint;
import dev.podpath.analysis.intent.IntentResolver;
import dev.podpath.dataplane.assembly.ClusterNode;
import dev.podpath.dataplane.assembly.ClusterPod;
import dev.podpath.dataplane.assembly.ClusterService;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Checks that a command-line endpoint names something in the snapshot, and when it does not,
 * says so with the closest names (by edit distance, and names containing what was typed), so a
 * typo in a generated pod name is a one-glance fix.
 */
final class EndpointNames {

  private static final int SHOWN = 5;

  private final IntentResolver resolver;

  EndpointNames(IntentResolver resolver) {
    this.resolver = resolver;
  }

  /** Empty when the endpoint names something; else the message. */
  Optional<String> check(Endpoint e, boolean source) {
    if (e instanceof Endpoint.PodSelector p && p.name() != null) {
      String want = p.namespace() + "/" + p.name();
      List<String> all = resolver.inventory().pods().stream().map(ClusterPod::qualifiedName).sorted().toList();
      if (all.contains(want)) {
        return Optional.empty();
      }
      return Optional.of("no pod " + want + " in kubernetes/" + close(want, all));
    }
    if (e instanceof Endpoint.SyntheticPod s) {
      if (resolver.inventory().node(s.node()).isPresent() && resolver.syntheticPod(s.node()).isPresent()) {
        return Optional.empty();
      }
      List<String> nodes = resolver.inventory().nodes().stream().map(ClusterNode::name).sorted().toList();
      if (resolver.inventory().node(s.node()).isEmpty()) {
        return Optional.of("no node " + s.node() + " in kubernetes/" + close(s.node(), nodes));
      }
      return Optional.of("node " + s.node() + " has no pod and no pod CIDR in the snapshot: pod@" + s.node()
          + " names nothing");
    }
    if (e instanceof Endpoint.ServiceSelector s) {
      if (source) {
        return Optional.of("a Service cannot be a source; trace from a pod, pod@NODE, node:, router: or address:");
      }
      String want = s.namespace() + "/" + s.name();
      Optional<ClusterService> found = resolver.inventory().service(s.namespace(), s.name());
      if (found.isEmpty()) {
        List<String> all = resolver.inventory().services().stream().map(ClusterService::qualifiedName).sorted().toList();
        return Optional.of("no Service " + want + " in kubernetes/" + close(want, all));
      }
      if (s.port() != null && found.get().ports().stream()
          .noneMatch(p -> s.port().equals(String.valueOf(p.port())) || s.port().equals(p.name()))) {
        List<String> ports = found.get().ports().stream()
            .map(p -> p.port() + (p.name() == null || p.name().isEmpty() ? "" : " (" + p.name() + ")")).toList();
        return Optional.of("Service " + want + " has no port " + s.port() + "; its ports: " + String.join(", ", ports));
      }
      return Optional.empty();
    }
    if (e instanceof Endpoint.NodeSelector n && n.name() != null) {
      List<String> nodes = resolver.inventory().nodes().stream().map(ClusterNode::name).sorted().toList();
      if (nodes.contains(n.name())) {
        return Optional.empty();
      }
      String hint = resolver.isRouter(n.name()) ? " (" + n.name() + " is a router: write router:" + n.name() + ")" : "";
      return Optional.of("no node " + n.name() + " in kubernetes/" + hint + close(n.name(), nodes));
    }
    if (e instanceof Endpoint.RouterRef r) {
      List<String> routers = resolver.hosts().keySet().stream().filter(resolver::isRouter).sorted().toList();
      if (routers.contains(r.host())) {
        return Optional.empty();
      }
      String hint = resolver.inventory().node(r.host()).isPresent()
          ? " (" + r.host() + " is a Kubernetes node: write node:" + r.host() + ")" : "";
      return Optional.of("no router " + r.host() + " under hosts/" + hint + close(r.host(), routers));
    }
    if (e instanceof Endpoint.AddressRef a && source && a.enterHost() == null) {
      return Optional.of("an address outside the model cannot be a source on the command line (it needs the host and "
          + "interface where it enters); trace from a pod, pod@NODE, node: or router:");
    }
    return Optional.empty();
  }

  /** "; did you mean: a, b, c" — or the first names when nothing is close. */
  static String close(String want, List<String> names) {
    if (names.isEmpty()) {
      return " (the snapshot has none)";
    }
    String w = want.toLowerCase(Locale.ROOT);
    String bare = w.contains("/") ? w.substring(w.indexOf('/') + 1) : w;
    List<String> near = names.stream()
        .filter(n -> distance(n.toLowerCase(Locale.ROOT), w) <= Math.max(3, w.length() / 3)
            || n.toLowerCase(Locale.ROOT).contains(bare) || (tail(n).length() >= 3 && bare.contains(tail(n))))
        .sorted(Comparator.comparingInt((String n) -> distance(n.toLowerCase(Locale.ROOT), w)).thenComparing(n -> n))
        .limit(SHOWN).toList();
    if (!near.isEmpty()) {
      return "; did you mean: " + String.join(", ", near);
    }
    return "; it has: " + String.join(", ", names.subList(0, Math.min(SHOWN, names.size())))
        + (names.size() > SHOWN ? " (and " + (names.size() - SHOWN) + " more)" : "");
  }

  private static String tail(String qualified) {
    String n = qualified.toLowerCase(Locale.ROOT);
    n = n.contains("/") ? n.substring(n.indexOf('/') + 1) : n;
    // a generated pod name's stable part: the Deployment name before its hashes
    String[] parts = n.split("-");
    return parts.length > 2 ? String.join("-", java.util.Arrays.copyOf(parts, parts.length - 2)) : n;
  }

  /** Levenshtein distance. */
  static int distance(String a, String b) {
    int[] prev = new int[b.length() + 1];
    int[] cur = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      cur[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int sub = prev[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
        cur[j] = Math.min(sub, Math.min(prev[j] + 1, cur[j - 1] + 1));
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return prev[b.length()];
  }
}
