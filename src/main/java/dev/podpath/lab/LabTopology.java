package dev.podpath.lab;

import dev.podpath.core.net.IfAddress;
import dev.podpath.core.net.IpPrefix;
import dev.podpath.ingest.host.AddressSpec;
import dev.podpath.ingest.host.HostSpec;
import dev.podpath.ingest.host.InterfaceSpec;
import dev.podpath.ingest.host.RouteSpec;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * What to boot: hosts (one namespace each), the Cilium stand-in speakers and the stand-in pods.
 * L2 segments are derived as the snapshot contract says (docs/design.md, host.yaml): interfaces
 * share a segment when they carry addresses of the same connected prefix, unless {@code segment}
 * names one.
 */
public record LabTopology(List<LabHost> hosts, List<LabSpeaker> speakers, List<LabPod> pods) {

  public LabTopology {
    hosts = List.copyOf(hosts);
    speakers = List.copyOf(speakers);
    pods = List.copyOf(pods);
    Set<String> names = new HashSet<>();
    for (LabHost h : hosts) {
      if (!names.add(h.name())) {
        throw new IllegalArgumentException("host " + h.name() + " appears twice");
      }
      Set<String> ifs = new HashSet<>();
      for (LabInterface i : h.interfaces()) {
        if (!ifs.add(i.name())) {
          throw new IllegalArgumentException("host " + h.name() + ": interface " + i.name() + " appears twice");
        }
      }
    }
    Set<String> speakerHosts = new HashSet<>();
    for (LabSpeaker s : speakers) {
      if (!names.contains(s.host())) {
        throw new IllegalArgumentException("Cilium stand-in on unknown host " + s.host());
      }
      if (!speakerHosts.add(s.host())) {
        throw new IllegalArgumentException("host " + s.host() + " has two Cilium stand-ins (one per node)");
      }
    }
    Set<String> podNames = new HashSet<>();
    for (LabPod p : pods) {
      if (!names.contains(p.host())) {
        throw new IllegalArgumentException("pod " + p.name() + " on unknown host " + p.host());
      }
      if (!podNames.add(p.name())) {
        throw new IllegalArgumentException("pod " + p.name() + " appears twice");
      }
    }
  }

  /**
   * Builds a topology from host.yaml records and the config texts of their daemons (keyed by host
   * name; a host without an entry runs no such daemon).
   */
  public static LabTopology fromHosts(
      List<HostSpec> hostSpecs,
      Map<String, LabConfigText> birdConfigs,
      Map<String, LabConfigText> frrConfigs,
      List<LabSpeaker> speakers,
      List<LabPod> pods) {
    List<LabHost> hosts = new ArrayList<>();
    for (HostSpec h : hostSpecs) {
      List<LabInterface> ifs = new ArrayList<>();
      for (InterfaceSpec i : h.interfaces()) {
        List<IfAddress> addrs = i.addresses().stream().map(AddressSpec::address).toList();
        ifs.add(new LabInterface(i.name(), addrs, i.segment(), i.vrf(), i.mtu()));
      }
      List<LabStaticRoute> routes = new ArrayList<>();
      for (RouteSpec r : h.routes()) {
        String table = r.table() == null || r.table().equals("main") ? null : r.table();
        String type = r.type() == null || r.type().equals("unicast") ? null : r.type();
        routes.add(new LabStaticRoute(r.to(), r.via(), r.dev(), table, r.metric(), type));
      }
      hosts.add(new LabHost(h.name(), ifs, routes, h.sysctl(), birdConfigs.get(h.name()), frrConfigs.get(h.name())));
    }
    return new LabTopology(hosts, speakers, pods);
  }

  public LabHost host(String name) {
    return hosts.stream().filter(h -> h.name().equals(name)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no host " + name));
  }

  /** True when some interface asks for a VRF (the kernel must then support the vrf link type). */
  public boolean usesVrfs() {
    return hosts.stream().flatMap(h -> h.interfaces().stream()).anyMatch(i -> i.vrf() != null);
  }

  /**
   * The L2 segments, in a stable order: named segments by name, then derived ones. Every
   * interface except {@code lo} is on exactly one segment (alone if nothing shares its prefix).
   */
  public List<LabSegment> segments() {
    List<LabSegment.Port> ports = new ArrayList<>();
    for (LabHost h : hosts) {
      for (LabInterface i : h.interfaces()) {
        if (!i.loopback()) {
          ports.add(new LabSegment.Port(h.name(), i.name()));
        }
      }
    }
    // Union-find over ports: same explicit segment name, or (when unnamed) same connected prefix.
    int[] parent = new int[ports.size()];
    for (int i = 0; i < parent.length; i++) {
      parent[i] = i;
    }
    Map<String, Integer> byName = new HashMap<>();
    Map<IpPrefix, Integer> byPrefix = new HashMap<>();
    for (int i = 0; i < ports.size(); i++) {
      LabInterface iface = interfaceOf(ports.get(i));
      if (iface.segment() != null) {
        Integer j = byName.putIfAbsent(iface.segment(), i);
        if (j != null) {
          union(parent, i, j);
        }
        continue;
      }
      for (IfAddress a : iface.addresses()) {
        // Link-local prefixes are on every link and host-length prefixes connect nothing.
        if (a.address().isLinkLocal() || a.length() == a.address().bits()) {
          continue;
        }
        Integer j = byPrefix.putIfAbsent(a.prefix(), i);
        if (j != null) {
          union(parent, i, j);
        }
      }
    }
    Map<Integer, List<LabSegment.Port>> groups = new LinkedHashMap<>();
    for (int i = 0; i < ports.size(); i++) {
      groups.computeIfAbsent(find(parent, i), k -> new ArrayList<>()).add(ports.get(i));
    }
    Map<String, LabSegment> named = new TreeMap<>();
    for (List<LabSegment.Port> g : groups.values()) {
      String name = null;
      for (LabSegment.Port p : g) {
        String s = interfaceOf(p).segment();
        if (s != null) {
          name = s;
        }
      }
      if (name == null) {
        LabSegment.Port first = g.get(0);
        name = first.host() + "." + first.iface();
      }
      named.put(name, new LabSegment(name, g));
    }
    return List.copyOf(named.values());
  }

  private LabInterface interfaceOf(LabSegment.Port p) {
    return host(p.host()).interfaces().stream().filter(i -> i.name().equals(p.iface())).findFirst().orElseThrow();
  }

  private static int find(int[] parent, int i) {
    while (parent[i] != i) {
      parent[i] = parent[parent[i]];
      i = parent[i];
    }
    return i;
  }

  private static void union(int[] parent, int a, int b) {
    parent[find(parent, a)] = find(parent, b);
  }
}
