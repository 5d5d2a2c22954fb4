package dev.podpath.lab;

import com.fasterxml.jackson.databind.JsonNode;
import dev.podpath.core.net.IpAddr;
import dev.podpath.core.net.IpPrefix;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads {@code gobgp neighbor -j} and {@code gobgp global rib -a ipv6|ipv4 -j} (GoBGP 3.10, the
 * Cilium stand-in). Attribute type codes are RFC 4271 section 5 / RFC 4760 (1 ORIGIN, 2 AS_PATH,
 * 3 NEXT_HOP, 4 MED, 5 LOCAL_PREF, 14 MP_REACH_NLRI).
 */
public final class GobgpOutputParser {

  private GobgpOutputParser() {}

  public static List<ObservedSession> sessions(String host, String json) {
    JsonNode root = LabJson.read(json, "gobgp neighbor -j");
    List<ObservedSession> out = new ArrayList<>();
    for (JsonNode n : root) {
      JsonNode conf = n.path("conf");
      String addr = conf.path("neighbor_address").asText();
      JsonNode st = n.path("state").path("session_state");
      SessionState state = st.isInt() ? fromNumber(st.asInt()) : SessionState.parse(st.asText(null));
      out.add(new ObservedSession(host, LabDaemon.CILIUM_STANDIN, "default", addr, FrrOutputParser.addressOrNull(addr),
          FrrOutputParser.longOrNull(conf.path("peer_asn")), FrrOutputParser.longOrNull(conf.path("local_asn")),
          state, "", null, null));
    }
    return out;
  }

  /** GoBGP api.PeerState_SessionState: 1 IDLE, 2 CONNECT, 3 ACTIVE, 4 OPENSENT, 5 OPENCONFIRM, 6 ESTABLISHED. */
  static SessionState fromNumber(int n) {
    return switch (n) {
      case 1 -> SessionState.IDLE;
      case 2 -> SessionState.CONNECT;
      case 3 -> SessionState.ACTIVE;
      case 4 -> SessionState.OPEN_SENT;
      case 5 -> SessionState.OPEN_CONFIRM;
      case 6 -> SessionState.ESTABLISHED;
      default -> SessionState.UNKNOWN;
    };
  }

  public static List<ObservedBgpRoute> routes(String host, String json) {
    JsonNode root = LabJson.read(json, "gobgp global rib -j");
    List<ObservedBgpRoute> out = new ArrayList<>();
    for (Map.Entry<String, JsonNode> e : root.properties()) {
      IpPrefix prefix = IpPrefix.parseLenient(e.getKey());
      for (JsonNode p : e.getValue()) {
        String origin = null;
        IpAddr nh = null;
        List<Long> asPath = new ArrayList<>();
        Long med = null;
        Long lp = null;
        for (JsonNode a : p.path("attrs")) {
          switch (a.path("type").asInt()) {
            case 1 -> origin = switch (a.path("value").asInt()) { case 0 -> "IGP"; case 1 -> "EGP"; default -> "Incomplete"; };
            case 2 -> {
              for (JsonNode seg : a.path("as_paths")) {
                for (JsonNode asn : seg.path("asns")) {
                  asPath.add(asn.asLong());
                }
              }
            }
            case 3, 14 -> {
              if (a.hasNonNull("nexthop")) {
                nh = IpAddr.parse(a.get("nexthop").asText());
              }
            }
            case 4 -> med = a.path("metric").asLong();
            case 5 -> lp = a.path("value").asLong();
            default -> { }
          }
        }
        // A path the stand-in originated itself has no source peer in the JSON.
        String from = p.path("source_id").asText(p.path("neighbor_ip").asText(""));
        boolean local = from.isEmpty() || from.equals("<nil>");
        out.add(new ObservedBgpRoute(host, LabDaemon.CILIUM_STANDIN, "global", prefix, local ? "local" : "bgp",
            local ? "" : from, p.path("best").asBoolean(false), p.path("filtered").asBoolean(false) ? "invalid" : "unicast",
            nh, asPath, origin, lp, med, Map.of()));
      }
    }
    return out;
  }
}
