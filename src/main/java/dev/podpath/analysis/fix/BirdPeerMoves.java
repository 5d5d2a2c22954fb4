package dev.podpath.analysis.fix;

import dev.podpath.analysis.CheckResult;
import dev.podpath.analysis.whatif.BirdConfigEdit;
import dev.podpath.analysis.whatif.Edit;
import dev.podpath.controlplane.SessionDownReason;
import dev.podpath.controlplane.SessionResult;
import dev.podpath.controlplane.spi.RibEntry;
import dev.podpath.core.net.IpAddr;
import dev.podpath.ingest.Snapshot;
import dev.podpath.ingest.bird.BgpProtocol;
import dev.podpath.ingest.bird.Channel;
import dev.podpath.ingest.host.AddressSpec;
import dev.podpath.ingest.host.HostSpec;
import dev.podpath.ingest.host.InterfaceSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * bird.conf moves on a BGP protocol or beside it, each generated only when the baseline shows the
 * symptom it cures: `multihop` for a bird session down as not directly connected (or TTL too
 * small); `allow local as N` for routes bird dropped as AS-path loops; `gateway direct|recursive`
 * for routes whose next hop bird could not resolve in the current mode; `next hop self` for routes
 * a bird node sent with a next hop its peer could not use; a static route to a peer address bird
 * has no route to. Each is one move per kind: the same change on every host that needs it.
 */
final class BirdPeerMoves {

  private BirdPeerMoves() {}

  static void of(CheckResult baseline, List<BirdFile> files, List<FixMove> out) {
    List<DeadEnd> dead = DeadEnd.of(baseline);
    multihop(baseline, files, out);
    allowLocalAs(baseline, files, dead, out);
    gateway(baseline, files, dead, out);
    nextHopSelf(baseline, files, dead, out);
    staticRoute(baseline, files, out);
  }

  /** Sessions a bird protocol could not open because its peer is not on a connected subnet, or too far for its TTL. */
  private static void multihop(CheckResult baseline, List<BirdFile> files, List<FixMove> out) {
    List<Edit> edits = new ArrayList<>();
    for (SessionResult r : downBird(baseline, Set.of(SessionDownReason.NOT_DIRECTLY_CONNECTED, SessionDownReason.TTL_TOO_SMALL))) {
      BirdFile f = BirdFile.of(files, r.host()).orElse(null);
      BgpProtocol p = f == null ? null : f.bgp(r.neighborId()).orElse(null);
      if (p == null) {
        continue;
      }
      // BIRD 2.0 manual "BGP" multihop [number]: a peer that is not directly connected; alone, TTL 64 (proto/bgp/config.Y)
      int written = f.textLine(p.lines().get("multihop"));
      if (written > 0 && f.soleStatement(written)) {
        edits.add(f.replace(written, "multihop;", "multihop to " + p.name() + " (its peer " + r.peerAddress() + " is not directly connected)"));
      } else if (written < 0) {
        int after = anchor(f, p);
        if (after > 0) {
          edits.add(f.insertAfter(after, f.bodyIndent(p) + "multihop;", "multihop to " + p.name()
              + " (its peer " + r.peerAddress() + " is not directly connected)"));
        }
      }
    }
    add(out, "bird.multihop", "bird: `multihop` on the sessions whose peer is not directly connected", edits,
        "per session: TTL 64 and `gateway recursive` on that session (BIRD's multihop defaults)");
  }

  /** Routes bird dropped because its own AS is in the AS path (nodes sharing one AS behind a common upstream). */
  private static void allowLocalAs(CheckResult baseline, List<BirdFile> files, List<DeadEnd> dead, List<FixMove> out) {
    Map<String, Long> times = new LinkedHashMap<>();
    for (Map.Entry<String, List<RibEntry>> rib : birdRibs(baseline).entrySet()) {
      String host = hostOf(rib.getKey());
      for (RibEntry e : rib.getValue()) {
        // controlplane/bird BgpReceive: "... contains our AS N: dropped as a loop"
        if (!e.best() && e.status().contains("dropped as a loop") && e.attributes() != null && needed(dead, host, e)) {
          String proto = protocolOf(e.from());
          BirdFile f = BirdFile.of(files, host).orElse(null);
          BgpProtocol p = f == null ? null : f.bgp(proto).orElse(null);
          if (p != null && p.localAs() != null) {
            times.merge(host + "\u0000" + proto, e.attributes().asPath().count(p.localAs()), Math::max);
          }
        }
      }
    }
    List<Edit> edits = new ArrayList<>();
    for (Map.Entry<String, Long> t : times.entrySet()) {
      String[] hp = t.getKey().split("\u0000");
      BirdFile f = BirdFile.of(files, hp[0]).orElseThrow();
      BgpProtocol p = f.bgp(hp[1]).orElseThrow();
      // BIRD 2.0 manual "BGP" allow local as [number]: accept routes with our AS at most N times in the path
      String stmt = "allow local as " + t.getValue() + ";";
      int written = f.textLine(p.lines().get("allow local as"));
      if (written > 0 && f.soleStatement(written)) {
        edits.add(f.replace(written, stmt, "accept " + p.name() + "'s routes that carry our AS"));
      } else if (written < 0 && anchor(f, p) > 0) {
        edits.add(f.insertAfter(anchor(f, p), f.bodyIndent(p) + stmt, "accept " + p.name() + "'s routes that carry our AS"));
      }
    }
    add(out, "bird.allow-local-as", "bird: `allow local as` where the other nodes' routes come back with our own AS", edits,
        "per session: BIRD's AS-path loop check is relaxed on that session (the nodes share one AS); giving each node its own"
            + " AS would keep the check but changes the peers' configuration too");
  }

  /** Routes kept unreachable (recursive, no IGP route to the next hop) or withdrawn (direct, next hop not on a connected subnet). */
  private static void gateway(CheckResult baseline, List<BirdFile> files, List<DeadEnd> dead, List<FixMove> out) {
    Map<String, Channel.Gateway> want = new LinkedHashMap<>();
    for (Map.Entry<String, List<RibEntry>> rib : birdRibs(baseline).entrySet()) {
      String host = hostOf(rib.getKey());
      for (RibEntry e : rib.getValue()) {
        if (!needed(dead, host, e)) {
          continue;
        }
        String proto = protocolOf(e.from());
        // controlplane/bird TableState: "no route in T covers next hop X (gateway recursive)"; BgpReceive: "... not directly reachable"
        if (e.status().contains("(gateway recursive)") && e.status().contains("covers next hop")) {
          want.putIfAbsent(host + "\u0000" + proto + "\u0000" + family(e), Channel.Gateway.DIRECT);
        } else if (!e.best() && e.status().contains("not directly reachable")) {
          want.putIfAbsent(host + "\u0000" + proto + "\u0000" + family(e), Channel.Gateway.RECURSIVE);
        }
      }
    }
    List<Edit> edits = new ArrayList<>();
    for (Map.Entry<String, Channel.Gateway> w : want.entrySet()) {
      String[] k = w.getKey().split("\u0000");
      BirdFile f = BirdFile.of(files, k[0]).orElse(null);
      BgpProtocol p = f == null ? null : f.bgp(k[1]).orElse(null);
      Channel c = p == null ? null : BirdFile.channel(p.channels(), k[2]).orElse(null);
      // the local Cilium session (::1) is never the route to another node: its next hop is the loopback by design
      if (c == null || c.gateway() == w.getValue() || p.neighborAddress() == null || p.neighborAddress().isLoopback()) {
        continue;
      }
      // BIRD 2.0 manual "BGP" channel option gateway direct|recursive: how the next hop becomes a gateway
      String stmt = "gateway " + w.getValue().name().toLowerCase(java.util.Locale.ROOT) + ";";
      channelOption(f, c, c.gatewayWhere(), stmt, "resolve " + p.name() + "'s " + k[2] + " next hops with " + stmt, edits);
    }
    add(out, "bird.gateway", "bird: change how a session's next hops are resolved (`gateway direct|recursive`)", edits,
        "per session: direct needs the next hop on a connected subnet; recursive needs an IGP route to it");
  }

  /** Routes a bird node sent whose next hop the receiving peer could not use. */
  private static void nextHopSelf(CheckResult baseline, List<BirdFile> files, List<DeadEnd> dead, List<FixMove> out) {
    Snapshot s = baseline.snapshot();
    Map<String, String> want = new LinkedHashMap<>();
    for (Map.Entry<String, List<RibEntry>> rib : baseline.simulation().controlPlane().ribs().entrySet()) {
      String receiver = hostOf(rib.getKey());
      for (RibEntry e : rib.getValue()) {
        String st = e.status().toLowerCase(java.util.Locale.ROOT);
        if (e.best() && !st.contains("unreachable") || !(st.contains("next hop") || st.contains("next-hop") || st.contains("next_hop")
            || st.contains("nexthop")) || dead.stream().noneMatch(d -> e.prefix().contains(d.dst()))) {
          // the receiver drops the route, so the path dies further on (where the route was missing): any host counts
          continue;
        }
        String sender = ownerOf(s, e.from());
        BirdFile f = sender == null ? null : BirdFile.of(files, sender).orElse(null);
        if (f == null) {
          continue;
        }
        for (BgpProtocol p : f.config().protocols(BgpProtocol.class)) {
          if (p.neighborAddress() != null && !p.neighborAddress().isLoopback() && owns(s.hosts().get(receiver), p.neighborAddress())) {
            want.putIfAbsent(sender + "\u0000" + p.name() + "\u0000" + family(e), receiver);
          }
        }
      }
    }
    List<Edit> edits = new ArrayList<>();
    for (String key : want.keySet()) {
      String[] k = key.split("\u0000");
      BirdFile f = BirdFile.of(files, k[0]).orElseThrow();
      BgpProtocol p = f.bgp(k[1]).orElseThrow();
      Channel c = BirdFile.channel(p.channels(), k[2]).orElse(null);
      if (c == null || c.nextHopSelf() == Channel.NextHopScope.ALL) {
        continue;
      }
      // BIRD 2.0 manual "BGP" channel option next hop self: our own address as next hop, also towards iBGP peers
      channelOption(f, c, c.nextHopSelfWhere(), "next hop self;", "send " + p.name() + " our own address as next hop", edits);
    }
    add(out, "bird.next-hop-self", "bird: `next hop self` towards the peers that could not use the next hop they got", edits,
        "per session: the peer routes through this node instead of the original next hop");
  }

  /** A bird session with no route for its TCP connection, to a peer address owned by a router on one of our subnets. */
  private static void staticRoute(CheckResult baseline, List<BirdFile> files, List<FixMove> out) {
    Snapshot s = baseline.snapshot();
    List<Edit> edits = new ArrayList<>();
    Set<String> done = new TreeSet<>();
    for (SessionResult r : downBird(baseline, Set.of(SessionDownReason.NO_TCP_PATH))) {
      BirdFile f = BirdFile.of(files, r.host()).orElse(null);
      HostSpec me = s.hosts().get(r.host());
      if (f == null || me == null || r.peerAddress() == null || r.peerHost() == null || !done.add(r.host() + r.peerAddress())) {
        continue;
      }
      Optional<IpAddr> via = gatewayOn(me, s.hosts().get(r.peerHost()), r.peerAddress().v6());
      if (via.isEmpty()) {
        continue;
      }
      String fam = r.peerAddress().v6() ? "ipv6" : "ipv4";
      String route = "route " + r.peerAddress() + "/" + (r.peerAddress().v6() ? 128 : 32) + " via " + via.get() + ";";
      // BIRD 2.0 manual "Static": `route PREFIX via IP` (the gateway must be on a connected subnet); the kernel protocol exports it
      // before the empty string after the text's last line break, so the file still ends with one
      int at = f.lines()[f.lines().length - 1].isEmpty() ? f.lines().length : f.lines().length + 1;
      edits.add(new BirdConfigEdit(f.host(), f.file(), at, at - 1,
          "\n# podpath fix: reach BGP peer " + r.peerAddress() + " (" + r.peerHost() + ") for the session " + r.neighborId() + "\n"
              + "protocol static static_" + r.neighborId().replaceAll("[^A-Za-z0-9_]", "_") + " {\n  " + fam + ";\n  " + route + "\n}",
          "static route to " + r.peerAddress()));
    }
    add(out, "bird.static-route", "bird: a static route to the BGP peer addresses the node cannot reach", edits,
        "per node: one host route through a directly connected router of the peer (installed only if the kernel protocol exports it)");
  }

  /** The inserted or replaced channel option line, or nothing when the channel is written on one line. */
  private static void channelOption(BirdFile f, Channel c, dev.podpath.core.SourceRef written, String stmt, String why, List<Edit> edits) {
    int at = f.textLine(written);
    if (at > 0 && f.soleStatement(at)) {
      edits.add(f.replace(at, stmt, why));
      return;
    }
    int open = f.textLine(c.where());
    if (open < 0 || at > 0) {
      return;
    }
    int end = f.blockEnd(open);
    if (end <= open) {
      return; // `ipv6 { import all; export none; };` on one line: left to the operator
    }
    edits.add(f.insertAfter(open, f.indent(open) + "  " + stmt, why));
  }

  /** The line after which a protocol option goes: its `neighbor` line, else its header. */
  private static int anchor(BirdFile f, BgpProtocol p) {
    int n = f.textLine(p.lines().get("neighbor"));
    if (n > 0 && f.soleStatement(n)) {
      return n;
    }
    int h = f.headerLine(p);
    return h > 0 && f.line(h).contains("{") ? h : -1;
  }

  private static List<SessionResult> downBird(CheckResult baseline, Set<SessionDownReason> reasons) {
    return baseline.simulation().controlPlane().sessions().stream()
        .filter(r -> !r.established() && r.daemon().equals("bird") && reasons.contains(r.reason())).toList();
  }

  private static Map<String, List<RibEntry>> birdRibs(CheckResult baseline) {
    Map<String, List<RibEntry>> out = new LinkedHashMap<>();
    baseline.simulation().controlPlane().ribs().forEach((k, v) -> {
      if (k.endsWith("/bird")) {
        out.put(k, v);
      }
    });
    return out;
  }

  /** A route a failing flow needed: on the host where a failing path died for want of a route, covering its destination. */
  static boolean needed(List<DeadEnd> dead, String host, RibEntry e) {
    return dead.stream().anyMatch(d -> d.host().equals(host) && e.prefix().contains(d.dst()));
  }

  private static String hostOf(String ribKey) {
    return ribKey.substring(0, ribKey.indexOf('/'));
  }

  /** bird RibEntry.from: "PROTOCOL from PEER" (controlplane/bird BirdDaemon.rib). */
  private static String protocolOf(String from) {
    int i = from.indexOf(" from ");
    return i < 0 ? from : from.substring(0, i);
  }

  private static String family(RibEntry e) {
    return e.prefix().v6() ? "ipv6" : "ipv4";
  }

  /** The host owning the first address written in a RibEntry's {@code from}. */
  private static String ownerOf(Snapshot s, String from) {
    for (String word : from.split("[\\s()/,]+")) {
      try {
        IpAddr a = IpAddr.parse(word);
        for (HostSpec h : s.hosts().values()) {
          if (owns(h, a)) {
            return h.name();
          }
        }
      } catch (IllegalArgumentException ex) {
        // not an address
      }
    }
    return null;
  }

  static boolean owns(HostSpec h, IpAddr a) {
    return h != null && h.interfaces().stream().flatMap(i -> i.addresses().stream()).anyMatch(x -> x.address().address().equals(a));
  }

  /** An address of {@code peer} on a subnet {@code me} is connected to, of the family. */
  private static Optional<IpAddr> gatewayOn(HostSpec me, HostSpec peer, boolean v6) {
    if (peer == null) {
      return Optional.empty();
    }
    for (InterfaceSpec mine : me.interfaces()) {
      for (AddressSpec m : mine.addresses()) {
        for (InterfaceSpec theirs : peer.interfaces()) {
          for (AddressSpec t : theirs.addresses()) {
            if (m.address().v6() == v6 && t.address().v6() == v6 && !m.address().address().isLoopback()
                && m.address().length() < (v6 ? 128 : 32) && m.address().prefix().contains(t.address().address())) {
              return Optional.of(t.address().address());
            }
          }
        }
      }
    }
    return Optional.empty();
  }

  static void add(List<FixMove> out, String key, String label, List<Edit> edits, String tradeOff) {
    if (edits.isEmpty()) {
      return;
    }
    Set<String> files = new TreeSet<>();
    edits.forEach(e -> files.add(((BirdConfigEdit) e).file()));
    out.add(new FixMove(key, label, edits, files, false, false, files.size() + (files.size() == 1 ? " file" : " files") + " (bird.conf); " + tradeOff));
  }
}
