package dev.podpath.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.podpath.controlplane.SessionResult;
import dev.podpath.controlplane.spi.AddressFamily;
import java.util.List;
import java.util.stream.Collectors;

/** `podpath sessions`: every configured BGP neighbor from its own side, up or not, and why. */
public final class SessionsReport {

  private SessionsReport() {}

  public static String text(List<SessionResult> sessions) {
    List<SessionResult> sorted = sessions.stream().sorted(SessionResult.ORDER).toList();
    long up = sorted.stream().filter(SessionResult::established).count();
    StringBuilder sb = new StringBuilder();
    sb.append("BGP sessions: ").append(up).append(" of ").append(sorted.size()).append(" configured neighbors Established\n\n");
    TextTable t = new TextTable("host", "daemon", "neighbor", "peer address", "peer", "state", "families", "config");
    for (SessionResult s : sorted) {
      t.row(s.host(), s.daemon(), s.neighborId(), s.peerAddress(), peer(s), s.established() ? "Established" : "down",
          families(s), s.where());
    }
    sb.append(t.render("  "));
    List<SessionResult> down = sorted.stream().filter(s -> !s.established()).toList();
    if (!down.isEmpty()) {
      sb.append("\nWhy the others are down:\n");
      for (SessionResult s : down) {
        sb.append("  ").append(s.host()).append(' ').append(s.daemon()).append(' ').append(s.neighborId())
            .append(" (").append(s.where()).append("): ").append(s.reason().summary()).append('\n')
            .append("      ").append(s.message()).append('\n');
      }
    }
    return sb.toString();
  }

  public static ArrayNode json(List<SessionResult> sessions) {
    ArrayNode a = Json.array();
    for (SessionResult s : sessions.stream().sorted(SessionResult.ORDER).toList()) {
      ObjectNode o = a.addObject();
      o.put("host", s.host());
      o.put("daemon", s.daemon());
      o.put("neighbor", s.neighborId());
      o.put("vrf", s.vrf());
      o.put("peerAddress", String.valueOf(s.peerAddress()));
      o.put("localAs", s.localAs());
      o.put("localAddress", s.localAddress() == null ? null : s.localAddress().toString());
      o.put("state", s.established() ? "established" : "down");
      o.put("reason", s.reason() == null ? null : s.reason().name().toLowerCase(java.util.Locale.ROOT));
      o.put("message", s.message());
      o.put("file", s.where().file());
      o.put("line", s.where().line());
      o.put("peerHost", s.peerHost());
      o.put("peerDaemon", s.peerDaemon());
      o.put("peerNeighbor", s.peerNeighborId());
      ArrayNode f = o.putArray("families");
      s.families().stream().sorted().forEach(x -> f.add(familyName(x)));
    }
    return a;
  }

  private static String peer(SessionResult s) {
    return s.peerHost() == null ? "-" : s.peerHost() + "/" + s.peerDaemon();
  }

  private static String families(SessionResult s) {
    return s.families().isEmpty() ? "-" : s.families().stream().sorted().map(SessionsReport::familyName).collect(Collectors.joining(","));
  }

  static String familyName(AddressFamily f) {
    return f.v6() ? "ipv6" : "ipv4";
  }
}
