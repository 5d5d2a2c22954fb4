package dev.podpath.lab;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/** A plain-text rendering of an observation, one line per fact, sorted, for {@code podpath lab}. */
public final class LabObservationText {

  private LabObservationText() {}

  public static List<String> lines(LabObservation o) {
    List<String> out = new ArrayList<>();
    out.add(String.format("%s after %.1f s", o.converged() ? "converged" : "NOT converged", o.elapsed().toMillis() / 1000.0));
    o.sessions().stream()
        .sorted(Comparator.comparing(ObservedSession::host).thenComparing(ObservedSession::daemon).thenComparing(ObservedSession::name))
        .forEach(s -> out.add(String.format("session %s %s %s peer %s AS%s: %s%s%s", s.host(), daemon(s.daemon()),
            s.name(), s.peerAddress(), s.peerAsn(), s.state(), s.detail().isEmpty() ? "" : " (" + s.detail() + ")",
            s.routesImported() == null ? "" : ", " + s.routesImported() + " in / " + s.routesExported() + " out")));
    o.bgpRoutes().stream()
        .sorted(Comparator.comparing(ObservedBgpRoute::host).thenComparing(ObservedBgpRoute::daemon)
            .thenComparing(ObservedBgpRoute::table).thenComparing(ObservedBgpRoute::prefix))
        .forEach(r -> out.add(String.format("rib %s %s %s %s %s%s from %s via %s as-path [%s] %s", r.host(), daemon(r.daemon()),
            r.table(), r.prefix(), r.best() ? "* " : "", r.kind(), r.source() + (r.from().isEmpty() ? "" : ":" + r.from()),
            r.nextHop(), r.asPath().stream().map(String::valueOf).collect(Collectors.joining(" ")),
            r.origin() == null ? "" : r.origin())));
    o.kernelRoutes().stream()
        .sorted(Comparator.comparing(ObservedKernelRoute::host).thenComparing(ObservedKernelRoute::table)
            .thenComparing(ObservedKernelRoute::prefix))
        .forEach(k -> out.add(String.format("fib %s table %s %s%s proto %s metric %s%s", k.host(), k.table(),
            k.type().equals("unicast") ? "" : k.type() + " ", k.prefix(), k.protocol(), k.metric(),
            k.nextHops().stream().map(h -> (h.gateway() == null ? "" : " via " + h.gateway()) + (h.dev() == null ? "" : " dev " + h.dev()))
                .collect(Collectors.joining(",")))));
    return out;
  }

  private static String daemon(LabDaemon d) {
    return switch (d) {
      case BIRD -> "bird";
      case FRR -> "frr";
      case CILIUM_STANDIN -> "cilium";
    };
  }
}
