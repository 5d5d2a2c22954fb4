package dev.podpath.lab;

import dev.podpath.core.net.IfAddress;
import dev.podpath.core.net.IpPrefix;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Builds the run's namespaces: one per host, one switch namespace (with a bridge) per L2
 * segment, one per stand-in pod; veths, addresses, VRFs, sysctls and static routes. Every command
 * names a namespace of this run ({@code ip -n NS} / {@code ip netns exec NS}); nothing runs
 * against the root namespace.
 */
final class NetworkBuilder {

  /** Only net.* sysctls are per network namespace; anything else would change the real machine. */
  private static final Pattern NET_SYSCTL = Pattern.compile("net\\.[A-Za-z0-9_.\\-]+");
  /** lab-notes: forwarding on, no duplicate address detection (or sessions wait for DAD). */
  private static final List<String> BASE_SYSCTLS = List.of(
      "net.ipv6.conf.all.forwarding=1", "net.ipv6.conf.default.forwarding=1",
      "net.ipv4.ip_forward=1",
      "net.ipv6.conf.all.accept_dad=0", "net.ipv6.conf.default.accept_dad=0");
  private static final int FIRST_VRF_TABLE = 1001;

  private final RunContext ctx;

  NetworkBuilder(RunContext ctx) {
    this.ctx = ctx;
  }

  void build() {
    LabTopology t = ctx.topology;
    List<LabSegment> segments = t.segments();
    ctx.progress("creating " + t.hosts().size() + " host, " + segments.size() + " switch and " + t.pods().size()
        + " pod namespaces (prefix " + ctx.names.prefix() + ")");
    for (int i = 0; i < t.hosts().size(); i++) {
      LabHost h = t.hosts().get(i);
      String ns = ctx.names.hostNamespace(i, h.name());
      addNamespace(ns);
      ctx.hostNamespace.put(h.name(), ns);
    }
    for (int s = 0; s < segments.size(); s++) {
      LabSegment seg = segments.get(s);
      String sw = ctx.names.switchNamespace(s, seg.name());
      addNamespace(sw);
      // lab-notes: one bridge per segment, multicast snooping off so ND/ARP always flood.
      ctx.run(RunContext.ip(sw, "link", "add", "br0", "type", "bridge", "mcast_snooping", "0"));
      ctx.run(RunContext.ip(sw, "link", "set", "br0", "up"));
      for (LabSegment.Port p : seg.ports()) {
        LabHost h = t.host(p.host());
        int hostIndex = t.hosts().indexOf(h);
        LabInterface iface = h.interfaces().stream().filter(x -> x.name().equals(p.iface())).findFirst().orElseThrow();
        String port = LabNames.bridgePort(hostIndex, h.interfaces().indexOf(iface));
        String hns = ctx.ns(h.name());
        ctx.run(RunContext.ip(sw, "link", "add", port, "type", "veth", "peer", "name", iface.name(), "netns", hns));
        if (iface.mtu() != null) {
          ctx.run(RunContext.ip(sw, "link", "set", port, "mtu", iface.mtu().toString()));
          ctx.run(RunContext.ip(hns, "link", "set", iface.name(), "mtu", iface.mtu().toString()));
        }
        ctx.run(RunContext.ip(sw, "link", "set", port, "master", "br0", "up"));
      }
    }
    for (LabHost h : t.hosts()) {
      configureHost(h);
    }
    for (int i = 0; i < t.pods().size(); i++) {
      addPod(i, t.pods().get(i));
    }
  }

  private void addNamespace(String ns) {
    if (!ctx.names.owns(ns)) {
      throw new IllegalStateException("namespace " + ns + " is not this run's");
    }
    ctx.run(List.of(LabPreconditions.IP.toString(), "netns", "add", ns));
    ctx.namespaces.add(ns);
    ctx.run(RunContext.ip(ns, "link", "set", "lo", "up"));
    for (String s : BASE_SYSCTLS) {
      ctx.run(RunContext.inNs(ns, "sysctl", "-q", "-w", s));
    }
  }

  private void configureHost(LabHost h) {
    String ns = ctx.ns(h.name());
    Map<String, Integer> tables = new HashMap<>();
    for (LabInterface iface : h.interfaces()) {
      if (iface.vrf() != null && !tables.containsKey(iface.vrf())) {
        int table = FIRST_VRF_TABLE + tables.size();
        LabNames.requireInterfaceName(iface.vrf());
        CommandRunner.Result r = CommandRunner.run(
            RunContext.ip(ns, "link", "add", iface.vrf(), "type", "vrf", "table", Integer.toString(table)), RunContext.SHORT);
        if (!r.ok()) {
          // lab: this kernel (6.18 -fc) answers "Error: Unknown device type." for vrf, 2026-11-26.
          throw new LabUnavailableException("host " + h.name() + " interface " + iface.name() + " is in VRF "
              + iface.vrf() + ", but this kernel cannot create VRF devices (" + r.err().strip() + ")");
        }
        ctx.run(RunContext.ip(ns, "link", "set", iface.vrf(), "up"));
        tables.put(iface.vrf(), table);
      }
    }
    for (LabInterface iface : h.interfaces()) {
      interfaceCommands(ns, iface).forEach(ctx::run);
    }
    for (Map.Entry<String, String> e : new java.util.TreeMap<>(h.sysctls()).entrySet()) {
      if (!NET_SYSCTL.matcher(e.getKey()).matches() || !e.getValue().matches("[A-Za-z0-9_.:\\- ]*")) {
        ctx.warn("host " + h.name() + ": sysctl " + e.getKey() + " not applied (only net.* sysctls are per namespace)");
        continue;
      }
      ctx.run(RunContext.inNs(ns, "sysctl", "-q", "-w", e.getKey() + "=" + e.getValue()));
    }
    for (LabStaticRoute r : h.routes()) {
      ctx.run(routeCommand(ns, r, tables));
    }
  }

  /**
   * The commands that set up one host interface: VRF, up, addresses. When host.yaml gives the
   * interface a link-local address the kernel must not generate its own (addrgenmode none, before
   * up), so the link-local next hop real daemons send is the snapshot's (kernel
   * Documentation/networking/ip-sysctl addr_gen_mode; lab: 6.x kernel in netns, 2026-11-26).
   */
  static List<List<String>> interfaceCommands(String ns, LabInterface iface) {
    List<List<String>> cmds = new ArrayList<>();
    if (!iface.loopback()) {
      if (iface.vrf() != null) {
        cmds.add(RunContext.ip(ns, "link", "set", iface.name(), "master", iface.vrf()));
      }
      if (iface.addresses().stream().anyMatch(a -> a.v6() && a.address().isLinkLocal())) {
        cmds.add(RunContext.ip(ns, "link", "set", iface.name(), "addrgenmode", "none"));
      }
      cmds.add(RunContext.ip(ns, "link", "set", iface.name(), "up"));
    }
    for (IfAddress a : iface.addresses()) {
      if (!builtInLoopback(iface.name(), a)) {
        cmds.add(addressCommand(ns, iface.name(), a));
      }
    }
    return cmds;
  }

  private void addAddress(String ns, String dev, IfAddress a) {
    if (!builtInLoopback(dev, a)) {
      ctx.run(addressCommand(ns, dev, a));
    }
  }

  /** lab: a namespace's lo has these once it is up ("ip addr add ::1/128 dev lo": "address already assigned"). */
  static boolean builtInLoopback(String dev, IfAddress a) {
    return dev.equals("lo") && (a.equals(IfAddress.parse("127.0.0.1/8")) || a.equals(IfAddress.parse("::1/128")));
  }

  static List<String> addressCommand(String ns, String dev, IfAddress a) {
    List<String> cmd = RunContext.ip(ns, "addr", "add", a.toString(), "dev", dev);
    if (a.v6()) {
      cmd.add("nodad");
    }
    return cmd;
  }

  static List<String> routeCommand(String ns, LabStaticRoute r, Map<String, Integer> vrfTables) {
    List<String> cmd = RunContext.ip(ns, r.to().v6() ? "-6" : "-4", "route", "add");
    if (r.type() != null) {
      cmd.add(r.type());
    }
    cmd.add(r.to().toString());
    if (r.via() != null) {
      cmd.add("via");
      cmd.add(r.via().toString());
    }
    if (r.dev() != null) {
      cmd.add("dev");
      cmd.add(LabNames.requireInterfaceName(r.dev()));
    }
    if (r.table() != null) {
      cmd.add("table");
      Integer vrfTable = vrfTables.get(r.table());
      String table = vrfTable != null ? vrfTable.toString() : r.table();
      if (!table.matches("[A-Za-z0-9_]+")) {
        throw new IllegalArgumentException("route table name '" + r.table() + "' is not usable");
      }
      cmd.add(table);
    }
    if (r.metric() != null) {
      cmd.add("metric");
      cmd.add(r.metric().toString());
    }
    return cmd;
  }

  private final Set<IpPrefix> routedPodCidrs = new HashSet<>();

  private void addPod(int index, LabPod pod) {
    String hns = ctx.ns(pod.host());
    String pns = ctx.names.podNamespace(index, pod.name());
    addNamespace(pns);
    ctx.podNamespace.put(pod.name(), pns);
    String veth = LabNames.podVeth(index);
    int hostBits = pod.address().bits();
    ctx.run(RunContext.ip(hns, "link", "add", veth, "type", "veth", "peer", "name", "eth0", "netns", pns));
    addAddress(hns, veth, new IfAddress(pod.gateway(), hostBits));
    ctx.run(RunContext.ip(hns, "link", "set", veth, "up"));
    addAddress(pns, "eth0", new IfAddress(pod.address(), hostBits));
    ctx.run(RunContext.ip(pns, "link", "set", "eth0", "up"));
    String fam = pod.address().v6() ? "-6" : "-4";
    // Cilium routes the node's whole PodCIDR to cilium_host; later pods of the same CIDR get a host route.
    if (routedPodCidrs.add(pod.podCidr())) {
      ctx.run(RunContext.ip(hns, fam, "route", "add", pod.podCidr().toString(), "dev", veth));
    } else {
      ctx.run(RunContext.ip(hns, fam, "route", "add", pod.address() + "/" + hostBits, "dev", veth));
    }
    ctx.run(RunContext.ip(pns, fam, "route", "add", pod.gateway() + "/" + hostBits, "dev", "eth0"));
    ctx.run(RunContext.ip(pns, fam, "route", "add", "default", "via", pod.gateway().toString(), "dev", "eth0"));
  }
}
