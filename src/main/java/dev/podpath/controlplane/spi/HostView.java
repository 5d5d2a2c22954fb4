package dev.podpath.controlplane.spi;

import dev.podpath.core.net.IfAddress;
import dev.podpath.core.net.IpAddr;
import dev.podpath.model.routing.KernelRoute;
import java.util.List;
import java.util.Optional;

/**
 * What a routing daemon can see of its own host: its interfaces and addresses, and the kernel
 * routes that exist independently of this daemon (connected, host.yaml static routes, routes the
 * Cilium agent installs, routes other daemons install). The engine builds it; vendors use it for
 * `direct`/`device` protocols, next-hop resolution and connected checks.
 */
public interface HostView {

  String host();

  List<Interface> interfaces();

  /** Kernel routes not installed by the asking daemon, every table. */
  List<KernelRoute> kernelRoutes();

  /** The interface whose connected prefix contains {@code a} in the given VRF (null = default), if any. */
  Optional<Interface> connectedInterface(IpAddr a, String vrf);

  /** Whether {@code a} is an address of this host (in any VRF), loopback included. */
  boolean isLocalAddress(IpAddr a);

  /** An interface: name, addresses, VRF (null = default), whether it is up. */
  record Interface(String name, List<IfAddress> addresses, String vrf, boolean up) {
    public Interface {
      addresses = List.copyOf(addresses);
    }
  }
}
