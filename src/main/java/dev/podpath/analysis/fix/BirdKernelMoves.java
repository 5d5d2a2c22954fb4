package dev.podpath.analysis.fix;

import dev.podpath.analysis.CheckResult;
import dev.podpath.analysis.whatif.Edit;
import dev.podpath.controlplane.spi.RibEntry;
import dev.podpath.core.net.IpPrefix;
import dev.podpath.ingest.bird.BirdConfig;
import dev.podpath.ingest.bird.Channel;
import dev.podpath.ingest.bird.KernelProtocol;
import dev.podpath.ingest.bird.Policy;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * bird.conf move on the kernel protocol: where a failing path died on a host whose bird selected a
 * route for the destination (e.g. another node's pod CIDR learned over BGP) but did not export it
 * to the kernel, the kernel channel's export accepts exactly those prefixes first. `export none`
 * becomes a filter; an inline or named filter gets one `if net ~ [ ... ] then accept;` as its
 * first statement (BIRD runs a filter's statements in order and stops at `accept`).
 */
final class BirdKernelMoves {

  private BirdKernelMoves() {}

  static void of(CheckResult baseline, List<BirdFile> files, List<FixMove> out) {
    Map<String, List<IpPrefix>> wanted = new LinkedHashMap<>();
    for (DeadEnd d : DeadEnd.of(baseline)) {
      List<RibEntry> rib = baseline.simulation().controlPlane().ribs().get(d.host() + "/bird");
      if (rib == null) {
        continue;
      }
      // the best route bird holds for the destination, longest prefix first; a usable one (status empty) only
      rib.stream().filter(e -> e.best() && e.status().isEmpty() && e.prefix().contains(d.dst()) && e.prefix().length() > 0)
          .max(java.util.Comparator.comparingInt(e -> e.prefix().length()))
          .ifPresent(e -> {
            List<IpPrefix> l = wanted.computeIfAbsent(d.host(), h -> new ArrayList<>());
            if (!l.contains(e.prefix())) {
              l.add(e.prefix());
            }
          });
    }
    List<Edit> edits = new ArrayList<>();
    for (Map.Entry<String, List<IpPrefix>> w : wanted.entrySet()) {
      BirdFile f = BirdFile.of(files, w.getKey()).orElse(null);
      if (f == null) {
        continue;
      }
      for (boolean v6 : new boolean[] {true, false}) {
        List<IpPrefix> ps = w.getValue().stream().filter(p -> p.v6() == v6).sorted().toList();
        if (!ps.isEmpty()) {
          exportEdit(f, v6 ? "ipv6" : "ipv4", ps, edits);
        }
      }
    }
    BirdPeerMoves.add(out, "bird.kernel-export", "bird: export the BGP-learned routes the node lacks to the kernel", edits,
        "per node: the kernel protocol installs exactly those prefixes; nothing else it exports changes");
  }

  private static void exportEdit(BirdFile f, String family, List<IpPrefix> ps, List<Edit> edits) {
    String set = "[ " + String.join(", ", ps.stream().map(IpPrefix::toString).toList()) + " ]";
    String why = "install " + set + " in the kernel";
    for (KernelProtocol k : f.config().protocols(KernelProtocol.class)) {
      Channel c = BirdFile.channel(k.channels(), family).orElse(null);
      if (c == null || k.disabled()) {
        continue;
      }
      Policy p = c.exportPolicy();
      // BIRD 2.0 manual "Filters": `net ~ [ prefixes ]` matches exactly those prefixes; `accept` ends the filter
      String test = "if net ~ " + set + " then accept;";
      if (p == null || p instanceof Policy.None) {
        int at = p == null ? -1 : f.textLine(p.where());
        if (at > 0 && f.soleStatement(at) && f.code(at).startsWith("export")) {
          edits.add(f.replace(at, "export filter { " + test + " reject; };", why));
        } else if (p == null) {
          int open = f.textLine(c.where());
          if (open > 0 && f.blockEnd(open) > open) {
            edits.add(f.insertAfter(open, f.indent(open) + "  export filter { " + test + " reject; };", why));
          }
        }
      } else if (p instanceof Policy.Inline) {
        int at = f.textLine(p.where());
        if (at > 0 && f.code(at).endsWith("{")) {
          edits.add(f.insertAfter(at, f.indent(at) + "  " + test, why));
        }
      } else if (p instanceof Policy.Named n) {
        BirdConfig.FilterDef def = f.config().filters().get(n.filter());
        int at = def == null ? -1 : f.textLine(def.where());
        if (at > 0 && f.code(at).endsWith("{")) {
          edits.add(f.insertAfter(at, f.indent(at) + "  " + test, why));
        }
      }
      return; // one kernel protocol per family: the first is the one syncing the main table
    }
  }
}
