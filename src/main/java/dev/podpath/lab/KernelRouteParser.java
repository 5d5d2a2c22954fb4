package dev.podpath.lab;

import com.fasterxml.jackson.databind.JsonNode;
import dev.podpath.core.net.IpAddr;
import dev.podpath.core.net.IpPrefix;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Reads {@code ip -j -4|-6 route show table all} (iproute2 6.1). Without a "table" key a route is
 * in main; without "type" it is unicast; "dst" is "default", a prefix, or a bare address (a host
 * route); IPv4 routes via an IPv6 gateway print {@code "via":{"family","host"}}.
 */
public final class KernelRouteParser {

  /** Kernel bookkeeping that no routing config decides (unless asked for). */
  private static final Set<String> NOISE_TYPES = Set.of("local", "broadcast", "multicast", "anycast");

  private KernelRouteParser() {}

  public static List<ObservedKernelRoute> routes(String host, String json, boolean v6, boolean keepNoise) {
    JsonNode root = LabJson.read(json, "ip -j route show table all");
    List<ObservedKernelRoute> out = new ArrayList<>();
    for (JsonNode r : root) {
      String table = r.path("table").asText("main");
      String type = r.path("type").asText("unicast");
      String dst = r.path("dst").asText("");
      IpPrefix prefix = dst.equals("default") ? IpPrefix.defaultRoute(v6) : IpPrefix.parseLenient(dst);
      if (!keepNoise && (table.equals("local") || NOISE_TYPES.contains(type)
          || prefix.network().isLinkLocal() || prefix.network().isMulticast())) {
        continue;
      }
      List<ObservedKernelRoute.NextHop> hops = new ArrayList<>();
      if (r.has("nexthops")) {
        for (JsonNode h : r.get("nexthops")) {
          hops.add(new ObservedKernelRoute.NextHop(gateway(h), textOrNull(h, "dev")));
        }
      } else if (gateway(r) != null || r.has("dev")) {
        hops.add(new ObservedKernelRoute.NextHop(gateway(r), textOrNull(r, "dev")));
      }
      out.add(new ObservedKernelRoute(host, table, type, prefix, r.path("protocol").asText("boot"),
          r.has("metric") ? r.get("metric").asLong() : null, hops));
    }
    return out;
  }

  private static IpAddr gateway(JsonNode n) {
    if (n.hasNonNull("gateway")) {
      return IpAddr.parse(n.get("gateway").asText());
    }
    if (n.path("via").hasNonNull("host")) {
      return IpAddr.parse(n.get("via").get("host").asText());
    }
    return null;
  }

  private static String textOrNull(JsonNode n, String key) {
    return n.hasNonNull(key) ? n.get(key).asText() : null;
  }
}
