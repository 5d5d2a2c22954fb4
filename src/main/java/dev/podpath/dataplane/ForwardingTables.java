package dev.podpath.dataplane;

import dev.podpath.core.SourceRef;
import dev.podpath.core.net.IpAddr;
import dev.podpath.model.routing.KernelRoute;
import java.util.Optional;

/**
 * What the walk needs to know about every modelled host (Kubernetes node or router): its kernel
 * FIBs, its addresses, who is on the other end of each link, and the sysctls that change
 * forwarding. The control plane's per-host FIB is adapted to this by the caller.
 */
public interface ForwardingTables {

  /** The table a host uses for packets arriving on {@code iface}: "main", or its VRF's table. */
  String tableOf(String host, String iface);

  /**
   * The kernel's longest-prefix match for {@code dst} in one table of one host, with the kernel's
   * tie-breaking (lowest metric) already applied; includes blackhole/unreachable routes.
   */
  Optional<KernelRoute> lookup(String host, String table, IpAddr dst);

  /** Whether {@code address} is configured on one of the host's interfaces (the kernel's local table). */
  boolean owns(String host, IpAddr address);

  /** The modelled host an address is configured on, if any. */
  Optional<String> ownerOf(IpAddr address);

  /** Whether the Cilium agent (and therefore its BPF programs) runs on this host. */
  boolean runsCilium(String host);

  /** The address the kernel picks as source on {@code device} for the family (its primary address). */
  Optional<IpAddr> sourceAddress(String host, String device, boolean v6);

  /**
   * Who answers neighbour discovery for {@code address} on the link of {@code device}: a modelled
   * host's interface, something known to be outside the model, or nobody.
   */
  Neighbor neighbor(String host, String device, IpAddr address);

  /** A sysctl as given in the host's config (e.g. net.ipv6.conf.all.forwarding); empty when not given. */
  Optional<Sysctl> sysctl(String host, String key);

  /** The result of neighbour resolution on a link. */
  sealed interface Neighbor {
    /** A modelled host owns the address on this link; the packet arrives on {@code iface}. */
    record Host(String host, String iface) implements Neighbor {}

    /** The link leads out of the model (e.g. an upstream router without a host folder). */
    record Outside(String description) implements Neighbor {}

    /** Modelled hosts share the link but none of them owns the address. */
    record Nobody() implements Neighbor {}
  }

  /** One sysctl value and the config line that set it. */
  record Sysctl(String key, int value, SourceRef where) {}
}
