package dev.podpath.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.podpath.controlplane.ControlPlaneResult;
import dev.podpath.controlplane.FibEntry;
import dev.podpath.controlplane.KernelFib;
import dev.podpath.controlplane.KernelRouteText;
import dev.podpath.controlplane.spi.RibEntry;
import dev.podpath.core.net.IpPrefix;
import dev.podpath.model.routing.BgpAttributes;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * `podpath routes`: each host's kernel FIB as `ip route` would show it (with who installed each
 * route and which line caused it), and each daemon's RIB with every candidate and why it lost.
 */
public final class RoutesReport {

  /** Which parts to show: kernel FIBs, daemon RIBs, or both. */
  public enum Part {
    KERNEL,
    BGP,
    BOTH
  }

  private RoutesReport() {}

  public static String text(ControlPlaneResult cp, Predicate<String> host, Predicate<IpPrefix> prefix, Part part) {
    StringBuilder sb = new StringBuilder();
    if (part != Part.BGP) {
      for (Map.Entry<String, KernelFib> e : cp.fibs().entrySet()) {
        if (!host.test(e.getKey())) {
          continue;
        }
        List<FibEntry> entries = e.getValue().entries().stream().filter(f -> prefix.test(f.route().prefix())).toList();
        sb.append("Kernel FIB of ").append(e.getKey()).append(" (").append(entries.size()).append(" routes)\n");
        TextTable t = new TextTable("route", "installed by", "because of");
        for (FibEntry f : entries) {
          t.row(KernelRouteText.of(f.route()), f.installer(), f.route().where().isKnown() ? f.route().where() : "");
        }
        sb.append(t.render("  ")).append('\n');
      }
    }
    if (part != Part.KERNEL) {
      for (Map.Entry<String, List<RibEntry>> e : cp.ribs().entrySet()) {
        String daemonHost = e.getKey().substring(0, e.getKey().indexOf('/'));
        if (!host.test(daemonHost)) {
          continue;
        }
        List<RibEntry> entries = e.getValue().stream().filter(r -> prefix.test(r.prefix())).toList();
        sb.append("RIB of ").append(e.getKey()).append(" (").append(entries.size()).append(" candidates)\n");
        TextTable t = new TextTable("", "table", "prefix", "from", "next hop", "as path", "status", "config");
        for (RibEntry r : entries) {
          BgpAttributes a = r.attributes();
          t.row(r.best() ? "*" : " ", r.table(), r.prefix(), r.from(),
              a == null || a.nextHop() == null ? "" : a.nextHop(),
              a == null ? "" : a.asPath().length() == 0 ? "(local)" : a.asPath(),
              r.best() && r.status().isEmpty() ? "best" : r.status(), r.where().isKnown() ? r.where() : "");
        }
        sb.append(t.render("  ")).append('\n');
      }
    }
    return sb.toString();
  }

  public static ObjectNode json(ControlPlaneResult cp, Predicate<String> host, Predicate<IpPrefix> prefix, Part part) {
    ObjectNode root = Json.object();
    if (part != Part.BGP) {
      ObjectNode fibs = root.putObject("fibs");
      cp.fibs().forEach((h, fib) -> {
        if (!host.test(h)) {
          return;
        }
        ArrayNode a = fibs.putArray(h);
        for (FibEntry f : fib.entries()) {
          if (!prefix.test(f.route().prefix())) {
            continue;
          }
          ObjectNode o = a.addObject();
          o.put("table", f.route().table());
          o.put("prefix", f.route().prefix().toString());
          o.put("type", f.route().type().name().toLowerCase(java.util.Locale.ROOT));
          ArrayNode nh = o.putArray("nextHops");
          f.route().nextHops().forEach(n -> {
            ObjectNode x = nh.addObject();
            x.put("gateway", n.gateway() == null ? null : n.gateway().toString());
            x.put("device", n.device());
          });
          o.put("device", f.route().device());
          o.put("metric", f.route().metric());
          o.put("protocol", f.route().protocol());
          o.put("installedBy", f.installer());
          o.put("file", f.route().where().file());
          o.put("line", f.route().where().line());
        }
      });
    }
    if (part != Part.KERNEL) {
      ObjectNode ribs = root.putObject("ribs");
      cp.ribs().forEach((daemon, entries) -> {
        if (!host.test(daemon.substring(0, daemon.indexOf('/')))) {
          return;
        }
        ArrayNode a = ribs.putArray(daemon);
        for (RibEntry r : entries) {
          if (!prefix.test(r.prefix())) {
            continue;
          }
          ObjectNode o = a.addObject();
          o.put("table", r.table());
          o.put("prefix", r.prefix().toString());
          o.put("from", r.from());
          o.put("best", r.best());
          o.put("status", r.status());
          BgpAttributes at = r.attributes();
          if (at != null) {
            o.put("nextHop", at.nextHop() == null ? null : at.nextHop().toString());
            o.put("asPath", at.asPath().toString());
            o.put("localPref", at.localPref());
            o.put("med", at.med());
            o.put("origin", at.origin().name().toLowerCase(java.util.Locale.ROOT));
          }
          o.put("file", r.where().file());
          o.put("line", r.where().line());
        }
      });
    }
    return root;
  }
}
