package dev.podpath.lab;

import dev.podpath.controlplane.SessionResult;
import dev.podpath.core.net.IpAddr;
import dev.podpath.ingest.host.AddressSpec;
import dev.podpath.ingest.host.HostSpec;
import dev.podpath.ingest.host.InterfaceSpec;
import dev.podpath.ingest.host.RouteSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Boots a host's one BGP-speaking VRF as its namespace's main table, because this kernel has no
 * {@code vrf} link type (lab: `ip link add x type vrf table 10` answers "Unknown device type",
 * kernel 6.18, 2026-11-26). A network namespace isolates at least as much as a VRF does, so the
 * host's namespace holds the VRF's side of the host only: its VRF interfaces (in the main table),
 * the routes host.yaml puts in the VRF's table (in main), a loopback with 127.0.0.1/8 and ::1, and
 * FRR with {@code router bgp N vrf V} running as {@code router bgp N}. The comparison then maps
 * the real main table, default VRF and default instance back to V, and leaves the host's default
 * VRF out (it is not booted). Preconditions (anything else is refused with the reason, {@link #plan}):
 * <ul>
 *   <li>the host's interfaces name exactly one VRF, it runs FRR and no bird, and its frr.conf
 *       has exactly one {@code router bgp N vrf V} for that VRF;</li>
 *   <li>the default instance ({@code router bgp N} without vrf), if any, has no neighbor that can
 *       establish: no neighbor named by an address or an interface, no {@code bgp listen range};</li>
 *   <li>the {@code vrf V} block holds only {@code vni} lines, and no other line of frr.conf names a
 *       VRF (static routes in or to a VRF, {@code import vrf} outside the dropped default instance);</li>
 *   <li>host.yaml's routes are in the main table or V's table, and no other host's simulated
 *       session peers an address of an interface that is left out.</li>
 * </ul>
 * Lines are rewritten in place (removed lines become {@code !}), so FRR's and the guard's line
 * numbers still point at the user's file.
 *
 * @param host the host
 * @param vrf the VRF booted as the main table
 * @param dropped the default-VRF interfaces left out
 */
public record VrfFlattening(String host, String vrf, List<String> dropped) {

  private static final Pattern ROUTER_BGP = Pattern.compile("^router bgp (\\S+)(?: vrf (\\S+))?\\s*$");
  private static final Pattern NEIGHBOR = Pattern.compile("^\\s+neighbor (\\S+)(?: (\\S+))?");

  public VrfFlattening {
    dropped = List.copyOf(dropped);
  }

  /** What the CLI prints before booting. */
  public String note() {
    return "host " + host + ": VRF " + vrf + " runs as the namespace's main table and FRR's `router bgp ... vrf " + vrf
        + "` as its default instance (this kernel has no vrf link type); the host's default VRF"
        + (dropped.isEmpty() ? "" : " (" + String.join(", ", dropped) + ")")
        + " is not booted and not compared (docs/fidelity/lab.md \"VRF flattening\")";
  }

  /**
   * The flattening of every host with a VRF interface, or {@link LabUnavailableException} listing
   * every precondition that does not hold.
   */
  static List<VrfFlattening> plan(List<HostSpec> hosts, java.util.Map<String, LabConfigText> bird,
      java.util.Map<String, LabConfigText> frr, List<SessionResult> sessions) {
    List<VrfFlattening> out = new ArrayList<>();
    List<String> refused = new ArrayList<>();
    for (HostSpec h : hosts) {
      List<String> vrfs = h.interfaces().stream().map(InterfaceSpec::vrf).filter(v -> v != null).distinct().toList();
      if (vrfs.isEmpty()) {
        continue;
      }
      String why = "host " + h.name() + " puts interfaces in VRF " + String.join(", ", vrfs)
          + ", this kernel has no vrf link type, and the VRF cannot be flattened: ";
      if (vrfs.size() > 1) {
        refused.add(why + "more than one VRF");
        continue;
      }
      String vrf = vrfs.get(0);
      if (bird.containsKey(h.name())) {
        refused.add(why + "the host runs bird");
        continue;
      }
      if (!frr.containsKey(h.name())) {
        refused.add(why + "the host runs no FRR");
        continue;
      }
      try {
        frrText(frr.get(h.name()).text(), vrf);
      } catch (IllegalArgumentException e) {
        refused.add(why + frr.get(h.name()).file() + ": " + e.getMessage());
        continue;
      }
      for (RouteSpec r : h.routes()) {
        if (!isMain(r.table()) && !vrf.equals(r.table())) {
          refused.add(why + "host.yaml routes " + r.to() + " in table " + r.table());
        }
      }
      List<String> dropped = new ArrayList<>();
      for (InterfaceSpec i : h.interfaces()) {
        if (i.vrf() != null || i.name().equals("lo")) {
          continue;
        }
        dropped.add(i.name());
        for (AddressSpec a : i.addresses()) {
          for (SessionResult s : sessions) {
            if (!s.host().equals(h.name()) && a.address().address().equals(s.peerAddress())) {
              refused.add(why + s.host() + "'s " + s.daemon() + " peers " + s.peerAddress() + " on " + i.name()
                  + ", which is not in the VRF");
            }
          }
        }
      }
      out.add(new VrfFlattening(h.name(), vrf, dropped));
    }
    if (!refused.isEmpty()) {
      throw new LabUnavailableException(refused);
    }
    return out;
  }

  private static boolean isMain(String table) {
    return table == null || table.equals("main") || table.equals("254");
  }

  /** The host as booted: VRF interfaces in main, a plain loopback, the VRF's routes in main. */
  HostSpec host(HostSpec h) {
    List<InterfaceSpec> ifs = new ArrayList<>();
    for (InterfaceSpec i : h.interfaces()) {
      if (vrf.equals(i.vrf())) {
        ifs.add(new InterfaceSpec(i.name(), i.addresses(), i.segment(), null, i.mtu(), i.where()));
      } else if (i.name().equals("lo")) {
        // Only what every namespace's loopback has: other loopback addresses belong to the default VRF.
        ifs.add(new InterfaceSpec(i.name(), i.addresses().stream().filter(a -> a.address().address().isLoopback()).toList(),
            i.segment(), null, i.mtu(), i.where()));
      }
    }
    List<RouteSpec> routes = h.routes().stream().filter(r -> vrf.equals(r.table()))
        .map(r -> new RouteSpec(r.to(), r.via(), r.dev(), "main", r.metric(), r.type(), r.where())).toList();
    return new HostSpec(h.name(), ifs, routes, h.sysctl(), h.where());
  }

  /**
   * frr.conf with {@code router bgp N vrf V} as {@code router bgp N}, and the default instance and
   * the {@code vrf V} block commented out ({@code !}), line for line.
   *
   * @throws IllegalArgumentException naming the line that breaks a precondition
   */
  static String frrText(String text, String vrf) {
    String[] lines = text.split("\n", -1);
    String[] out = lines.clone();
    int vrfInstances = 0;
    for (int i = 0; i < lines.length; i++) {
      String l = lines[i];
      Matcher m = ROUTER_BGP.matcher(l.stripTrailing());
      if (m.matches()) {
        int end = blockEnd(lines, i);
        if (m.group(2) == null) {
          for (int j = i + 1; j < end; j++) {
            Matcher n = NEIGHBOR.matcher(lines[j]);
            if (n.find() && (isAddress(n.group(1)) || "interface".equals(n.group(2)))) {
              throw new IllegalArgumentException("line " + (j + 1) + ": the default instance has neighbor " + n.group(1)
                  + ", which could establish");
            }
            if (lines[j].strip().startsWith("bgp listen range")) {
              throw new IllegalArgumentException("line " + (j + 1) + ": the default instance accepts dynamic neighbors");
            }
          }
          for (int j = i; j < end; j++) {
            out[j] = "!";
          }
        } else if (m.group(2).equals(vrf)) {
          vrfInstances++;
          out[i] = "router bgp " + m.group(1);
          checkNoVrf(lines, i + 1, end, out);
        } else {
          throw new IllegalArgumentException("line " + (i + 1) + ": a BGP instance in VRF " + m.group(2));
        }
        i = end - 1;
      } else if (l.stripTrailing().equals("vrf " + vrf)) {
        int end = blockEnd(lines, i);
        for (int j = i + 1; j < end; j++) {
          String t = lines[j].strip();
          if (!t.isEmpty() && !t.startsWith("!") && !t.startsWith("vni ") && !t.equals("exit-vrf")) {
            throw new IllegalArgumentException("line " + (j + 1) + ": the vrf block has `" + t + "`");
          }
        }
        for (int j = i; j < end; j++) {
          out[j] = "!";
        }
        i = end - 1;
      } else if (!l.startsWith("!") && mentionsVrf(l)) {
        throw new IllegalArgumentException("line " + (i + 1) + ": `" + l.strip() + "` names a VRF");
      }
    }
    if (vrfInstances != 1) {
      throw new IllegalArgumentException("it has " + vrfInstances + " `router bgp ... vrf " + vrf + "` instances, not one");
    }
    return String.join("\n", out);
  }

  private static void checkNoVrf(String[] lines, int from, int end, String[] out) {
    for (int j = from; j < end; j++) {
      if (mentionsVrf(lines[j])) {
        throw new IllegalArgumentException("line " + (j + 1) + ": `" + lines[j].strip() + "` names a VRF");
      }
    }
  }

  private static boolean mentionsVrf(String line) {
    return (" " + line.strip().toLowerCase(Locale.ROOT) + " ").matches(".* (vrf|nexthop-vrf) .*");
  }

  /** Index after the block that starts at {@code start}: it ends at the next line at column 0 ("exit" included). */
  private static int blockEnd(String[] lines, int start) {
    int j = start + 1;
    while (j < lines.length && (lines[j].isEmpty() || Character.isWhitespace(lines[j].charAt(0)))) {
      j++;
    }
    if (j < lines.length && (lines[j].strip().equals("exit") || lines[j].strip().equals("exit-vrf"))) {
      j++;
    }
    return j;
  }

  private static boolean isAddress(String s) {
    try {
      IpAddr.parse(s);
      return true;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }
}
