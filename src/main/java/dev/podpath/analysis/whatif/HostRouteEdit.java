package dev.podpath.analysis.whatif;

import dev.podpath.ingest.Snapshot;
import dev.podpath.ingest.host.HostSpec;
import dev.podpath.ingest.host.RouteSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Adds static routes to a host's host.yaml: {@code routes} join the host's routes in the
 * simulation, and {@code newText} replaces lines {@code fromLine..toLine} of the file text
 * ({@code toLine == fromLine - 1} inserts). A static route is the fix of last resort: it hides
 * what the routing protocol failed to do instead of repairing it.
 */
public record HostRouteEdit(String host, String file, List<RouteSpec> routes, int fromLine, int toLine, String newText, String why)
    implements Edit {

  public HostRouteEdit {
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(newText, "newText");
    routes = List.copyOf(routes);
    new LineSplice(fromLine, toLine, newText); // validates the range
  }

  @Override
  public String text() {
    return LineSplice.describe(file, fromLine, toLine) + " " + why;
  }

  public static String applyAll(String text, List<HostRouteEdit> edits) {
    return LineSplice.applyAll(text, edits.stream().map(e -> new LineSplice(e.fromLine(), e.toLine(), e.newText())).toList());
  }

  static Snapshot applyAll(Snapshot s, List<HostRouteEdit> edits) {
    Map<String, HostSpec> hosts = new TreeMap<>(s.hosts());
    for (HostRouteEdit e : edits) {
      HostSpec h = hosts.get(e.host());
      if (h == null) {
        continue;
      }
      List<RouteSpec> routes = new ArrayList<>(h.routes());
      routes.addAll(e.routes());
      hosts.put(h.name(), new HostSpec(h.name(), h.interfaces(), routes, h.sysctl(), h.where()));
    }
    return new Snapshot(s.root(), s.name(), s.ciliumVersion(), s.notes(), s.ciliumValues(), s.ciliumConfigMap(),
        s.kubernetes(), s.talos(), hosts, s.hostFolders(), s.daemonConfigs(), s.intents(), s.findings(), s.birdVersion());
  }
}
