package dev.podpath.analysis.fix;

import dev.podpath.analysis.Simulation;
import dev.podpath.analysis.whatif.BirdConfigEdit;
import dev.podpath.core.SourceRef;
import dev.podpath.ingest.Daemon;
import dev.podpath.ingest.DaemonConfigFile;
import dev.podpath.ingest.Snapshot;
import dev.podpath.ingest.bird.BgpProtocol;
import dev.podpath.ingest.bird.BirdConfig;
import dev.podpath.ingest.bird.BirdConfigParser;
import dev.podpath.ingest.bird.BirdParseResult;
import dev.podpath.ingest.bird.BirdVersion;
import dev.podpath.ingest.bird.Channel;
import dev.podpath.ingest.bird.IncludeResolver;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One host's bird.conf as the fix moves edit it: the text, its parse (every line number comes from
 * the ANTLR parser, never from matching the language with regular expressions), and where its line
 * 1 is written. A bird.conf embedded in a Talos ExtensionServiceConfig is edited in its text lines;
 * {@link Patch} writes those lines back into the Talos file ({@link EmbeddedBird}).
 */
record BirdFile(DaemonConfigFile source, String[] lines, BirdConfig config) {

  /** Every parsable bird.conf of the snapshot, standalone or embedded in a Talos file. */
  static List<BirdFile> all(Snapshot s) {
    List<BirdFile> out = new ArrayList<>();
    BirdVersion v = s.birdVersion().isEmpty() ? null : BirdVersion.nearest(s.birdVersion());
    for (DaemonConfigFile f : s.daemonConfigs()) {
      if (f.daemon() != Daemon.BIRD) {
        continue;
      }
      BirdParseResult parsed = BirdConfigParser.parse(f.text(), f.origin(), IncludeResolver.directory(s.root()),
          v == null ? Simulation.DEFAULT_BIRD_VERSION : v);
      if (parsed.config() != null && (f.origin().line() == 1 || patchable(s, f))) {
        out.add(new BirdFile(f, f.text().split("\n", -1), parsed.config()));
      }
    }
    return out;
  }

  /** An embedded config is edited only when its lines can be written back into the Talos file one for one. */
  private static boolean patchable(Snapshot s, DaemonConfigFile f) {
    try {
      return EmbeddedBird.indentation(java.nio.file.Files.readAllLines(s.root().resolve(f.origin().file())), f) != null;
    } catch (java.io.IOException | RuntimeException e) {
      return false;
    }
  }

  static Optional<BirdFile> of(List<BirdFile> files, String host) {
    return files.stream().filter(f -> f.host().equals(host)).findFirst();
  }

  String host() {
    return source.host();
  }

  /** The snapshot file the edit changes: hosts/NAME/bird.conf, or the Talos file holding it. */
  String file() {
    return source.origin().file();
  }

  boolean embedded() {
    return source.origin().line() != 1;
  }

  /** The line of the text (1-based) a parser reference points at, or -1 when it is in another file (an include). */
  int textLine(SourceRef r) {
    if (r == null || !r.isKnown() || !r.file().equals(file())) {
      return -1;
    }
    int n = r.line() - source.origin().line() + 1;
    return n >= 1 && n <= lines.length ? n : -1;
  }

  String line(int n) {
    return lines[n - 1];
  }

  String indent(int n) {
    String l = line(n);
    int i = 0;
    while (i < l.length() && Character.isWhitespace(l.charAt(i))) {
      i++;
    }
    return l.substring(0, i);
  }

  /** The line where the block opened on line {@code n} closes. */
  int blockEnd(int n) {
    return BirdMoves.blockEnd(lines, n);
  }

  /** The text line holds one statement only (what follows a `#` aside): it can be replaced whole. */
  boolean soleStatement(int n) {
    String code = code(n);
    return code.indexOf(';') == code.length() - 1 && code.indexOf('{') < 0 && code.indexOf('}') < 0;
  }

  /** The line without its comment, stripped. */
  String code(int n) {
    String l = line(n);
    int hash = l.indexOf('#');
    return (hash >= 0 ? l.substring(0, hash) : l).strip();
  }

  /** The comment of line {@code n} with the spaces before it, or "". */
  String comment(int n) {
    String l = line(n);
    int hash = l.indexOf('#');
    if (hash < 0) {
      return "";
    }
    int from = hash;
    while (from > 0 && Character.isWhitespace(l.charAt(from - 1))) {
      from--;
    }
    return l.substring(from);
  }

  BirdConfigEdit replace(int n, String statement, String why) {
    return new BirdConfigEdit(host(), file(), n, n, indent(n) + statement + comment(n), why);
  }

  /** Inserts {@code text} (already indented) after line {@code n}. */
  BirdConfigEdit insertAfter(int n, String text, String why) {
    return new BirdConfigEdit(host(), file(), n + 1, n, text, why);
  }

  /** The BGP protocol whose neighbor is {@code name} (the SessionResult neighborId of a bird session). */
  Optional<BgpProtocol> bgp(String name) {
    return config.protocols(BgpProtocol.class).stream().filter(p -> p.name().equals(name)).findFirst();
  }

  /** The text line of the protocol's header, where its options begin. */
  int headerLine(BgpProtocol p) {
    return textLine(p.where());
  }

  /** Indentation for a statement inside the protocol block (that of its first option line, else two spaces). */
  String bodyIndent(BgpProtocol p) {
    int h = headerLine(p);
    for (SourceRef r : p.lines().values()) {
      int n = textLine(r);
      if (n > h) {
        return indent(n);
      }
    }
    return indent(h) + "  ";
  }

  /** The channel of a family ("ipv4", "ipv6") in a protocol's channels, if written. */
  static Optional<Channel> channel(List<Channel> channels, String family) {
    return channels.stream().filter(c -> family.equals(c.nettype())).findFirst();
  }
}
