package dev.podpath.model.network;

import dev.podpath.core.Finding;
import dev.podpath.core.net.IfAddress;
import dev.podpath.core.net.IpAddr;
import dev.podpath.core.net.IpPrefix;
import dev.podpath.ingest.host.AddressSpec;
import dev.podpath.ingest.host.HostSpec;
import dev.podpath.ingest.host.InterfaceSpec;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The vendor-independent network: hosts by name, L2 segments, and who owns each address. Built
 * once from the snapshot's host.yaml files ({@link #of(List)}); immutable afterwards.
 */
public final class Network {

  private final SortedMap<String, Host> hosts;
  private final List<Segment> segments;
  private final Map<Segment.Member, String> segmentOf;
  private final Map<IpAddr, List<AddressOwner>> owners;
  private final List<Finding> findings;

  private Network(
      SortedMap<String, Host> hosts,
      List<Segment> segments,
      Map<Segment.Member, String> segmentOf,
      Map<IpAddr, List<AddressOwner>> owners,
      List<Finding> findings) {
    this.hosts = Collections.unmodifiableSortedMap(hosts);
    this.segments = List.copyOf(segments);
    this.segmentOf = Map.copyOf(segmentOf);
    this.owners = owners;
    this.findings = List.copyOf(findings);
  }

  /** Builds the network from host.yaml records (any order: the result is the same). */
  public static Network of(List<HostSpec> specs) {
    SortedMap<String, Host> hosts = new TreeMap<>();
    List<Finding> findings = new ArrayList<>();
    for (HostSpec s : specs) {
      List<Interface> ifs = new ArrayList<>();
      for (InterfaceSpec i : s.interfaces()) {
        ifs.add(new Interface(i.name(), i.addresses().stream().map(AddressSpec::address).toList(), i.vrf(), i.segment(), i.mtu(), i.where()));
      }
      Host h = new Host(s.name(), ifs, s.routes(), s.sysctl(), s.where());
      if (hosts.put(s.name(), h) != null) {
        findings.add(Finding.error("host/duplicate-host", "host " + s.name() + " is declared twice", s.where()).onHost(s.name()));
      }
    }
    Map<IpAddr, List<AddressOwner>> owners = new HashMap<>();
    for (Host h : hosts.values()) {
      for (InterfaceSpec is : specOf(specs, h.name()).interfaces()) {
        for (AddressSpec a : is.addresses()) {
          owners.computeIfAbsent(a.address().address(), k -> new ArrayList<>())
              .add(new AddressOwner(h.name(), is.vrf(), is.name(), a.address(), a.where()));
        }
      }
    }
    Map<IpAddr, List<AddressOwner>> frozen = new HashMap<>();
    for (Map.Entry<IpAddr, List<AddressOwner>> e : new TreeMap<>(owners).entrySet()) {
      List<AddressOwner> l = new ArrayList<>(e.getValue());
      Collections.sort(l);
      frozen.put(e.getKey(), List.copyOf(l));
      // loopback addresses are host-scope (every host has ::1): never ambiguous between hosts
      if (!e.getKey().isLoopback() && l.stream().map(AddressOwner::host).distinct().count() > 1) {
        // Two hosts answering for one address: ARP/ND picks one at random; sessions and paths to it are ambiguous.
        findings.add(Finding.warning("host/duplicate-address",
            "address " + e.getKey() + " is configured on " + l.stream().map(o -> o.host() + "/" + o.iface()).toList(), l.get(1).where()));
      }
    }
    SegmentInference seg = SegmentInference.infer(hosts.values());
    findings.addAll(seg.findings());
    return new Network(hosts, seg.segments(), seg.segmentOf(), frozen, findings);
  }

  private static HostSpec specOf(List<HostSpec> specs, String name) {
    HostSpec found = null;
    for (HostSpec s : specs) {
      if (s.name().equals(name)) {
        found = s;
      }
    }
    return found;
  }

  public SortedMap<String, Host> hosts() {
    return hosts;
  }

  public Optional<Host> host(String name) {
    return Optional.ofNullable(hosts.get(name));
  }

  public List<Segment> segments() {
    return segments;
  }

  /** The segment name of an interface, or empty for loopback and interfaces without a peer. */
  public Optional<String> segmentOf(String host, String iface) {
    return Optional.ofNullable(segmentOf.get(new Segment.Member(host, iface)));
  }

  /** Every interface carrying exactly this address (loopback 127/8 and ::1 are not listed: every host has them). */
  public List<AddressOwner> owners(IpAddr a) {
    return owners.getOrDefault(a, List.of());
  }

  /** Owners of {@code a} in one VRF (null = default). */
  public List<AddressOwner> owners(IpAddr a, String vrf) {
    List<AddressOwner> out = new ArrayList<>();
    for (AddressOwner o : owners(a)) {
      if (java.util.Objects.equals(o.vrf(), vrf)) {
        out.add(o);
      }
    }
    return out;
  }

  /** Whether host {@code h} has {@code a} as a local address in VRF {@code vrf} (loopback counts in the default VRF). */
  public boolean isLocal(String h, String vrf, IpAddr a) {
    if (a.isLoopback()) {
      return vrf == null;
    }
    for (AddressOwner o : owners(a)) {
      if (o.host().equals(h) && java.util.Objects.equals(o.vrf(), vrf)) {
        return true;
      }
    }
    return false;
  }

  /** The addresses of one host in one VRF, in host.yaml order. */
  public List<IfAddress> addresses(String h, String vrf) {
    List<IfAddress> out = new ArrayList<>();
    Host host = hosts.get(h);
    if (host == null) {
      return out;
    }
    for (Interface i : host.interfaces()) {
      if (java.util.Objects.equals(i.vrf(), vrf)) {
        out.addAll(i.addresses());
      }
    }
    return out;
  }

  /** The connected prefixes of a host in a VRF, sorted. */
  public List<IpPrefix> connectedPrefixes(String h, String vrf) {
    TreeSet<IpPrefix> s = new TreeSet<>();
    for (IfAddress a : addresses(h, vrf)) {
      s.add(a.prefix());
    }
    return List.copyOf(s);
  }

  /** Problems found while building (duplicate addresses, conflicting segment names...). */
  public List<Finding> findings() {
    return findings;
  }
}
