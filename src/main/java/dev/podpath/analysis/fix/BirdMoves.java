package dev.podpath.analysis.fix;

import dev.podpath.analysis.CheckResult;
import dev.podpath.analysis.whatif.BirdConfigEdit;
import dev.podpath.analysis.whatif.Edit;
import dev.podpath.controlplane.spi.RibEntry;
import dev.podpath.core.SourceRef;
import dev.podpath.core.net.IpPrefix;
import dev.podpath.ingest.Daemon;
import dev.podpath.ingest.DaemonConfigFile;
import dev.podpath.ingest.Snapshot;
import dev.podpath.ingest.bird.BgpProtocol;
import dev.podpath.ingest.bird.BirdConfigParser;
import dev.podpath.ingest.bird.BirdParseResult;
import dev.podpath.ingest.bird.BirdVersion;
import dev.podpath.ingest.bird.Channel;
import dev.podpath.ingest.bird.IncludeResolver;
import dev.podpath.analysis.Simulation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * bird.conf moves: (1) where a BGP channel's `import none;` rejected other nodes' pod CIDRs, an
 * import filter that accepts exactly the Nodes' pod CIDRs of that family; (2) where bird's session
 * with the local Cilium speaker carries no channel of a family the Nodes have pod CIDRs in, that
 * channel (with `extended next hop on` for IPv4 over an IPv6 session) and an export of Cilium's
 * routes of that family to every other BGP neighbor. A bird.conf embedded in a Talos file is
 * edited in its own lines ({@link EmbeddedBird} writes them back).
 */
final class BirdMoves {

  private static final Pattern IMPORT_NONE = Pattern.compile("\\s*import\\s+none\\s*;\\s*");

  /** controlplane/bird Origination.imported writes "rejected by import filter at FILE:LINE (...)". */
  private static final Pattern REJECTED = Pattern.compile("^rejected by import filter at (\\S+):(\\d+)");

  private BirdMoves() {}

  static void of(CheckResult baseline, Keep keep, List<FixMove> out, List<String> skipped) {
    Snapshot s = baseline.snapshot();
    List<FixMove> found = new ArrayList<>();
    importMove(baseline.simulation(), true, found);
    importMove(baseline.simulation(), false, found);
    channelMove(s, false, found);
    admit(found, keep, out, skipped);
  }

  /** Moves {@code found} to {@code out} unless `keep` forbids their kind or a host whose bird.conf they edit. */
  static void admit(List<FixMove> found, Keep keep, List<FixMove> out, List<String> skipped) {
    for (FixMove m : found) {
      Set<String> hosts = new TreeSet<>();
      m.edits().forEach(e -> hosts.add(((BirdConfigEdit) e).host()));
      if (keep.forbids(m.key())) {
        skipped.add(m.key() + ": kept (" + keep.why(m.key()) + ")");
      } else if (keep.forbidsBird(hosts)) {
        skipped.add(m.key() + ": kept (" + keep.why("bird") + ")");
      } else {
        out.add(m);
      }
    }
  }

  /** The Nodes' pod CIDRs of one family, in Node order. */
  static List<IpPrefix> podCidrs(Snapshot s, boolean v6) {
    List<IpPrefix> out = new ArrayList<>();
    s.kubernetes().nodes().forEach(n -> {
      if (n.object().getSpec() == null || n.object().getSpec().getPodCIDRs() == null) {
        return;
      }
      for (String c : n.object().getSpec().getPodCIDRs()) {
        try {
          IpPrefix p = IpPrefix.parseLenient(c);
          if (p.v6() == v6 && !out.contains(p)) {
            out.add(p);
          }
        } catch (IllegalArgumentException e) {
          // a bad podCIDR is reported by the loader
        }
      }
    });
    return out;
  }

  private static String set(List<IpPrefix> cidrs) {
    return "[ " + String.join(", ", cidrs.stream().map(IpPrefix::toString).toList()) + " ]";
  }

  /** 1. `import none;` lines that rejected other nodes' pod CIDRs, per standalone bird.conf. */
  private static void importMove(Simulation sim, boolean v6, List<FixMove> out) {
    Snapshot s = sim.snapshot();
    List<IpPrefix> cidrs = podCidrs(s, v6);
    if (cidrs.isEmpty()) {
      return;
    }
    Map<SourceRef, String> lines = new LinkedHashMap<>();
    for (Map.Entry<String, List<RibEntry>> rib : sim.controlPlane().ribs().entrySet()) {
      String host = rib.getKey().substring(0, rib.getKey().indexOf('/'));
      if (!rib.getKey().endsWith("/bird") || !s.isNode(host)) {
        continue;
      }
      for (RibEntry e : rib.getValue()) {
        // Origination.imported: "rejected by import filter at FILE:LINE (...)"
        java.util.regex.Matcher m = REJECTED.matcher(e.status());
        if (!e.best() && m.find() && cidrs.contains(e.prefix())) {
          lines.putIfAbsent(SourceRef.of(m.group(1), Integer.parseInt(m.group(2))), host);
        }
      }
    }
    List<Edit> edits = new ArrayList<>();
    Set<String> files = new TreeSet<>();
    for (Map.Entry<SourceRef, String> l : lines.entrySet()) {
      DaemonConfigFile f = standalone(s, l.getValue(), l.getKey().file());
      if (f == null) {
        continue;
      }
      String[] text = f.text().split("\n", -1);
      int n = l.getKey().line() - f.origin().line() + 1; // a line of the Talos file -> a line of the embedded config
      if (n < 1 || n > text.length || !IMPORT_NONE.matcher(text[n - 1]).matches()) {
        continue; // only a plain `import none;` line is replaced; a named or inline filter is the operator's
      }
      String indent = text[n - 1].substring(0, text[n - 1].indexOf('i'));
      // BIRD 2.0 manual "Filters": prefix set `[ p1, p2 ]` matches exactly those prefixes
      String line = indent + "import filter { if net ~ " + set(cidrs) + " then accept; reject; };";
      edits.add(new BirdConfigEdit(l.getValue(), f.origin().file(), n, n, line,
          "import the Nodes' " + (v6 ? "IPv6" : "IPv4") + " pod CIDRs"));
      files.add(f.origin().file());
    }
    if (!edits.isEmpty()) {
      out.add(new FixMove("bird.import-pod-cidrs-" + (v6 ? "v6" : "v4"),
          "bird: import the other nodes' " + (v6 ? "IPv6" : "IPv4") + " pod CIDRs " + set(cidrs) + " instead of `import none`",
          edits, files, false, false,
          "per node: " + files.size() + " bird.conf files; only the Nodes' pod CIDRs are imported (an `import all` would"
              + " also install the upstream's route for the node subnet and shadow the connected route)"));
    }
  }

  /** 2. bird's session with the local Cilium speaker lacks a family the Nodes have pod CIDRs in. */
  private static void channelMove(Snapshot s, boolean v6, List<FixMove> out) {
    List<IpPrefix> cidrs = podCidrs(s, v6);
    if (cidrs.isEmpty()) {
      return;
    }
    String family = v6 ? "ipv6" : "ipv4";
    List<Edit> edits = new ArrayList<>();
    Set<String> files = new TreeSet<>();
    for (DaemonConfigFile f : s.daemonConfigs()) {
      if (f.daemon() != Daemon.BIRD || !s.isNode(f.host()) || f.origin().line() != 1 && standalone(s, f.host(), f.origin().file()) == null) {
        continue;
      }
      int off = f.origin().line() - 1; // parser lines are the Talos file's for an embedded config
      BirdParseResult parsed = BirdConfigParser.parse(f.text(), f.origin(), IncludeResolver.directory(s.root()), version(s));
      if (parsed.config() == null) {
        continue;
      }
      List<BgpProtocol> bgp = parsed.config().protocols(BgpProtocol.class);
      BgpProtocol cilium = bgp.stream().filter(p -> p.neighborAddress() != null && p.neighborAddress().isLoopback())
          .findFirst().orElse(null);
      if (cilium == null || cilium.channels().stream().anyMatch(c -> family.equals(c.nettype()))) {
        continue;
      }
      String[] text = f.text().split("\n", -1);
      List<BirdConfigEdit> mine = new ArrayList<>();
      Channel last = lastChannel(cilium);
      if (last == null) {
        continue;
      }
      int end = blockEnd(text, last.where().line() - off);
      String in = indentOf(text[last.where().line() - off - 1]);
      // BIRD 2.0 manual "BGP" extended next hop: IPv4 routes with an IPv6 next hop (Cilium's ::1 session)
      mine.add(new BirdConfigEdit(f.host(), f.origin().file(), end + 1, end,
          in + family + " {\n" + (v6 ? "" : in + "  extended next hop on;\n") + in + "  import all;\n" + in + "  export none;\n"
              + in + "};", "carry Cilium's " + family + " routes"));
      for (BgpProtocol p : bgp) {
        if (p == cilium || p.neighborAddress() == null || p.neighborAddress().isLoopback()
            || p.channels().stream().anyMatch(c -> family.equals(c.nettype()))) {
          continue;
        }
        Channel pl = lastChannel(p);
        if (pl == null) {
          continue;
        }
        int pend = blockEnd(text, pl.where().line() - off);
        String pin = indentOf(text[pl.where().line() - off - 1]);
        mine.add(new BirdConfigEdit(f.host(), f.origin().file(), pend + 1, pend,
            pin + family + " {\n" + pin + "  import none;\n" + pin + "  export filter { if proto = \"" + cilium.name()
                + "\" && net ~ " + set(cidrs) + " then accept; reject; };\n" + pin + "  next hop self;\n" + pin + "};",
            "export Cilium's " + family + " pod CIDRs to " + p.name()));
      }
      edits.addAll(mine);
      files.add(f.origin().file());
    }
    if (!edits.isEmpty()) {
      out.add(new FixMove("bird.channel-" + family, "bird: carry " + family + " on the Cilium session and export the "
          + family + " pod CIDRs " + set(cidrs) + " upstream", edits, files, false, false,
          "per node: " + files.size() + " bird.conf files; new " + family + " channels (Cilium already offers the family)"));
    }
  }

  /** The BIRD release whose rules the simulation applies (snapshot.yaml birdVersion, else its default). */
  private static BirdVersion version(Snapshot s) {
    BirdVersion v = s.birdVersion().isEmpty() ? null : BirdVersion.nearest(s.birdVersion());
    return v == null ? Simulation.DEFAULT_BIRD_VERSION : v;
  }

  private static Channel lastChannel(BgpProtocol p) {
    return p.channels().stream().filter(c -> c.where().isKnown())
        .max(java.util.Comparator.comparingInt(c -> c.where().line())).orElse(null);
  }

  /** The line (1-based) where the `{ ... }` block opened on line {@code start} closes. */
  static int blockEnd(String[] text, int start) {
    int depth = 0;
    boolean opened = false;
    for (int i = start - 1; i < text.length; i++) {
      String line = text[i];
      int hash = line.indexOf('#');
      if (hash >= 0) {
        line = line.substring(0, hash);
      }
      for (char ch : line.toCharArray()) {
        if (ch == '{') {
          depth++;
          opened = true;
        } else if (ch == '}') {
          depth--;
        }
      }
      if (opened && depth <= 0) {
        return i + 1;
      }
      if (!opened && line.contains(";")) {
        return i + 1; // `ipv6;` without a block
      }
    }
    return start;
  }

  private static String indentOf(String line) {
    int i = 0;
    while (i < line.length() && Character.isWhitespace(line.charAt(i))) {
      i++;
    }
    return line.substring(0, i);
  }

  /** The host's bird.conf written in {@code file}: standalone, or embedded in a Talos file whose lines it can be patched in. */
  private static DaemonConfigFile standalone(Snapshot s, String host, String file) {
    return s.daemonConfigs(host).stream()
        .filter(f -> f.daemon() == Daemon.BIRD && f.origin().file().equals(file))
        .filter(f -> f.origin().line() == 1 || BirdFile.all(s).stream().anyMatch(b -> b.source().equals(f)))
        .findFirst().orElse(null);
  }
}
