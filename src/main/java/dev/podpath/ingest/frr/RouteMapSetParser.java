package dev.podpath.ingest.frr;

import dev.podpath.core.SourceRef;
import dev.podpath.core.net.IpAddr;
import dev.podpath.ingest.frr.FrrParser.Rm_setContext;
import dev.podpath.ingest.frr.FrrParser.VariableContext;
import java.util.ArrayList;
import java.util.List;
import org.antlr.v4.runtime.tree.TerminalNode;

/** Turns a matched `set ...` line into a {@link RouteMapSet}; null when a value is invalid. */
final class RouteMapSetParser {

  private RouteMapSetParser() {}

  static RouteMapSet parse(Rm_setContext s, String line, SourceRef where) {
    try {
      if (s.rms_local_preference() != null) {
        return relative(s.rms_local_preference().value.getText(), true, where);
      }
      if (s.rms_metric() != null) {
        return relative(s.rms_metric().value.getText(), false, where);
      }
      if (s.rms_as_path_prepend() != null) {
        var p = s.rms_as_path_prepend();
        if (p.LAST_AS() != null) {
          return new RouteMapSet.AsPathPrepend(List.of(), Integer.parseInt(p.NUMBER(0).getText()), where);
        }
        List<Long> asns = new ArrayList<>();
        for (TerminalNode n : p.NUMBER()) {
          asns.add(Long.parseLong(n.getText()));
        }
        return new RouteMapSet.AsPathPrepend(asns, 0, where);
      }
      if (s.rms_community() != null) {
        return communities(s.rms_community().variable(), where);
      }
      if (s.rms_ipv6_next_hop() != null) {
        var n = s.rms_ipv6_next_hop();
        if (n.PREFER_GLOBAL() != null) {
          return new RouteMapSet.Ipv6PreferGlobal(where);
        }
        if (n.PEER_ADDRESS() != null) {
          return new RouteMapSet.NextHopPeerAddress(true, where);
        }
        IpAddr a = IpAddr.parse(n.address.getText());
        if (!a.v6()) {
          return null;
        }
        return n.GLOBAL() != null ? new RouteMapSet.Ipv6NextHopGlobal(a, where) : new RouteMapSet.Ipv6NextHopLocal(a, where);
      }
      if (s.rms_ip_next_hop() != null) {
        var n = s.rms_ip_next_hop();
        if (n.PEER_ADDRESS() != null) {
          return new RouteMapSet.NextHopPeerAddress(false, where);
        }
        if (n.UNCHANGED() != null) {
          return new RouteMapSet.IpNextHopUnchanged(where);
        }
        IpAddr a = IpAddr.parse(n.address.getText());
        return a.v6() ? null : new RouteMapSet.IpNextHop(a, where);
      }
      if (s.rms_weight() != null) {
        return new RouteMapSet.Weight(Long.parseLong(s.rms_weight().NUMBER().getText()), where);
      }
      if (s.rms_origin() != null) {
        String o = s.rms_origin().variable().getText();
        return o.equals("igp") || o.equals("egp") || o.equals("incomplete") ? new RouteMapSet.SetOrigin(o, where) : null;
      }
    } catch (IllegalArgumentException e) {
      return null;
    }
    // set src, set tag, large communities, as-path exclude: parsed, not applied
    return new RouteMapSet.Unmodelled(line, where);
  }

  private static RouteMapSet relative(String v, boolean localPref, SourceRef where) {
    int rel = v.startsWith("+") ? 1 : v.startsWith("-") ? -1 : 0;
    long value = Long.parseLong(rel != 0 ? v.substring(1) : v);
    if (value < 0 || value > 4294967295L) {
      throw new IllegalArgumentException("out of range");
    }
    return localPref ? new RouteMapSet.LocalPreference(value, rel, where) : new RouteMapSet.Metric(value, rel, where);
  }

  // bgpd/bgp_community.c community_str2com: AA:NN or a well-known name; `none`; trailing `additive`
  private static RouteMapSet communities(List<VariableContext> vs, SourceRef where) {
    List<Long> values = new ArrayList<>();
    boolean additive = false;
    boolean none = false;
    for (VariableContext v : vs) {
      String t = v.getText();
      switch (t) {
        case "additive" -> additive = true;
        case "none" -> none = true;
        case "internet" -> values.add(0L);
        case "graceful-shutdown" -> values.add(0xFFFF0000L);
        case "accept-own" -> values.add(0xFFFF0001L);
        case "blackhole" -> values.add(0xFFFF029AL);
        case "no-export" -> values.add(0xFFFFFF01L);
        case "no-advertise" -> values.add(0xFFFFFF02L);
        case "local-AS" -> values.add(0xFFFFFF03L);
        case "no-peer" -> values.add(0xFFFFFF04L);
        default -> {
          int colon = t.indexOf(':');
          long value;
          if (colon < 0) {
            value = Long.parseLong(t);
          } else {
            long hi = Long.parseLong(t.substring(0, colon));
            long lo = Long.parseLong(t.substring(colon + 1));
            if (hi > 0xffff || lo > 0xffff) {
              throw new IllegalArgumentException("community part out of range");
            }
            value = (hi << 16) | lo;
          }
          if (value < 0 || value > 0xffffffffL) {
            throw new IllegalArgumentException("community out of range");
          }
          values.add(value);
        }
      }
    }
    return new RouteMapSet.Communities(values, additive, none, where);
  }
}
