package dev.podpath.lab.generate;

import dev.podpath.core.net.IpPrefix;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Writes the bird.conf of one planned bird2 speaker. Grammar: BIRD 2.0 manual as summarised in
 * routing-facts §1.2; every eBGP channel states import and export (BIRD 2.0.1+ refuses it
 * otherwise, routing-facts §2.1). No include and no log file: the lab refuses them.
 */
final class BirdConfigWriter {

  private BirdConfigWriter() {}

  static String write(long seed, PlanSpeaker s, Family family) {
    StringBuilder b = new StringBuilder();
    b.append("# podpath generator, seed ").append(seed).append(": bird2 on ").append(s.host.name)
        .append(" (AS ").append(s.asn).append(")\n");
    b.append("log syslog all;\n");
    b.append("router id ").append(s.routerId).append(";\n\n");
    b.append("protocol device {\n  scan time 10;\n}\n");
    for (boolean v6 : families(family)) {
      kernel(b, s, v6);
    }
    for (boolean v6 : families(family)) {
      List<Origination> mine = s.originated.stream().filter(o -> o.prefix().v6() == v6).toList();
      if (mine.isEmpty()) {
        continue;
      }
      b.append("\nprotocol static static").append(v6 ? "6" : "4").append(" {\n  ").append(v6 ? "ipv6" : "ipv4").append(";\n");
      for (Origination o : mine) {
        b.append("  route ").append(o.prefix()).append(switch (o.kind()) {
          case BIRD_UNREACHABLE -> " unreachable";
          // BIRD 2.0 manual "Static": `via IP` needs a directly reachable neighbor.
          case BIRD_VIA -> " via " + o.via();
          default -> " blackhole";
        }).append(";\n");
      }
      b.append("}\n");
    }
    for (PlanEnd e : s.ends) {
      bgp(b, e);
    }
    return b.toString();
  }

  private static void kernel(StringBuilder b, PlanSpeaker s, boolean v6) {
    if (s.kernelExport == KernelExport.NO_PROTOCOL) {
      return;
    }
    b.append("\nprotocol kernel kernel").append(v6 ? "6" : "4").append(" {\n");
    if (s.kernelLearn) {
      // BIRD 2.0 manual "Kernel" learn: alien kernel routes enter the table (preference 10).
      b.append("  learn;\n");
    }
    b.append("  ").append(v6 ? "ipv6" : "ipv4").append(" {\n");
    b.append("    import ").append(s.kernelLearn ? "all" : "none").append(";\n");
    b.append("    export ").append(switch (s.kernelExport) {
      case ALL -> "all";
      case NONE -> "none";
      default -> "filter { if source = RTS_BGP then accept; reject; }";
    }).append(";\n  };\n}\n");
  }

  static String protocolName(PlanEnd e) {
    PlanEnd o = e.other();
    String peer = e.session.kind == PlanSession.Kind.LOCALHOST ? "localhost" : o.speaker.host.name;
    return peer + (e.session.v6 ? "_v6" : "_v4");
  }

  private static void bgp(StringBuilder b, PlanEnd e) {
    PlanEnd o = e.other();
    String name = protocolName(e);
    String afi = e.session.v6 ? "ipv6" : "ipv4";
    if (!e.importDeny.isEmpty()) {
      b.append("\nfilter in_").append(name).append(" {\n  if net ~ [ ")
          .append(e.importDeny.stream().map(IpPrefix::toString).collect(Collectors.joining(", ")))
          .append(" ] then reject;\n  accept;\n}\n");
    }
    b.append("\nprotocol bgp ").append(name).append(" {\n");
    b.append("  description \"").append(o.speaker.host.name).append(' ').append(o.speaker.daemon.name().toLowerCase())
        .append(' ').append(e.session.kind.name().toLowerCase()).append("\";\n");
    b.append("  local ").append(e.local);
    if (e.speaker.listenPort != 179) {
      b.append(" port ").append(e.speaker.listenPort);
    }
    b.append(" as ").append(e.speaker.asn).append(";\n");
    b.append("  neighbor ").append(o.local);
    if (o.speaker.listenPort != 179) {
      b.append(" port ").append(o.speaker.listenPort);
    }
    b.append(" as ").append(o.speaker.asn).append(";\n");
    switch (e.session.kind) {
      // BIRD 2.0 manual "BGP" multihop; eBGP is direct by default (routing-facts §2.4).
      case MULTIHOP -> b.append("  multihop 2;\n");
      // lab-notes "BIRD": a ::1 / 127.0.0.1 neighbor needs multihop, or the protocol is disabled.
      case LOCALHOST -> b.append("  multihop;\n");
      case DIRECT -> { }
    }
    if (e.rrClient) {
      b.append("  rr client;\n");
    }
    if (e.allowLocalAs) {
      b.append("  allow local as;\n");
    }
    // Timers only make the lab converge sooner; they change no route (lab-notes "Hygiene").
    b.append("  connect delay time 1;\n  connect retry time 5;\n  hold time 9;\n  keepalive time 3;\n  error wait time 1, 10;\n");
    b.append("  ").append(afi).append(" {\n");
    b.append("    import ").append(e.importDeny.isEmpty() ? "all" : "filter in_" + name).append(";\n");
    b.append("    export ").append(e.exportStaticAndBgp ? "where source ~ [ RTS_STATIC, RTS_BGP ]" : "all").append(";\n");
    if (e.nextHop == NextHop.SELF) {
      b.append("    next hop self;\n");
    } else if (e.nextHop == NextHop.KEEP) {
      b.append("    next hop keep;\n");
    }
    b.append("  };\n}\n");
  }

  static List<Boolean> families(Family f) {
    return f == Family.DUAL ? List.of(false, true) : List.of(f == Family.IPV6);
  }
}
