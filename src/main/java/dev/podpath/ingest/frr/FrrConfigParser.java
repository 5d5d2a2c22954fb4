package dev.podpath.ingest.frr;

import dev.podpath.core.Finding;
import dev.podpath.core.InputException;
import dev.podpath.core.SourceRef;
import java.util.ArrayList;
import java.util.List;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.atn.PredictionMode;
import org.antlr.v4.runtime.misc.ParseCancellationException;
import org.antlr.v4.runtime.BailErrorStrategy;

/**
 * Reads an frr.conf the way bgpd/vtysh do: line by line, each line matched in the current CLI
 * node and, failing that, in its parent nodes; a match in a parent moves the node there
 * (lib/command.c command_config_read_one_line + cmd_execute_command_real, FRR 8.4.4). A line that
 * is a prefix of a command of the current node is "incomplete" and is not retried upwards
 * (CMD_ERR_INCOMPLETE ends the walk). What no node accepts is a warning, never dropped silently.
 */
public final class FrrConfigParser {

  /** Longest line bgpd reads (lib/vty.h VTY_BUFSIZ 4096). */
  private static final int MAX_LINE = 4096;

  private FrrConfigParser() {}

  /**
   * Parses one frr.conf read by the FRR version it says it was written by (`frr version`, which
   * FRR writes as its own version), or by Debian bookworm's 8.4.4 when the file does not say.
   */
  public static FrrParseResult parse(String text, String displayPath) {
    FrrVersion v = FrrVersion.DEBIAN_BOOKWORM;
    for (String l : text.split("\r?\n|\r")) {
      String t = l.strip();
      if (t.startsWith("frr version ")) {
        try {
          v = FrrVersion.parse(t.substring("frr version ".length()));
        } catch (IllegalArgumentException e) {
          // reported by the parse itself
        }
        break;
      }
    }
    return parse(text, displayPath, v);
  }

  /**
   * Parses one frr.conf.
   *
   * @param text the file content
   * @param displayPath the file path relative to the snapshot root, for SourceRefs
   * @param daemonVersion the FRR version that would read the file (defaults depend on it when the
   *     file has no `frr version` line)
   * @throws InputException only when the content is not text at all
   */
  public static FrrParseResult parse(String text, String displayPath, FrrVersion daemonVersion) {
    if (text.indexOf('\0') >= 0) {
      throw new InputException(SourceRef.file(displayPath), "not an FRR configuration: the file contains NUL bytes");
    }
    FrrConfigBuilder b = new FrrConfigBuilder(displayPath, daemonVersion);
    CliNode node = CliNode.CONFIG;
    String[] lines = text.split("\r?\n|\r", -1);
    int understood = 0;
    int problems = 0;
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i];
      SourceRef where = SourceRef.of(displayPath, i + 1);
      String trimmed = line.strip();
      // lib/command.c cmd_make_strvec: blank lines and lines starting with '!' or '#' are comments
      if (trimmed.isEmpty() || trimmed.startsWith("!") || trimmed.startsWith("#")) {
        continue;
      }
      // vtysh/vtysh.c vtysh_config_from_file: lines that are exactly "end" are skipped
      if (trimmed.equals("end")) {
        continue;
      }
      if (line.length() > MAX_LINE) {
        b.diagnostics().warn("input/unsupported-line", "line longer than " + MAX_LINE + " characters (bgpd truncates it): " + abbreviate(trimmed), where);
        problems++;
        continue;
      }
      int before = b.diagnostics().problemCount();
      CliNode next = readLine(b, node, trimmed, where);
      if (next == null) {
        problems++;
      } else {
        node = next;
        if (b.diagnostics().problemCount() == before) {
          understood++;
        } else {
          problems++;
        }
      }
    }
    FrrConfig config = b.build();
    ParseStatus status =
        problems == 0 ? ParseStatus.PASSED : understood == 0 ? ParseStatus.FAILED : ParseStatus.PARTIALLY_UNRECOGNIZED;
    return new FrrParseResult(config, status, b.diagnostics().findings());
  }

  /** Matches one line from {@code node} upwards; returns the new node, or null if nothing accepted it. */
  private static CliNode readLine(FrrConfigBuilder b, CliNode node, String line, SourceRef where) {
    for (CliNode n = node; n != null; n = n.parent) {
      if (n == CliNode.BGP_AF_OTHER) {
        // lines of an address family podpath does not model: the `address-family` line was reported
        if (tryParse(CliNode.BGP_IPV4, line) instanceof Parsed p) {
          FrrParser.Rbafi_statementContext st = ((FrrParser.Rbafi_lineContext) p.tree()).rbafi_statement();
          return st != null && st.rbafi_exit() != null ? CliNode.ROUTER_BGP : n;
        }
        continue;
      }
      Attempt a = tryParse(n, line);
      if (a instanceof Parsed p) {
        CliNode entered = b.apply(n, p.tree(), line, where);
        if (entered != null) {
          return entered;
        }
        // the builder refused the match (e.g. an ipv4-only hidden command in the ipv6 node): go up
        continue;
      }
      if (a == Attempt.INCOMPLETE) {
        b.diagnostics().warn("input/unsupported-line", "incomplete command in `" + nodeName(n) + "` (FRR: \"% Command incomplete\"): " + line, where);
        return null;
      }
    }
    if (node == CliNode.ENABLE) {
      b.diagnostics().warn("input/unsupported-line", "not in configuration mode (the `exit` at " + b.leftConfigAt() + " left it; FRR: \"% Unknown command\"): " + abbreviate(line), where);
      return null;
    }
    b.diagnostics().warn("input/unsupported-line", "not recognised: " + abbreviate(line), where);
    return null;
  }

  private static String nodeName(CliNode n) {
    return n.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
  }

  private static String abbreviate(String s) {
    return s.length() > 200 ? s.substring(0, 200) + "..." : s;
  }

  /** The outcome of parsing one line in one node. */
  private sealed interface Attempt permits Parsed, Failure {
    Failure NO_MATCH = new Failure(false);
    Failure INCOMPLETE = new Failure(true);
  }

  private record Parsed(ParserRuleContext tree) implements Attempt {}

  private record Failure(boolean incomplete) implements Attempt {}

  private static Attempt tryParse(CliNode node, String line) {
    FrrLexer lexer = new FrrLexer(CharStreams.fromString(line));
    lexer.removeErrorListeners();
    FrrParser parser = new FrrParser(new CommonTokenStream(lexer));
    parser.removeErrorListeners();
    parser.setErrorHandler(new BailErrorStrategy());
    parser.getInterpreter().setPredictionMode(PredictionMode.LL);
    try {
      ParserRuleContext tree =
          switch (node) {
            case ENABLE -> parser.enable_line();
            case CONFIG -> parser.config_line();
            case VRF -> parser.vrf_line();
            case INTERFACE -> parser.if_line();
            case LINE_VTY -> parser.vty_line();
            case ROUTE_MAP -> parser.rm_line();
            case ROUTER_BGP -> parser.rb_line();
            case BGP_IPV4, BGP_IPV6, BGP_AF_OTHER -> parser.rbafi_line();
            case BGP_EVPN -> parser.rbafe_line();
          };
      return new Parsed(tree);
    } catch (ParseCancellationException e) {
      if (e.getCause() instanceof RecognitionException re
          && re.getOffendingToken() != null
          && re.getOffendingToken().getType() == Token.EOF) {
        return Attempt.INCOMPLETE;
      }
      return Attempt.NO_MATCH;
    }
  }
}
