package dev.podpath.ingest.bird;

import dev.podpath.core.Finding;
import dev.podpath.core.SourceRef;
import java.util.List;
import java.util.Map;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;

/** What every builder shares while walking one file: findings, source lines, the version. */
final class ParseContext {

  final BirdVersion version;
  final List<Finding> findings;
  final Map<String, String[]> lines;
  int unrecognized;

  ParseContext(BirdVersion version, List<Finding> findings, Map<String, String[]> lines) {
    this.version = version;
    this.findings = findings;
    this.lines = lines;
  }

  static SourceRef ref(Token t) {
    return SourceRef.of(t.getTokenSource().getSourceName(), t.getLine());
  }

  static SourceRef ref(ParserRuleContext c) {
    return ref(c.getStart());
  }

  String lineText(SourceRef where) {
    String[] l = lines.get(where.file());
    if (l == null || where.line() < 1 || where.line() > l.length) {
      return "";
    }
    return l[where.line() - 1].strip();
  }

  /** A line podpath does not understand: a warning quoting it (never silently dropped). */
  void unrecognized(ParserRuleContext c, String what) {
    unrecognized++;
    SourceRef where = ref(c);
    findings.add(Finding.warning(BirdParseResult.UNSUPPORTED_LINE,
        what + " not understood by podpath, ignored: `" + lineText(where) + "`", where));
  }

  /** Syntax BIRD knows that podpath parses but does not model. */
  void ignored(SourceRef where, String what) {
    unrecognized++;
    findings.add(Finding.warning(BirdParseResult.UNSUPPORTED_LINE,
        what + " is not modelled by podpath, ignored: `" + lineText(where) + "`", where));
  }

  /** A configuration error that real BIRD reports (the config would not load). */
  void configError(SourceRef where, String message) {
    findings.add(Finding.error(BirdParseResult.CONFIG_ERROR, message, where));
  }

  /** A construct that needs a newer BIRD than the one being modelled. */
  void needsVersion(SourceRef where, String what, int minor) {
    if (!version.atLeast(minor)) {
      configError(where, what + " needs BIRD 2." + minor + " or later; BIRD " + version.label()
          + " rejects it (syntax error) [rule of BIRD " + version.label() + "]");
    }
  }
}
