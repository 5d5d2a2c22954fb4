package dev.podpath.controlplane;

import dev.podpath.controlplane.spi.HostView;
import dev.podpath.core.net.IfAddress;
import dev.podpath.core.net.IpAddr;
import dev.podpath.model.network.Host;
import dev.podpath.model.network.Network;
import dev.podpath.model.routing.KernelRoute;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A daemon's view of its host: interfaces from host.yaml and the kernel routes of everyone but
 * itself (computed lazily from the shared FIB, so 5,000 views cost nothing until asked).
 */
public final class EngineHostView implements HostView {

  private final Network network;
  private final String host;
  private final KernelFib fib;
  private final String excludedInstaller;
  private final List<dev.podpath.model.network.Interface> interfaces;
  private List<KernelRoute> routes;

  /**
   * @param fib the host's current FIB, or null before any exists
   * @param excludedInstaller the asking daemon's {@link DaemonRef#key()}, whose routes are left out
   */
  public EngineHostView(Network network, String host, KernelFib fib, String excludedInstaller) {
    this.network = network;
    this.host = host;
    this.fib = fib;
    this.excludedInstaller = excludedInstaller;
    this.interfaces = network.host(host).map(Host::interfaces).orElse(List.of());
  }

  @Override
  public String host() {
    return host;
  }

  @Override
  public List<HostView.Interface> interfaces() {
    List<HostView.Interface> out = new ArrayList<>();
    for (dev.podpath.model.network.Interface i : interfaces) {
      out.add(new HostView.Interface(i.name(), i.addresses(), i.vrf(), true));
    }
    return out;
  }

  @Override
  public synchronized List<KernelRoute> kernelRoutes() {
    if (routes == null) {
      List<KernelRoute> l = new ArrayList<>();
      if (fib != null) {
        for (FibEntry e : fib.entries()) {
          if (!e.installer().equals(excludedInstaller)) {
            l.add(e.route());
          }
        }
      }
      routes = List.copyOf(l);
    }
    return routes;
  }

  @Override
  public Optional<HostView.Interface> connectedInterface(IpAddr a, String vrf) {
    for (dev.podpath.model.network.Interface i : interfaces) {
      if (!Objects.equals(i.vrf(), vrf)) {
        continue;
      }
      for (IfAddress ad : i.addresses()) {
        if (ad.length() < ad.address().bits() && ad.prefix().contains(a)) {
          return Optional.of(new HostView.Interface(i.name(), i.addresses(), i.vrf(), true));
        }
      }
    }
    return Optional.empty();
  }

  @Override
  public boolean isLocalAddress(IpAddr a) {
    if (a.isLoopback()) {
      return true;
    }
    for (dev.podpath.model.network.Interface i : interfaces) {
      for (IfAddress ad : i.addresses()) {
        if (ad.address().equals(a)) {
          return true;
        }
      }
    }
    return false;
  }
}
