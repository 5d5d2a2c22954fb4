package dev.podpath.lab;

import com.fasterxml.jackson.databind.JsonNode;
import dev.podpath.core.net.IpAddr;
import dev.podpath.core.net.IpPrefix;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads FRR 8.4 {@code vtysh} JSON: {@code show bgp vrf all summary json} (VRF -> AFI -> peers)
 * and {@code show bgp vrf all ipv6|ipv4 unicast json} (VRF -> routes -> prefix -> paths). Shapes as
 * captured in the lab (src/test/resources/dev/podpath/lab/frr-*.json).
 */
public final class FrrOutputParser {

  private FrrOutputParser() {}

  /** One session per (VRF, peer); prefix counts summed over the address families it appears in. */
  public static List<ObservedSession> sessions(String host, String json) {
    JsonNode root = LabJson.read(json, "vtysh show bgp vrf all summary json");
    Map<String, ObservedSession> byKey = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> vrf : root.properties()) {
      for (Map.Entry<String, JsonNode> afi : vrf.getValue().properties()) {
        JsonNode peers = afi.getValue().path("peers");
        for (Map.Entry<String, JsonNode> p : peers.properties()) {
          JsonNode n = p.getValue();
          String key = vrf.getKey() + "|" + p.getKey();
          // lab: frr 8.4.4 reports "state":"Established" with "peerState":"Policy" when RFC 8212
          // (bgp ebgp-requires-policy) blocks a session's routes, "OK" otherwise.
          String peerState = n.path("peerState").asText("");
          int rcvd = n.path("pfxRcd").asInt(0);
          int sent = n.path("pfxSnt").asInt(0);
          ObservedSession prev = byKey.get(key);
          if (prev != null) {
            rcvd += prev.routesImported();
            sent += prev.routesExported();
          }
          byKey.put(key, new ObservedSession(host, LabDaemon.FRR, vrf.getKey(), p.getKey(), addressOrNull(p.getKey()),
              longOrNull(n.path("remoteAs")), longOrNull(n.path("localAs")), SessionState.parse(n.path("state").asText(null)),
              peerState.equals("OK") ? "" : peerState, rcvd, sent));
        }
      }
    }
    return List.copyOf(byKey.values());
  }

  /** Every path of every prefix in every VRF (best and not). */
  public static List<ObservedBgpRoute> routes(String host, String json) {
    JsonNode root = LabJson.read(json, "vtysh show bgp vrf all unicast json");
    List<ObservedBgpRoute> out = new ArrayList<>();
    for (Map.Entry<String, JsonNode> vrf : root.properties()) {
      String vrfName = vrf.getValue().path("vrfName").asText(vrf.getKey());
      for (Map.Entry<String, JsonNode> e : vrf.getValue().path("routes").properties()) {
        IpPrefix prefix = IpPrefix.parseLenient(e.getKey());
        for (JsonNode path : e.getValue()) {
          out.add(route(host, vrfName, prefix, path));
        }
      }
    }
    return out;
  }

  private static ObservedBgpRoute route(String host, String vrf, IpPrefix prefix, JsonNode p) {
    String peer = p.path("peerId").asText("");
    // lab: a locally originated path (network statement) has peerId "(unspec)" and next hop "::"/"0.0.0.0".
    boolean local = peer.equals("(unspec)") || peer.isEmpty();
    IpAddr nh = null;
    for (JsonNode h : p.path("nexthops")) {
      String scope = h.path("scope").asText("global");
      if (!scope.equals("link-local") && h.hasNonNull("ip")) {
        nh = IpAddr.parse(h.get("ip").asText());
        break;
      }
    }
    List<Long> asPath = new ArrayList<>();
    for (String a : p.path("path").asText("").split("[\\s{}(),\\[\\]]+")) {
      if (!a.isEmpty() && a.chars().allMatch(Character::isDigit)) {
        asPath.add(Long.parseLong(a));
      }
    }
    Map<String, String> attrs = new LinkedHashMap<>();
    if (p.has("weight")) {
      attrs.put("weight", p.get("weight").asText());
    }
    if (p.has("community")) {
      attrs.put("community", p.get("community").path("string").asText(p.get("community").toString()));
    }
    if (p.has("largeCommunity")) {
      attrs.put("largeCommunity", p.get("largeCommunity").path("string").asText(p.get("largeCommunity").toString()));
    }
    boolean valid = p.path("valid").asBoolean(false);
    return new ObservedBgpRoute(host, LabDaemon.FRR, vrf, prefix, local ? "local" : "bgp", local ? "" : peer,
        p.path("bestpath").asBoolean(false), valid ? "unicast" : "invalid", nh, asPath,
        originName(p.path("origin").asText(null)), longOrNull(p.path("locPrf")), longOrNull(p.path("metric")), attrs);
  }

  /** FRR prints "IGP"/"EGP"/"incomplete"; BIRD prints "IGP"/"EGP"/"Incomplete": use BIRD's words. */
  static String originName(String s) {
    if (s == null) {
      return null;
    }
    return switch (s.toLowerCase(java.util.Locale.ROOT)) {
      case "igp", "i" -> "IGP";
      case "egp", "e" -> "EGP";
      default -> "Incomplete";
    };
  }

  static IpAddr addressOrNull(String s) {
    try {
      return IpAddr.parse(s);
    } catch (IllegalArgumentException e) {
      return null; // an interface name (BGP unnumbered) or a peer-group
    }
  }

  static Long longOrNull(JsonNode n) {
    return n == null || n.isMissingNode() || n.isNull() ? null : n.asLong();
  }
}
