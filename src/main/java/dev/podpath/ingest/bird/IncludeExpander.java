package dev.podpath.ingest.bird;

import dev.podpath.core.Finding;
import dev.podpath.core.SourceRef;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.Token;

/**
 * Lexes a config and splices `include "file";` in place, as BIRD's lexer does (conf/cf-lex.l
 * cf_include: includes are lexical, relative paths are relative to the including file's
 * directory, depth at most 8 (MAX_INCLUDE_DEPTH)). Every token keeps its own file name (the
 * lexer's source name), so findings inside included files point at the right file:line.
 */
final class IncludeExpander {

  // conf/cf-lex.l: #define MAX_INCLUDE_DEPTH 8
  static final int MAX_DEPTH = 8;

  private final IncludeResolver resolver;
  private final List<Finding> findings;
  private final Map<String, String[]> lines = new HashMap<>();
  private final List<org.antlr.v4.runtime.ANTLRErrorListener> lexerListeners;

  IncludeExpander(IncludeResolver resolver, List<Finding> findings, org.antlr.v4.runtime.ANTLRErrorListener lexerErrors) {
    this.resolver = resolver;
    this.findings = findings;
    this.lexerListeners = List.of(lexerErrors);
  }

  /** The source lines of every file read, for quoting unrecognized lines. */
  Map<String, String[]> lines() {
    return lines;
  }

  List<Token> expand(String text, String displayPath) {
    return expand(text, SourceRef.of(displayPath, 1));
  }

  /** {@code origin}: the file and line where line 1 of {@code text} is written (e.g. inside a Talos YAML). */
  List<Token> expand(String text, SourceRef origin) {
    List<Token> out = new ArrayList<>();
    lex(text, origin.file(), Math.max(0, origin.line() - 1), new ArrayList<>(), out);
    return out;
  }

  private void lex(String text, String file, int lineOffset, List<String> stack, List<Token> out) {
    String[] own = text.split("\\R", -1);
    String[] shifted = new String[own.length + lineOffset];
    java.util.Arrays.fill(shifted, 0, lineOffset, "");
    System.arraycopy(own, 0, shifted, lineOffset, own.length);
    lines.put(file, shifted);
    stack.add(file);
    BirdLexer lexer = new BirdLexer(CharStreams.fromString(text, file));
    lexer.removeErrorListeners();
    lexerListeners.forEach(lexer::addErrorListener);
    List<? extends Token> tokens = lexer.getAllTokens();
    if (lineOffset > 0) {
      for (Token t : tokens) {
        ((org.antlr.v4.runtime.WritableToken) t).setLine(t.getLine() + lineOffset);
      }
    }
    for (int i = 0; i < tokens.size(); i++) {
      Token t = tokens.get(i);
      if (t.getType() == BirdLexer.INCLUDE) {
        int s = nextDefault(tokens, i + 1);
        int semi = s < 0 ? -1 : nextDefault(tokens, s + 1);
        if (s >= 0 && semi >= 0 && tokens.get(s).getType() == BirdLexer.STRING && tokens.get(semi).getType() == BirdLexer.SEMICOLON) {
          String raw = tokens.get(s).getText();
          include(raw.substring(1, raw.length() - 1), SourceRef.of(file, t.getLine()), stack, out);
          i = semi;
          continue;
        }
      }
      if (t.getType() == BirdLexer.BAD_CHAR) {
        // conf/cf-lex.l: a character outside BIRD's token set is "Unknown character"
        findings.add(Finding.error(BirdParseResult.CONFIG_ERROR, "Unknown character '" + t.getText() + "'", SourceRef.of(file, t.getLine())));
      }
      out.add(t);
    }
    stack.remove(stack.size() - 1);
  }

  private static int nextDefault(List<? extends Token> tokens, int from) {
    for (int j = from; j < tokens.size(); j++) {
      if (tokens.get(j).getChannel() == Token.DEFAULT_CHANNEL) {
        return j;
      }
    }
    return -1;
  }

  private void include(String path, SourceRef where, List<String> stack, List<Token> out) {
    if (path.contains("*") || path.contains("?") || path.contains("[")) {
      findings.add(Finding.warning(BirdParseResult.UNSUPPORTED_LINE,
          "include with a glob pattern \"" + path + "\" is not expanded by podpath; its statements are ignored", where));
      return;
    }
    String resolved = resolve(where.file(), path);
    if (resolved == null) {
      findings.add(Finding.error(BirdParseResult.CONFIG_ERROR,
          "include \"" + path + "\" points outside the snapshot (absolute or escaping path); podpath cannot read it", where));
      return;
    }
    if (stack.contains(resolved)) {
      // BIRD has no cycle check: it recurses until MAX_INCLUDE_DEPTH and fails the config
      findings.add(Finding.error(BirdParseResult.CONFIG_ERROR,
          "include cycle: " + String.join(" -> ", stack) + " -> " + resolved + " (BIRD stops at include depth " + MAX_DEPTH + ")", where));
      return;
    }
    if (stack.size() >= MAX_DEPTH) {
      findings.add(Finding.error(BirdParseResult.CONFIG_ERROR, "include depth over " + MAX_DEPTH + " (BIRD: Max include depth reached)", where));
      return;
    }
    var text = resolver.read(resolved);
    if (text.isEmpty()) {
      findings.add(Finding.error(BirdParseResult.CONFIG_ERROR,
          "included file " + resolved + " is missing (BIRD: Unable to open included file)", where));
      return;
    }
    lex(text.get(), resolved, 0, stack, out);
  }

  /** Joins {@code path} to the including file's directory; null when absolute or leaving the snapshot. */
  static String resolve(String includingFile, String path) {
    if (path.startsWith("/") || path.isEmpty()) {
      return null;
    }
    List<String> parts = new ArrayList<>();
    int slash = includingFile.lastIndexOf('/');
    if (slash > 0) {
      parts.addAll(List.of(includingFile.substring(0, slash).split("/")));
    }
    for (String p : path.split("/")) {
      if (p.isEmpty() || p.equals(".")) {
        continue;
      }
      if (p.equals("..")) {
        if (parts.isEmpty()) {
          return null;
        }
        parts.remove(parts.size() - 1);
      } else {
        parts.add(p);
      }
    }
    return parts.isEmpty() ? null : String.join("/", parts);
  }
}
