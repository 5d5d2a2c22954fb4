package dev.podpath.lab;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Comparator;

/**
 * The observation as JSON for {@code podpath lab --format json}: addresses and prefixes as
 * strings, lists sorted as in {@link LabObservationText}, nulls omitted.
 */
public final class LabObservationJson {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private LabObservationJson() {}

  public static JsonNode tree(LabObservation o) {
    ObjectNode root = MAPPER.createObjectNode();
    root.put("converged", o.converged());
    root.put("elapsedMillis", o.elapsed().toMillis());
    ArrayNode sessions = root.putArray("sessions");
    o.sessions().stream()
        .sorted(Comparator.comparing(ObservedSession::host).thenComparing(ObservedSession::daemon).thenComparing(ObservedSession::name))
        .forEach(s -> {
          ObjectNode n = sessions.addObject();
          n.put("host", s.host());
          n.put("daemon", s.daemon().name().toLowerCase(java.util.Locale.ROOT));
          n.put("vrf", s.vrf());
          n.put("name", s.name());
          putText(n, "peerAddress", s.peerAddress());
          putLong(n, "peerAsn", s.peerAsn());
          putLong(n, "localAsn", s.localAsn());
          n.put("state", s.state().name());
          if (!s.detail().isEmpty()) {
            n.put("detail", s.detail());
          }
          putLong(n, "routesImported", s.routesImported() == null ? null : s.routesImported().longValue());
          putLong(n, "routesExported", s.routesExported() == null ? null : s.routesExported().longValue());
        });
    ArrayNode ribs = root.putArray("bgpRoutes");
    o.bgpRoutes().stream()
        .sorted(Comparator.comparing(ObservedBgpRoute::host).thenComparing(ObservedBgpRoute::daemon)
            .thenComparing(ObservedBgpRoute::table).thenComparing(ObservedBgpRoute::prefix).thenComparing(ObservedBgpRoute::from))
        .forEach(r -> {
          ObjectNode n = ribs.addObject();
          n.put("host", r.host());
          n.put("daemon", r.daemon().name().toLowerCase(java.util.Locale.ROOT));
          n.put("table", r.table());
          n.put("prefix", r.prefix().toString());
          n.put("source", r.source());
          n.put("from", r.from());
          n.put("best", r.best());
          n.put("kind", r.kind());
          putText(n, "nextHop", r.nextHop());
          ArrayNode path = n.putArray("asPath");
          r.asPath().forEach(path::add);
          putText(n, "origin", r.origin());
          putLong(n, "localPref", r.localPref());
          putLong(n, "med", r.med());
          if (!r.attributes().isEmpty()) {
            ObjectNode a = n.putObject("attributes");
            new java.util.TreeMap<>(r.attributes()).forEach(a::put);
          }
        });
    ArrayNode fibs = root.putArray("kernelRoutes");
    o.kernelRoutes().stream()
        .sorted(Comparator.comparing(ObservedKernelRoute::host).thenComparing(ObservedKernelRoute::table)
            .thenComparing(ObservedKernelRoute::prefix).thenComparing(ObservedKernelRoute::protocol))
        .forEach(k -> {
          ObjectNode n = fibs.addObject();
          n.put("host", k.host());
          n.put("table", k.table());
          n.put("type", k.type());
          n.put("prefix", k.prefix().toString());
          n.put("protocol", k.protocol());
          putLong(n, "metric", k.metric());
          ArrayNode hops = n.putArray("nextHops");
          for (ObservedKernelRoute.NextHop h : k.nextHops()) {
            ObjectNode hn = hops.addObject();
            putText(hn, "gateway", h.gateway());
            putText(hn, "dev", h.dev());
          }
        });
    return root;
  }

  private static void putText(ObjectNode n, String key, Object value) {
    if (value != null) {
      n.put(key, value.toString());
    }
  }

  private static void putLong(ObjectNode n, String key, Long value) {
    if (value != null) {
      n.put(key, value);
    }
  }
}
