package dev.podpath.dataplane;

import java.util.Optional;
import java.util.function.Predicate;

/** Finds the service frontend a packet is addressed to, restricted to the kinds a program handles. */
final class ServiceLookup {

  record Match(Service service, Service.Frontend frontend) {}

  private final ServiceTable services;

  ServiceLookup(ServiceTable services) {
    this.services = services;
  }

  /**
   * The first frontend matching the packet's destination, port and protocol whose kind the caller
   * accepts; {@code isNodeAddress} decides which addresses a NodePort frontend answers on.
   */
  Optional<Match> find(Packet p, Predicate<Service.FrontendKind> kinds, Predicate<dev.podpath.core.net.IpAddr> isNodeAddress) {
    for (Service s : services.services()) {
      for (Service.Frontend f : s.frontends()) {
        if (f.protocol() != p.protocol() || f.port() != p.dstPort() || !kinds.test(f.kind())) {
          continue;
        }
        boolean addressMatches = f.kind() == Service.FrontendKind.NODE_PORT
            ? isNodeAddress.test(p.dst())
            : p.dst().equals(f.address());
        if (addressMatches) {
          return Optional.of(new Match(s, f));
        }
      }
    }
    return Optional.empty();
  }
}
