package dev.podpath.controlplane.frr;

import dev.podpath.controlplane.spi.HostView;
import dev.podpath.core.SourceRef;
import dev.podpath.core.net.IfAddress;
import dev.podpath.core.net.IpAddr;
import dev.podpath.core.net.IpPrefix;
import dev.podpath.model.routing.KernelRoute;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** A hand-built host: interfaces with addresses, and kernel routes (connected ones are derived). */
final class TestHost implements HostView {

  private final String name;
  private final List<Interface> interfaces = new ArrayList<>();
  private final List<KernelRoute> routes = new ArrayList<>();

  TestHost(String name) {
    this.name = name;
  }

  /** Adds an interface; its connected routes go to the kernel like Linux does (proto kernel). */
  TestHost iface(String ifname, String vrf, String... addresses) {
    List<IfAddress> as = new ArrayList<>();
    for (String a : addresses) {
      IfAddress ia = IfAddress.parse(a);
      as.add(ia);
      String table = vrf == null ? "main" : vrf;
      if (ia.length() < ia.address().bits()) {
        routes.add(new KernelRoute(table, ia.prefix(), KernelRoute.Type.UNICAST, List.of(), ifname, ia.v6() ? 256 : 0, "kernel", "kernel", SourceRef.NONE));
      }
    }
    interfaces.add(new Interface(ifname, as, vrf, true));
    return this;
  }

  TestHost route(String prefix, String via, String dev) {
    routes.add(new KernelRoute("main", IpPrefix.parse(prefix), KernelRoute.Type.UNICAST,
        List.of(new KernelRoute.NextHop(via == null ? null : IpAddr.parse(via), dev)), dev, 1024, "boot", "host.yaml", SourceRef.NONE));
    return this;
  }

  @Override
  public String host() {
    return name;
  }

  @Override
  public List<Interface> interfaces() {
    return List.copyOf(interfaces);
  }

  @Override
  public List<KernelRoute> kernelRoutes() {
    return List.copyOf(routes);
  }

  @Override
  public Optional<Interface> connectedInterface(IpAddr a, String vrf) {
    for (Interface i : interfaces) {
      if (!Objects.equals(i.vrf(), vrf)) {
        continue;
      }
      for (IfAddress ad : i.addresses()) {
        if (ad.length() < ad.address().bits() && ad.prefix().contains(a)) {
          return Optional.of(i);
        }
      }
    }
    return Optional.empty();
  }

  @Override
  public boolean isLocalAddress(IpAddr a) {
    return a.isLoopback() || interfaces.stream().flatMap(i -> i.addresses().stream()).anyMatch(x -> x.address().equals(a));
  }
}
