package dev.podpath.lab.generate;

import dev.podpath.core.net.IpPrefix;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes the frr.conf of one planned FRR speaker (FRR 8.4 command strings, routing-facts §3.6).
 * Static routes go to staticd and the rest to bgpd: the lab starts zebra, staticd and bgpd with
 * this one file. No {@code log file}: the lab refuses it.
 */
final class FrrConfigWriter {

  static final String ALLOW_ALL = "ALLOW-ALL";

  private FrrConfigWriter() {}

  static String write(long seed, PlanSpeaker s, Family family) {
    StringBuilder b = new StringBuilder();
    b.append("! podpath generator, seed ").append(seed).append(": FRR on ").append(s.host.name)
        .append(" (AS ").append(s.asn).append(")\n");
    b.append("frr version 8.4.4\n");
    // FRR 8.4 lib/defaults + bgpd/bgp_vty.c: the profile picks ebgp-requires-policy (routing-facts §3.1).
    b.append("frr defaults ").append(s.datacenter ? "datacenter" : "traditional").append('\n');
    b.append("hostname ").append(s.host.name).append('\n');
    b.append("log syslog informational\n!\n");
    boolean statics = false;
    for (Origination o : s.originated) {
      if (o.kind() == Origination.Kind.FRR_NETWORK_STATIC || o.kind() == Origination.Kind.FRR_REDISTRIBUTE) {
        b.append(o.prefix().v6() ? "ipv6" : "ip").append(" route ").append(o.prefix()).append(" blackhole\n");
        statics = true;
      }
    }
    if (statics) {
      b.append("!\n");
    }
    b.append("router bgp ").append(s.asn).append('\n');
    b.append(" bgp router-id ").append(s.routerId).append('\n');
    if (!s.datacenter && s.requiresPolicyOff) {
      b.append(" no bgp ebgp-requires-policy\n");
    }
    if (s.noDefaultIpv4) {
      b.append(" no bgp default ipv4-unicast\n");
    }
    if (s.importCheckOff) {
      b.append(" no bgp network import-check\n");
    }
    // Timers only make the lab converge sooner (lab-notes "Hygiene").
    b.append(" timers bgp 3 9\n");
    for (PlanEnd e : s.ends) {
      neighbor(b, e);
    }
    List<String> prefixLists = new ArrayList<>();
    boolean allowAll = false;
    for (boolean v6 : BirdConfigWriter.families(family)) {
      List<String> af = new ArrayList<>();
      boolean redistribute = false;
      for (Origination o : s.originated) {
        if (o.prefix().v6() != v6) {
          continue;
        }
        if (o.kind() == Origination.Kind.FRR_REDISTRIBUTE) {
          redistribute = true;
        } else {
          af.add("  network " + o.prefix());
        }
      }
      if (redistribute) {
        af.add("  redistribute static");
      }
      for (PlanEnd e : s.ends) {
        String n = e.other().local.toString();
        if (e.session.v6 != v6) {
          // FRR 8.4 bgpd.c bgp_create: default ipv4-unicast activates every neighbor, IPv6 ones too.
          if (!v6 && !s.noDefaultIpv4) {
            af.add("  no neighbor " + n + " activate");
          }
          continue;
        }
        if (v6 || s.noDefaultIpv4) {
          if (e.notActivated) {
            continue;
          }
          af.add("  neighbor " + n + " activate");
        }
        if (e.rrClient && e.ibgp()) {
          af.add("  neighbor " + n + " route-reflector-client");
        }
        if (e.nextHop == NextHop.SELF && e.ibgp()) {
          af.add("  neighbor " + n + " next-hop-self");
        }
        if (e.allowLocalAs) {
          af.add("  neighbor " + n + " allowas-in 1");
        }
        if (!e.importDeny.isEmpty()) {
          String name = "IN-" + e.other().speaker.host.name.toUpperCase() + (v6 ? "-V6" : "-V4")
              + (e.session.kind == PlanSession.Kind.LOCALHOST ? "-LH" : "");
          af.add("  neighbor " + n + " prefix-list " + name + " in");
          int seq = 5;
          for (IpPrefix p : e.importDeny) {
            prefixLists.add((v6 ? "ipv6" : "ip") + " prefix-list " + name + " seq " + seq + " deny " + p);
            seq += 5;
          }
          prefixLists.add((v6 ? "ipv6" : "ip") + " prefix-list " + name + " seq " + seq + " permit any");
        }
        // RFC 8212 (FRR 8.4 bgp_route.c): eBGP needs some in and out policy unless the check is off.
        if (s.requiresPolicy() && !e.ibgp()) {
          if (!e.noInPolicy && e.importDeny.isEmpty()) {
            af.add("  neighbor " + n + " route-map " + ALLOW_ALL + " in");
            allowAll = true;
          }
          if (!e.noOutPolicy) {
            af.add("  neighbor " + n + " route-map " + ALLOW_ALL + " out");
            allowAll = true;
          }
        }
      }
      if (!af.isEmpty()) {
        b.append(" !\n address-family ").append(v6 ? "ipv6" : "ipv4").append(" unicast\n");
        af.forEach(l -> b.append(l).append('\n'));
        b.append(" exit-address-family\n");
      }
    }
    b.append("exit\n!\n");
    if (!prefixLists.isEmpty()) {
      prefixLists.forEach(l -> b.append(l).append('\n'));
      b.append("!\n");
    }
    if (allowAll) {
      b.append("route-map ").append(ALLOW_ALL).append(" permit 10\nexit\n!\n");
    }
    return b.toString();
  }

  private static void neighbor(StringBuilder b, PlanEnd e) {
    PlanEnd o = e.other();
    String n = " neighbor " + o.local;
    b.append(n).append(" remote-as ").append(o.speaker.asn).append('\n');
    b.append(n).append(" description ").append(o.speaker.host.name).append(' ')
        .append(o.speaker.daemon.name().toLowerCase()).append(' ').append(e.session.kind.name().toLowerCase()).append('\n');
    if (o.speaker.listenPort != 179) {
      b.append(n).append(" port ").append(o.speaker.listenPort).append('\n');
    }
    switch (e.session.kind) {
      case MULTIHOP -> {
        b.append(n).append(" update-source ").append(e.local).append('\n');
        if (!e.ibgp()) {
          b.append(n).append(" ebgp-multihop 2\n");
        }
      }
      case LOCALHOST -> {
        if (!e.local.isLoopback()) {
          b.append(n).append(" update-source ").append(e.local).append('\n');
        }
        if (!e.ibgp()) {
          // FRR: an eBGP peer off every connected subnet needs ebgp-multihop or this (routing-facts §3.6).
          b.append(n).append(" disable-connected-check\n");
        }
      }
      case DIRECT -> { }
    }
    b.append(n).append(" timers connect 5\n");
    b.append(n).append(" advertisement-interval 0\n");
  }
}
