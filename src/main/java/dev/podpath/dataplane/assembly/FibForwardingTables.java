package dev.podpath.dataplane.assembly;

import dev.podpath.controlplane.ControlPlaneResult;
import dev.podpath.controlplane.FibMatch;
import dev.podpath.controlplane.KernelFib;
import dev.podpath.core.SourceRef;
import dev.podpath.core.net.IfAddress;
import dev.podpath.core.net.IpAddr;
import dev.podpath.dataplane.ForwardingTables;
import dev.podpath.ingest.host.RouteSpec;
import dev.podpath.model.network.AddressOwner;
import dev.podpath.model.network.Host;
import dev.podpath.model.network.Interface;
import dev.podpath.model.network.Network;
import dev.podpath.model.network.Segment;
import dev.podpath.model.routing.KernelRoute;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The walk's view of the network: the control plane's kernel FIBs over the host.yaml topology. */
public final class FibForwardingTables implements ForwardingTables {

  private final Network network;
  private final ControlPlaneResult controlPlane;
  private final Set<String> ciliumHosts;
  /** Gateways of host.yaml static routes: routers the operator knows of, even if not in the snapshot. */
  private final Set<IpAddr> declaredGateways = new HashSet<>();

  /** @param ciliumHosts the hosts that run the Cilium agent (the Kubernetes nodes) */
  public FibForwardingTables(Network network, ControlPlaneResult controlPlane, Set<String> ciliumHosts) {
    this.network = network;
    this.controlPlane = controlPlane;
    this.ciliumHosts = Set.copyOf(ciliumHosts);
    for (Host h : network.hosts().values()) {
      for (RouteSpec r : h.staticRoutes()) {
        if (r.via() != null) {
          declaredGateways.add(r.via());
        }
      }
    }
  }

  @Override
  public String tableOf(String host, String iface) {
    return network.host(host).flatMap(h -> h.iface(iface)).map(Interface::vrf).orElse("main");
  }

  @Override
  public Optional<KernelRoute> lookup(String host, String table, IpAddr dst) {
    KernelFib fib = controlPlane.fib(host);
    if (fib == null) {
      return Optional.empty();
    }
    // the engine's FIB answers per VRF: the main table (after the local table) for the default VRF
    return fib.lookup("main".equals(table) ? null : table, dst).map(FibMatch::route);
  }

  @Override
  public boolean owns(String host, IpAddr address) {
    return address.isLoopback() || network.owners(address).stream().anyMatch(o -> o.host().equals(host));
  }

  @Override
  public Optional<String> ownerOf(IpAddr address) {
    if (address.isLoopback()) {
      return Optional.empty(); // every host has ::1: it names no one
    }
    List<String> hosts = network.owners(address).stream().map(AddressOwner::host).distinct().toList();
    return hosts.size() == 1 ? Optional.of(hosts.get(0)) : Optional.empty();
  }

  @Override
  public boolean runsCilium(String host) {
    return ciliumHosts.contains(host);
  }

  @Override
  public Optional<IpAddr> sourceAddress(String host, String device, boolean v6) {
    // the kernel prefers a global address of the outgoing device (RFC 6724 rule 2/8 simplified)
    return network.host(host).flatMap(h -> h.iface(device)).flatMap(i -> i.addresses().stream()
        .map(IfAddress::address)
        .filter(a -> a.v6() == v6 && !a.isLinkLocal() && !a.isLoopback())
        .findFirst());
  }

  @Override
  public Neighbor neighbor(String host, String device, IpAddr address) {
    Optional<String> segment = network.segmentOf(host, device);
    if (segment.isPresent()) {
      for (Segment s : network.segments()) {
        if (!s.name().equals(segment.get())) {
          continue;
        }
        for (Segment.Member m : s.members()) {
          if (m.host().equals(host) && m.iface().equals(device)) {
            continue;
          }
          boolean owns = network.host(m.host()).flatMap(h -> h.iface(m.iface()))
              .map(i -> i.addresses().stream().anyMatch(a -> a.address().equals(address))).orElse(false);
          if (owns) {
            return new Neighbor.Host(m.host(), m.iface());
          }
        }
      }
    }
    // A gateway the operator wrote in a host.yaml route but no modelled host owns is a router
    // outside the snapshot (Batfish EXITS_NETWORK); any other unowned neighbour does not answer.
    if (declaredGateways.contains(address)) {
      return new Neighbor.Outside(address + " (a router outside the snapshot, named in a host.yaml route)");
    }
    return new Neighbor.Nobody();
  }

  @Override
  public Optional<Sysctl> sysctl(String host, String key) {
    return network.host(host).flatMap(h -> {
      String v = h.sysctl().get(key);
      if (v == null) {
        return Optional.empty();
      }
      try {
        return Optional.of(new Sysctl(key, Integer.parseInt(v.strip()), h.where() == null ? SourceRef.NONE : h.where()));
      } catch (NumberFormatException e) {
        return Optional.empty();
      }
    });
  }
}
