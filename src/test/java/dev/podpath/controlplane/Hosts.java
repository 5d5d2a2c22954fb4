package dev.podpath.controlplane;

import dev.podpath.core.SourceRef;
import dev.podpath.core.net.IfAddress;
import dev.podpath.core.net.IpAddr;
import dev.podpath.core.net.IpPrefix;
import dev.podpath.ingest.host.AddressSpec;
import dev.podpath.ingest.host.HostSpec;
import dev.podpath.ingest.host.InterfaceSpec;
import dev.podpath.ingest.host.RouteSpec;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Builds HostSpec records in code, as host.yaml would give them. */
public final class Hosts {

  private final String name;
  private final List<InterfaceSpec> ifs = new ArrayList<>();
  private final List<RouteSpec> routes = new ArrayList<>();
  private final Map<String, String> sysctl = new HashMap<>();

  private Hosts(String name) {
    this.name = name;
  }

  public static Hosts host(String name) {
    return new Hosts(name);
  }

  private SourceRef at() {
    return SourceRef.of("hosts/" + name + "/host.yaml", ifs.size() + routes.size() + 2);
  }

  public Hosts iface(String ifName, String... addrs) {
    return ifaceIn(ifName, null, null, addrs);
  }

  public Hosts ifaceIn(String ifName, String vrf, String segment, String... addrs) {
    List<AddressSpec> l = new ArrayList<>();
    for (String a : addrs) {
      l.add(new AddressSpec(IfAddress.parse(a), at()));
    }
    ifs.add(new InterfaceSpec(ifName, l, segment, vrf, null, at()));
    return this;
  }

  public Hosts route(String to, String via) {
    routes.add(new RouteSpec(IpPrefix.parse(to), via == null ? null : IpAddr.parse(via), null, null, null, null, at()));
    return this;
  }

  public Hosts route(String to, String via, String dev, String table, Integer metric, String type) {
    routes.add(new RouteSpec(IpPrefix.parse(to), via == null ? null : IpAddr.parse(via), dev, table, metric, type, at()));
    return this;
  }

  public Hosts sysctl(String k, String v) {
    sysctl.put(k, v);
    return this;
  }

  public HostSpec build() {
    return new HostSpec(name, ifs, routes, sysctl, SourceRef.file("hosts/" + name + "/host.yaml"));
  }
}
