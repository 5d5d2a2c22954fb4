package dev.podpath.lab.generate;

import java.util.ArrayList;
import java.util.List;

/** Writes hosts/NAME/host.yaml with exactly the keys of the snapshot contract (docs/design.md). */
final class HostYamlWriter {

  private HostYamlWriter() {}

  static String write(PlanRouter r, Family family) {
    StringBuilder b = new StringBuilder();
    b.append("name: ").append(r.name).append('\n');
    b.append("interfaces:\n");
    for (int n = 0; n < r.interfaces.size(); n++) {
      PlanInterface i = r.interfaces.get(n);
      List<String> addrs = new ArrayList<>();
      if (i.v4() != null) {
        addrs.add(i.v4() + "/" + i.segment().v4.length());
      }
      if (i.v6() != null) {
        addrs.add(i.v6() + "/" + i.segment().v6.length());
        addrs.add(linkLocal(r, n) + "/64");
      }
      b.append("  - name: ").append(i.name()).append('\n');
      b.append("    addresses: [").append(String.join(", ", addrs)).append("]\n");
      b.append("    segment: ").append(i.segment().name).append('\n');
    }
    List<String> lo = new ArrayList<>();
    if (r.lo4 != null) {
      lo.add(r.lo4 + "/32");
    }
    if (r.lo6 != null) {
      lo.add(r.lo6 + "/128");
    }
    if (!lo.isEmpty()) {
      b.append("  - name: lo\n    addresses: [").append(String.join(", ", lo)).append("]\n");
    }
    if (r.routes.isEmpty()) {
      b.append("routes: []\n");
    } else {
      b.append("routes:\n");
      for (PlanRoute rt : r.routes) {
        b.append("  - to: ").append(rt.to()).append("\n    via: ").append(rt.via()).append('\n');
      }
    }
    sysctl(b, family);
    return b.toString();
  }

  /**
   * The link-local address of the router's {@code index}-th interface: fe80::ROUTER:INDEX+1 (hex),
   * unique on every segment since router numbers are. Written so the simulation knows the second
   * next hop an IPv6 UPDATE carries (FRR bgp_zebra.c bgp_zebra_nexthop_set, BIRD link_addr); the
   * lab gives the kernel exactly this address (NetworkBuilder, addrgenmode none).
   */
  static String linkLocal(PlanRouter r, int index) {
    return "fe80::" + Integer.toHexString(r.number) + ":" + Integer.toHexString(index + 1);
  }

  static void sysctl(StringBuilder b, Family family) {
    b.append("sysctl:\n");
    if (family.v4()) {
      b.append("  net.ipv4.conf.all.forwarding: 1\n");
    }
    if (family.v6()) {
      b.append("  net.ipv6.conf.all.forwarding: 1\n");
    }
  }
}
