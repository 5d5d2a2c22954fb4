package dev.podpath.lab;

import java.util.List;
import java.util.Map;

/**
 * One host of the lab: its interfaces, static routes, sysctls (applied inside its namespace) and
 * the routing daemons to start there ({@code bird} and {@code frr} are null when the host runs
 * none).
 */
public record LabHost(
    String name,
    List<LabInterface> interfaces,
    List<LabStaticRoute> routes,
    Map<String, String> sysctls,
    LabConfigText bird,
    LabConfigText frr) {

  public LabHost {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("a lab host needs a name");
    }
    interfaces = List.copyOf(interfaces);
    routes = List.copyOf(routes);
    sysctls = Map.copyOf(sysctls);
  }
}
