package dev.podpath.lab;

import dev.podpath.core.net.IpAddr;
import dev.podpath.core.net.IpPrefix;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the text {@code birdc} prints (BIRD 2.0.12). This is a display format, not a config
 * language: column layout and attribute lines as seen in lab captures (src/test/resources
 * dev/podpath/lab/birdc-*.txt), e.g. "BGP state:" for sessions and "BGP.as_path:" for routes.
 */
public final class BirdOutputParser {

  // lab: BIRD 2.0.12 "show protocols all": a header line per protocol at column 0.
  private static final Pattern PROTOCOL_HEADER = Pattern.compile("^(\\S+)\\s+(\\S+)\\s+(\\S+)\\s+(\\S+)\\s+(\\S+)(?:\\s+(.*))?$");
  private static final Pattern ROUTES_LINE = Pattern.compile("Routes:\\s+(\\d+) imported,(?: (\\d+) filtered,)? (\\d+) exported");
  // lab: "fd00:bb::/64         unicast [up1 09:03:59.514] * (100) [AS65002i]"; a further route
  // for the same net starts with blanks instead of the net; "from ::1" follows the time for
  // multihop peers; the preference may carry an IGP metric "(100/20)".
  private static final Pattern ROUTE_LINE = Pattern.compile(
      "^(\\S+)?\\s+(\\S+)\\s+\\[(\\S+)\\s[^\\]]*?(?:\\sfrom\\s(\\S+))?\\]\\s*(\\*)?\\s*\\((\\d+)(?:/[^)]*)?\\)(?:\\s+\\[(.*)\\])?\\s*$");
  private static final Pattern VIA = Pattern.compile("^\\s+via\\s+(\\S+)(?:\\s+on\\s+(\\S+))?.*$");
  private static final Pattern DEV = Pattern.compile("^\\s+dev\\s+(\\S+).*$");

  private BirdOutputParser() {}

  /** BGP sessions from {@code birdc show protocols all}. */
  public static List<ObservedSession> sessions(String host, String text) {
    List<ObservedSession> out = new ArrayList<>();
    Block b = null;
    for (String line : text.split("\n", -1)) {
      if (line.isBlank() || line.startsWith("BIRD ") || line.startsWith("Name ")) {
        continue;
      }
      if (!Character.isWhitespace(line.charAt(0))) {
        if (b != null && b.bgp) {
          out.add(b.toSession(host));
        }
        Matcher m = PROTOCOL_HEADER.matcher(line);
        b = m.matches() ? new Block(m.group(1), m.group(2).equals("BGP"), m.group(4), m.group(6)) : null;
        continue;
      }
      if (b == null || !b.bgp) {
        continue;
      }
      String t = line.strip();
      int colon = t.indexOf(':');
      if (colon > 0) {
        String key = t.substring(0, colon);
        String value = t.substring(colon + 1).strip();
        switch (key) {
          case "BGP state" -> b.state = value;
          case "Neighbor address" -> b.neighbor = value;
          // lab: a "neighbor range" protocol is a template that spawns svc1, svc2... per peer.
          case "Neighbor range" -> b.range = value;
          case "Neighbor AS" -> b.peerAs = parseLong(value);
          case "Local AS" -> b.localAs = parseLong(value);
          case "Last error" -> b.lastError = value;
          default -> { }
        }
      }
      Matcher r = ROUTES_LINE.matcher(t);
      if (r.find()) {
        b.imported += Integer.parseInt(r.group(1));
        b.exported += Integer.parseInt(r.group(3));
        b.sawRoutes = true;
      }
    }
    if (b != null && b.bgp) {
      out.add(b.toSession(host));
    }
    return out;
  }

  /** Routes from {@code birdc show route all table all} (every table, best and non-best). */
  public static List<ObservedBgpRoute> routes(String host, String text) {
    List<ObservedBgpRoute> out = new ArrayList<>();
    String table = null;
    String net = null;
    RouteBuilder r = null;
    for (String line : text.split("\n", -1)) {
      if (line.startsWith("BIRD ") || line.isBlank()) {
        continue;
      }
      if (line.startsWith("Table ") && line.endsWith(":")) {
        if (r != null) {
          out.add(r.build(host));
          r = null;
        }
        table = line.substring(6, line.length() - 1);
        net = null;
        continue;
      }
      Matcher m = ROUTE_LINE.matcher(line);
      if (m.matches()) {
        if (r != null) {
          out.add(r.build(host));
        }
        if (m.group(1) != null) {
          net = m.group(1);
        }
        if (net == null) {
          throw new IllegalArgumentException("birdc output: route line without a network: " + line);
        }
        r = new RouteBuilder(table, IpPrefix.parseLenient(net), m.group(2), m.group(3), m.group(5) != null);
        continue;
      }
      if (r == null) {
        continue;
      }
      Matcher via = VIA.matcher(line);
      if (via.matches()) {
        if (r.gateway == null) {
          r.gateway = IpAddr.parse(via.group(1));
        }
        continue;
      }
      if (DEV.matcher(line).matches()) {
        continue;
      }
      String t = line.strip();
      int colon = t.indexOf(':');
      if (colon > 0) {
        r.attribute(t.substring(0, colon), t.substring(colon + 1).strip());
      }
    }
    if (r != null) {
      out.add(r.build(host));
    }
    return out;
  }

  private static Long parseLong(String s) {
    try {
      return Long.parseLong(s.strip());
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static final class Block {
    final String name;
    final boolean bgp;
    final String protoState;
    final String info;
    String state;
    String neighbor;
    Long peerAs;
    Long localAs;
    String lastError = "";
    String range;
    int imported;
    int exported;
    boolean sawRoutes;

    Block(String name, boolean bgp, String protoState, String info) {
      this.name = name;
      this.bgp = bgp;
      this.protoState = protoState;
      this.info = info == null ? "" : info.strip();
    }

    ObservedSession toSession(String host) {
      // A disabled protocol prints state "down" and no "BGP state" line.
      String s = state != null ? state : protoState.equals("down") ? "Down" : info;
      IpAddr peer = null;
      if (neighbor != null) {
        String n = neighbor.contains("%") ? neighbor.substring(0, neighbor.indexOf('%')) : neighbor;
        peer = IpAddr.parse(n);
      }
      String detail = range != null ? ObservedSession.RANGE_TEMPLATE + range : lastError;
      return new ObservedSession(host, LabDaemon.BIRD, "default", name, peer, peerAs, localAs,
          SessionState.parse(s), detail, sawRoutes ? imported : null, sawRoutes ? exported : null);
    }
  }

  private static final class RouteBuilder {
    final String table;
    final IpPrefix prefix;
    final String kind;
    final String from;
    final boolean best;
    String source = "";
    IpAddr gateway;
    IpAddr bgpNextHop;
    List<Long> asPath = List.of();
    String origin;
    Long localPref;
    Long med;
    final Map<String, String> attributes = new LinkedHashMap<>();

    RouteBuilder(String table, IpPrefix prefix, String kind, String from, boolean best) {
      this.table = table;
      this.prefix = prefix;
      this.kind = kind;
      this.from = from;
      this.best = best;
    }

    void attribute(String key, String value) {
      switch (key) {
        // lab: "Type: BGP univ", "Type: static univ", "Type: device univ", "Type: inherit univ" (kernel).
        case "Type" -> source = value.split("\\s+")[0].toLowerCase(java.util.Locale.ROOT);
        case "BGP.origin" -> origin = value;
        case "BGP.as_path" -> asPath = asPath(value);
        case "BGP.next_hop" -> bgpNextHop = IpAddr.parse(value.split("\\s+")[0]);
        case "BGP.local_pref" -> localPref = parseLong(value);
        case "BGP.med" -> med = parseLong(value);
        default -> attributes.put(key, value);
      }
    }

    ObservedBgpRoute build(String host) {
      IpAddr nh = bgpNextHop != null ? bgpNextHop : gateway;
      return new ObservedBgpRoute(host, LabDaemon.BIRD, table, prefix, source, from, best, kind, nh, asPath,
          origin, localPref, med, attributes);
    }

    private static List<Long> asPath(String value) {
      List<Long> out = new ArrayList<>();
      for (String p : value.split("[\\s{}()\\[\\]]+")) {
        if (!p.isEmpty()) {
          Long v = parseLong(p);
          if (v != null) {
            out.add(v);
          }
        }
      }
      return out;
    }
  }
}
