package dev.podpath.model.network;

import dev.podpath.core.SourceRef;
import dev.podpath.ingest.host.RouteSpec;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;

/** One host (Kubernetes node or router): its interfaces, host.yaml static routes and sysctls. */
public record Host(
    String name, List<Interface> interfaces, List<RouteSpec> staticRoutes, Map<String, String> sysctl, SourceRef where) {

  public Host {
    interfaces = List.copyOf(interfaces);
    staticRoutes = List.copyOf(staticRoutes);
    sysctl = Map.copyOf(sysctl);
  }

  public Optional<Interface> iface(String ifName) {
    for (Interface i : interfaces) {
      if (i.name().equals(ifName)) {
        return Optional.of(i);
      }
    }
    return Optional.empty();
  }

  /** The VRF names used by this host's interfaces (the default VRF is not listed). */
  public SortedSet<String> vrfs() {
    SortedSet<String> s = new TreeSet<>();
    for (Interface i : interfaces) {
      if (i.vrf() != null) {
        s.add(i.vrf());
      }
    }
    return s;
  }

  /**
   * Whether the host forwards packets of a family, if host.yaml says so. Linux defaults to 0, but a
   * missing sysctl is "unknown" here (design.md: never invent a value that decides a path).
   */
  public Optional<Boolean> forwarding(boolean v6) {
    // kernel Documentation/networking/ip-sysctl.rst: net.ipv4.ip_forward == conf.all.forwarding;
    // IPv6 forwarding is conf.all.forwarding.
    List<String> keys = v6
        ? List.of("net.ipv6.conf.all.forwarding", "net/ipv6/conf/all/forwarding")
        : List.of("net.ipv4.ip_forward", "net.ipv4.conf.all.forwarding", "net/ipv4/ip_forward");
    for (String k : keys) {
      String v = sysctl.get(k);
      if (v != null) {
        return Optional.of(!v.strip().equals("0"));
      }
    }
    return Optional.empty();
  }
}
