package dev.podpath.ingest.host;

import dev.podpath.core.SourceRef;
import java.util.List;
import java.util.Map;

/**
 * One {@code hosts/NAME/host.yaml} as written (docs/snapshot.md): interfaces, static kernel routes
 * not owned by a routing daemon, and the sysctls that change forwarding decisions.
 */
public record HostSpec(
    String name,
    List<InterfaceSpec> interfaces,
    List<RouteSpec> routes,
    Map<String, String> sysctl,
    SourceRef where) {

  public HostSpec {
    interfaces = List.copyOf(interfaces);
    routes = List.copyOf(routes);
    sysctl = Map.copyOf(sysctl);
  }
}
