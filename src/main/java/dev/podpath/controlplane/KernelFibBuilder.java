package dev.podpath.controlplane;

import dev.podpath.core.Finding;
import dev.podpath.core.net.IpAddr;
import dev.podpath.core.net.IpPrefix;
import dev.podpath.model.routing.KernelRoute;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Installs routes into a host's tables in the order they appear on a real host (kernel address
 * routes, host.yaml static routes at boot, the Cilium agent, then routing daemons), with the
 * kernel's refusal rules: a gateway must be reachable through a device route of the same table
 * (lab: IPv4 "Error: Nexthop has invalid gateway.", IPv6 "RTNETLINK answers: No route to host"),
 * and an equal prefix+metric is refused, replaced or appended according to {@link InstallMode}.
 */
final class KernelFibBuilder {

  private final String host;
  /** Per table, per prefix, the routes in install order (the index keeps conflict checks O(1)). */
  private final Map<String, Map<IpPrefix, List<FibEntry>>> tables = new LinkedHashMap<>();
  private final Map<String, List<FibEntry>> deviceRoutes = new LinkedHashMap<>();
  private final List<Finding> findings = new ArrayList<>();

  private final Map<KernelRoute, KernelRoute> interner;

  KernelFibBuilder(String host) {
    this(host, new java.util.HashMap<>());
  }

  /** @param interner shared by the builders of all hosts, so identical routes are one object */
  KernelFibBuilder(String host, Map<KernelRoute, KernelRoute> interner) {
    this.host = host;
    this.interner = interner;
  }

  void addAll(List<KernelRoute> routes, String installer, InstallMode mode) {
    for (KernelRoute r : routes) {
      add(r, installer, mode);
    }
  }

  void add(KernelRoute r, String installer, InstallMode mode) {
    KernelRoute resolved = resolve(r, installer);
    if (resolved == null) {
      return;
    }
    resolved = interner.computeIfAbsent(resolved, k -> k);
    List<FibEntry> table = tables.computeIfAbsent(r.table(), k -> new java.util.HashMap<>())
        .computeIfAbsent(resolved.prefix(), k -> new ArrayList<>(1));
    for (int i = 0; i < table.size(); i++) {
      KernelRoute old = table.get(i).route();
      if (old.metric() != resolved.metric()) {
        continue;
      }
      if (sameForwarding(old, resolved)) {
        return; // the kernel already has exactly this route
      }
      switch (mode) {
        case APPEND -> {
          // falls through to the add below: kernel address routes on two devices coexist
        }
        case REPLACE -> {
          deviceRoutes.getOrDefault(r.table(), new ArrayList<>()).remove(table.get(i));
          table.remove(i);
        }
        case ADD -> {
          findings.add(Finding.warning("route/kernel-route-conflict",
              installer + " cannot install '" + KernelRouteText.of(resolved) + "' on " + host
                  + ": the kernel already has '" + KernelRouteText.of(old) + "' from " + table.get(i).installer()
                  + " with the same metric (RTNETLINK answers: File exists)", r.where()).onHost(host));
          return;
        }
        default -> throw new IllegalStateException();
      }
      break;
    }
    FibEntry e = new FibEntry(resolved, installer);
    table.add(e);
    if (resolved.type() == KernelRoute.Type.UNICAST && resolved.nextHops().isEmpty() && resolved.device() != null) {
      deviceRoutes.computeIfAbsent(r.table(), k -> new ArrayList<>()).add(e);
    }
  }

  private static boolean sameForwarding(KernelRoute a, KernelRoute b) {
    return a.type() == b.type() && a.nextHops().equals(b.nextHops()) && Objects.equals(a.device(), b.device());
  }

  /** Fills the device of gateway next hops from the table's device routes, or refuses the route. */
  private KernelRoute resolve(KernelRoute r, String installer) {
    if (r.type() != KernelRoute.Type.UNICAST || r.nextHops().isEmpty()) {
      if (r.type() == KernelRoute.Type.UNICAST && r.device() == null) {
        findings.add(Finding.warning("route/invalid-route", installer + " route to " + r.prefix() + " on " + host + " has neither gateway nor device", r.where()).onHost(host));
        return null;
      }
      return r;
    }
    List<KernelRoute.NextHop> out = new ArrayList<>(r.nextHops().size());
    for (KernelRoute.NextHop nh : r.nextHops()) {
      if (nh.device() != null) {
        out.add(nh);
        continue;
      }
      IpAddr gw = nh.gateway();
      String localDev = localDevice(r.table(), gw);
      String refusal = null;
      String dev = null;
      if (gw.v6() && gw.isLoopback()) {
        refusal = "Error: Egress device can not be loopback device for this route."; // lab: ip -6 route add X via ::1
      } else if (gw.v6() && localDev != null) {
        refusal = "Error: Gateway can not be a local address."; // lab: ip -6 route add X via <own address>
      } else {
        dev = deviceFor(r.table(), gw);
        if (dev == null && !gw.v6()) {
          dev = localDev; // IPv4 fib_check_nh accepts a local gateway (RTN_LOCAL)
        }
        if (dev == null) {
          refusal = gw.v6() ? "RTNETLINK answers: No route to host" : "Error: Nexthop has invalid gateway.";
        }
      }
      if (refusal != null) {
        findings.add(Finding.warning("route/gateway-unreachable",
            installer + " route '" + KernelRouteText.of(r) + "' on " + host + " is refused by the kernel (" + refusal
                + "): gateway " + gw + " is not a neighbor on a connected subnet of table " + r.table(), r.where()).onHost(host));
        return null;
      }
      out.add(new KernelRoute.NextHop(nh.gateway(), dev));
    }
    String device = r.device() != null ? r.device() : out.size() == 1 ? out.get(0).device() : null;
    return new KernelRoute(r.table(), r.prefix(), r.type(), out, device, r.metric(), r.protocol(), r.installedBy(), r.where());
  }

  /** The device of the local route of {@code a} (table local for main, else the VRF table itself), or null. */
  private String localDevice(String table, IpAddr a) {
    String localTable = table.equals("main") ? "local" : table;
    Map<IpPrefix, List<FibEntry>> t = tables.get(localTable);
    if (t == null) {
      return null;
    }
    for (FibEntry e : t.getOrDefault(IpPrefix.host(a), List.of())) {
      if (e.route().type() == KernelRoute.Type.LOCAL) {
        return e.route().device();
      }
    }
    if (a.isLoopback() && !a.v6()) {
      return "lo";
    }
    return null;
  }

  /** The device of the longest device route (no gateway, unicast) covering {@code gw}; null if none. */
  private String deviceFor(String table, IpAddr gw) {
    List<FibEntry> t = deviceRoutes.get(table);
    if (t == null) {
      return null;
    }
    FibEntry best = null;
    for (FibEntry e : t) {
      KernelRoute k = e.route();
      if (k.type() == KernelRoute.Type.UNICAST && k.nextHops().isEmpty() && k.device() != null && k.prefix().contains(gw)) {
        if (best == null || k.prefix().length() > best.route().prefix().length()
            || (k.prefix().length() == best.route().prefix().length() && k.metric() < best.route().metric())) {
          best = e;
        }
      }
    }
    return best == null ? null : best.route().device();
  }

  List<Finding> findings() {
    return findings;
  }

  /** Hands the tables over to the FIB: the builder must not be used afterwards. */
  KernelFib build() {
    Map<String, Map<IpPrefix, List<FibEntry>>> out = new LinkedHashMap<>();
    for (Map.Entry<String, Map<IpPrefix, List<FibEntry>>> t : tables.entrySet()) {
      t.getValue().values().removeIf(List::isEmpty);
      out.put(t.getKey(), t.getValue());
    }
    return new KernelFib(host, out);
  }
}
