package dev.podpath.dataplane;

import dev.podpath.core.SourceRef;
import dev.podpath.core.net.IfAddress;
import dev.podpath.core.net.IpAddr;
import dev.podpath.core.net.IpPrefix;
import dev.podpath.model.routing.KernelRoute;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A hand-built network for tests: hosts with interfaces on named segments, kernel routes written
 * like `ip route`, sysctls, pods and pod CIDRs. Connected routes come from interface addresses.
 * Neighbour resolution follows Batfish's idea: a modelled owner on the segment, else "outside"
 * when the segment is declared to lead out of the model, else nobody.
 */
final class TestNetwork implements ForwardingTables, Endpoints {

  private record Iface(String name, List<IfAddress> addresses, String segment, String table) {}

  private static final class HostDef {
    final boolean cilium;
    final Map<String, Iface> ifaces = new LinkedHashMap<>();
    final List<KernelRoute> routes = new ArrayList<>();
    final Map<String, Sysctl> sysctls = new HashMap<>();

    HostDef(boolean cilium) {
      this.cilium = cilium;
    }
  }

  private final Map<String, HostDef> hosts = new LinkedHashMap<>();
  private final Map<String, String> outsideSegments = new HashMap<>();
  private final Map<IpAddr, Pod> pods = new HashMap<>();
  private final Map<String, List<IpPrefix>> podCidrs = new HashMap<>();
  private int line = 1;

  TestNetwork node(String name) {
    hosts.put(name, new HostDef(true));
    return this;
  }

  TestNetwork router(String name) {
    hosts.put(name, new HostDef(false));
    return this;
  }

  TestNetwork iface(String host, String name, String segment, String... addresses) {
    return vrfIface(host, name, segment, "main", addresses);
  }

  TestNetwork vrfIface(String host, String name, String segment, String table, String... addresses) {
    List<IfAddress> a = new ArrayList<>();
    for (String s : addresses) {
      a.add(IfAddress.parse(s));
    }
    hosts.get(host).ifaces.put(name, new Iface(name, a, segment, table));
    return this;
  }

  /** The segment reaches routers outside the model (e.g. the upstream FRR without host folder). */
  TestNetwork outside(String segment, String description) {
    outsideSegments.put(segment, description);
    return this;
  }

  /** A route as `ip route` writes it: [blackhole|unreachable|prohibit] PREFIX [via GW] [dev DEV] [metric N] [proto P] [table T]. */
  TestNetwork route(String host, String text) {
    String[] tok = text.trim().split("\\s+");
    int i = 0;
    KernelRoute.Type type = KernelRoute.Type.UNICAST;
    if (List.of("blackhole", "unreachable", "prohibit").contains(tok[0])) {
      type = KernelRoute.Type.valueOf(tok[0].toUpperCase());
      i++;
    }
    String pfx = tok[i++];
    IpPrefix prefix = pfx.equals("default") ? IpPrefix.defaultRoute(text.contains(":")) : IpPrefix.parse(pfx);
    IpAddr via = null;
    String dev = null;
    String proto = "static";
    String table = "main";
    long metric = 0;
    for (; i < tok.length; i += 2) {
      switch (tok[i]) {
        case "via" -> via = IpAddr.parse(tok[i + 1]);
        case "dev" -> dev = tok[i + 1];
        case "metric" -> metric = Long.parseLong(tok[i + 1]);
        case "proto" -> proto = tok[i + 1];
        case "table" -> table = tok[i + 1];
        default -> throw new IllegalArgumentException("route word " + tok[i]);
      }
    }
    if (dev == null && via != null) {
      dev = connectedDevice(host, via);
    }
    List<KernelRoute.NextHop> nhs = via == null ? List.of() : List.of(new KernelRoute.NextHop(via, dev));
    hosts.get(host).routes.add(new KernelRoute(table, prefix, type, nhs, dev, metric, proto, proto,
        SourceRef.of("hosts/" + host + "/host.yaml", line++)));
    return this;
  }

  TestNetwork sysctl(String host, String key, int value) {
    hosts.get(host).sysctls.put(key, new Sysctl(key, value, SourceRef.of("hosts/" + host + "/host.yaml", line++)));
    return this;
  }

  TestNetwork pod(String name, String address, String node) {
    IpAddr a = IpAddr.parse(address);
    pods.put(a, new Pod(name, a, node));
    return this;
  }

  TestNetwork podCidr(String node, String cidr) {
    podCidrs.computeIfAbsent(node, k -> new ArrayList<>()).add(IpPrefix.parse(cidr));
    return this;
  }

  private String connectedDevice(String host, IpAddr gw) {
    for (Iface f : hosts.get(host).ifaces.values()) {
      for (IfAddress a : f.addresses()) {
        if (a.prefix().contains(gw)) {
          return f.name();
        }
      }
    }
    throw new IllegalArgumentException(host + ": no connected interface for " + gw);
  }

  // ---- ForwardingTables ----

  @Override
  public String tableOf(String host, String iface) {
    Iface f = hosts.get(host).ifaces.get(iface);
    return f == null ? "main" : f.table();
  }

  @Override
  public Optional<KernelRoute> lookup(String host, String table, IpAddr dst) {
    HostDef h = hosts.get(host);
    List<KernelRoute> all = new ArrayList<>(h.routes);
    for (Iface f : h.ifaces.values()) {
      for (IfAddress a : f.addresses()) {
        if (f.table().equals(table) && a.length() < a.address().bits()) {
          all.add(new KernelRoute(table, a.prefix(), KernelRoute.Type.UNICAST, List.of(), f.name(), 256, "kernel",
              "connected", SourceRef.of("hosts/" + host + "/host.yaml", 0)));
        }
      }
    }
    return all.stream()
        .filter(r -> r.table().equals(table) && r.prefix().contains(dst))
        .max(Comparator.<KernelRoute>comparingInt(r -> r.prefix().length())
            .thenComparing(Comparator.comparingLong(KernelRoute::metric).reversed()));
  }

  @Override
  public boolean owns(String host, IpAddr address) {
    return hosts.get(host).ifaces.values().stream()
        .anyMatch(f -> f.addresses().stream().anyMatch(a -> a.address().equals(address)));
  }

  @Override
  public Optional<String> ownerOf(IpAddr address) {
    return hosts.keySet().stream().filter(h -> owns(h, address)).findFirst();
  }

  @Override
  public boolean runsCilium(String host) {
    return hosts.get(host).cilium;
  }

  @Override
  public Optional<IpAddr> sourceAddress(String host, String device, boolean v6) {
    Iface f = hosts.get(host).ifaces.get(device);
    if (f == null) {
      return Optional.empty();
    }
    return f.addresses().stream().map(IfAddress::address).filter(a -> a.v6() == v6).findFirst();
  }

  @Override
  public Neighbor neighbor(String host, String device, IpAddr address) {
    Iface from = hosts.get(host).ifaces.get(device);
    if (from == null || from.segment() == null) {
      return new Neighbor.Nobody();
    }
    Set<String> seen = new HashSet<>();
    for (Map.Entry<String, HostDef> e : hosts.entrySet()) {
      for (Iface f : e.getValue().ifaces.values()) {
        if (from.segment().equals(f.segment()) && !(e.getKey().equals(host) && f.name().equals(device))) {
          seen.add(e.getKey());
          if (f.addresses().stream().anyMatch(a -> a.address().equals(address))) {
            return new Neighbor.Host(e.getKey(), f.name());
          }
        }
      }
    }
    if (outsideSegments.containsKey(from.segment())) {
      return new Neighbor.Outside(outsideSegments.get(from.segment()));
    }
    return new Neighbor.Nobody();
  }

  @Override
  public Optional<Sysctl> sysctl(String host, String key) {
    return Optional.ofNullable(hosts.get(host).sysctls.get(key));
  }

  // ---- Endpoints ----

  @Override
  public Optional<Pod> pod(IpAddr address) {
    return Optional.ofNullable(pods.get(address));
  }

  @Override
  public List<IpPrefix> podCidrs(String node) {
    return podCidrs.getOrDefault(node, List.of());
  }
}
