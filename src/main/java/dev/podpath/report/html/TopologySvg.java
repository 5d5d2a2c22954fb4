package dev.podpath.report.html;

import static dev.podpath.report.html.Html.esc;

import dev.podpath.controlplane.SessionResult;
import dev.podpath.model.network.Network;
import dev.podpath.model.network.Segment;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The picture at the top of the report: hosts in a row (routers first, then Kubernetes nodes),
 * each L2 segment a bus line below them with the interfaces that sit on it, and every BGP session
 * between two hosts an arc above them, green when both sides are Established and dashed red when
 * not. Sessions inside one host (Cilium to its local bird over loopback) are a line in the box.
 *
 * <p>A bus layout rather than a force or layered one: these clusters are a few segments with many
 * hosts on each, which a bus shows without crossings, and the same snapshot always draws the same.
 */
final class TopologySvg {

  static final String UP = "#2e7d32";
  static final String DOWN = "#c62828";
  private static final int BOX_W = 170;
  private static final int GAP = 24;
  private static final int MARGIN = 20;
  private static final int HEAD = 40;

  private TopologySvg() {}

  /** One session between two daemons, both directions folded into one. */
  record Link(String a, String b, boolean up, String label) {}

  /**
   * @param daemons daemon names per host, in the order the box lists them
   * @param nodes names of Kubernetes nodes (drawn after routers, in another colour)
   * @param troubled hosts with an error finding (red border)
   */
  static String render(Network network, List<SessionResult> sessions, Map<String, List<String>> daemons, Set<String> nodes,
      Set<String> troubled) {
    List<String> hosts = new ArrayList<>(network.hosts().keySet());
    hosts.sort(Comparator.comparing((String h) -> nodes.contains(h)).thenComparing(h -> h));
    Map<String, Integer> column = new LinkedHashMap<>();
    hosts.forEach(h -> column.put(h, column.size()));

    Map<String, Link> links = links(sessions);
    List<Link> between = links.values().stream().filter(l -> !host(l.a()).equals(host(l.b()))).toList();
    Map<String, List<Link>> inside = new TreeMap<>();
    links.values().stream().filter(l -> host(l.a()).equals(host(l.b()))).forEach(l -> inside.computeIfAbsent(host(l.a()), k -> new ArrayList<>()).add(l));

    int maxSpan = between.stream().mapToInt(l -> Math.abs(column.get(host(l.a())) - column.get(host(l.b())))).max().orElse(0);
    int arcRoom = Math.min(160, 30 + maxSpan * 18);
    int boxTop = HEAD + arcRoom;
    int boxH = 46 + 14 * hosts.stream().mapToInt(h -> daemons.getOrDefault(h, List.of()).size() + inside.getOrDefault(h, List.of()).size()).max().orElse(0);
    List<Segment> segments = network.segments();
    int busTop = boxTop + boxH + 40;
    int width = MARGIN * 2 + Math.max(1, hosts.size()) * (BOX_W + GAP);
    int height = busTop + segments.size() * 46 + 20;

    StringBuilder svg = new StringBuilder();
    svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"topology\" width=\"").append(width).append("\" height=\"").append(height)
        .append("\" viewBox=\"0 0 ").append(width).append(' ').append(height).append("\" role=\"img\" aria-label=\"hosts, segments and BGP sessions\">\n");
    svg.append("<text x=\"").append(MARGIN).append("\" y=\"22\" class=\"legend\">BGP session: <tspan fill=\"").append(UP)
        .append("\">&#9472;&#9472; Established</tspan>  <tspan fill=\"").append(DOWN).append("\">&#9476;&#9476; down</tspan></text>\n");

    for (int k = 0; k < segments.size(); k++) {
      Segment s = segments.get(k);
      int y = busTop + k * 46;
      List<Integer> xs = s.members().stream().filter(m -> column.containsKey(m.host())).map(m -> centre(column.get(m.host()))).sorted().toList();
      if (xs.isEmpty()) {
        continue;
      }
      int from = xs.get(0) - BOX_W / 2;
      int to = xs.get(xs.size() - 1) + BOX_W / 2;
      svg.append("<line class=\"bus\" x1=\"").append(from).append("\" y1=\"").append(y).append("\" x2=\"").append(to).append("\" y2=\"").append(y).append("\"/>\n");
      svg.append("<text class=\"segment\" x=\"").append(from).append("\" y=\"").append(y + 16).append("\">segment ").append(esc(s.name())).append("</text>\n");
      for (Segment.Member m : s.members()) {
        Integer c = column.get(m.host());
        if (c == null) {
          continue;
        }
        int x = centre(c) + (k - (segments.size() - 1) / 2) * 10;
        svg.append("<line class=\"drop\" x1=\"").append(x).append("\" y1=\"").append(boxTop + boxH).append("\" x2=\"").append(x).append("\" y2=\"").append(y).append("\"/>\n");
        svg.append("<text class=\"iface\" x=\"").append(x + 4).append("\" y=\"").append(y - 6).append("\">").append(esc(m.iface())).append("</text>\n");
      }
    }

    for (Link l : between) {
      int x1 = centre(column.get(host(l.a())));
      int x2 = centre(column.get(host(l.b())));
      int span = Math.abs(column.get(host(l.a())) - column.get(host(l.b())));
      int lift = Math.min(arcRoom - 8, 20 + span * 18);
      svg.append("<path class=\"session").append(l.up() ? "" : " down").append("\" d=\"M ").append(x1).append(' ').append(boxTop)
          .append(" C ").append(x1).append(' ').append(boxTop - lift).append(", ").append(x2).append(' ').append(boxTop - lift).append(", ")
          .append(x2).append(' ').append(boxTop).append("\" stroke=\"").append(l.up() ? UP : DOWN).append("\"><title>")
          .append(esc(l.label())).append("</title></path>\n");
    }

    for (String h : hosts) {
      int x = MARGIN + column.get(h) * (BOX_W + GAP);
      boolean node = nodes.contains(h);
      svg.append("<g class=\"host").append(node ? " node" : " router").append(troubled.contains(h) ? " troubled" : "").append("\">");
      svg.append("<rect x=\"").append(x).append("\" y=\"").append(boxTop).append("\" width=\"").append(BOX_W).append("\" height=\"").append(boxH).append("\" rx=\"6\"/>");
      svg.append("<text class=\"name\" x=\"").append(x + 10).append("\" y=\"").append(boxTop + 20).append("\">").append(esc(h)).append("</text>");
      svg.append("<text class=\"role\" x=\"").append(x + 10).append("\" y=\"").append(boxTop + 36).append("\">").append(node ? "Kubernetes node" : "router").append("</text>");
      int line = 0;
      for (String d : daemons.getOrDefault(h, List.of())) {
        svg.append("<text class=\"daemon\" x=\"").append(x + 10).append("\" y=\"").append(boxTop + 52 + 14 * line++).append("\">").append(esc(d)).append("</text>");
      }
      for (Link l : inside.getOrDefault(h, List.of())) {
        svg.append("<text class=\"daemon\" x=\"").append(x + 10).append("\" y=\"").append(boxTop + 52 + 14 * line++).append("\" fill=\"").append(l.up() ? UP : DOWN)
            .append("\">").append(esc(daemon(l.a()) + " \u21c4 " + daemon(l.b()) + (l.up() ? " up" : " down"))).append("<title>").append(esc(l.label())).append("</title></text>");
      }
      svg.append("</g>\n");
    }
    svg.append("</svg>\n");
    return svg.toString();
  }

  /** Sessions folded by unordered pair of host/daemon ends; a pair is up only when every side is. */
  static Map<String, Link> links(List<SessionResult> sessions) {
    Map<String, Link> links = new TreeMap<>();
    for (SessionResult s : sessions) {
      if (s.peerHost() == null) {
        continue;
      }
      String a = s.host() + "/" + s.daemon();
      String b = s.peerHost() + "/" + s.peerDaemon();
      String key = a.compareTo(b) <= 0 ? a + " " + b : b + " " + a;
      String label = a + " \u2192 " + s.peerAddress() + ": " + (s.established() ? "Established" : "down, " + s.message());
      links.merge(key, new Link(a, b, s.established(), label),
          (x, y) -> new Link(x.a(), x.b(), x.up() && y.up(), x.label() + "\n" + y.label()));
    }
    return links;
  }

  private static int centre(int column) {
    return MARGIN + column * (BOX_W + GAP) + BOX_W / 2;
  }

  private static String host(String end) {
    return end.substring(0, end.indexOf('/'));
  }

  private static String daemon(String end) {
    return end.substring(end.indexOf('/') + 1);
  }
}
