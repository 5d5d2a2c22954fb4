package dev.podpath.ingest.bird;

import dev.podpath.core.Finding;
import dev.podpath.core.SourceRef;
import java.util.ArrayList;
import java.util.List;
import org.antlr.v4.runtime.BailErrorStrategy;
import org.antlr.v4.runtime.BaseErrorListener;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.ListTokenSource;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Recognizer;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.atn.PredictionMode;
import org.antlr.v4.runtime.misc.ParseCancellationException;

/**
 * Parses a BIRD 2 configuration (bird.conf with its includes) into the vendor model.
 *
 * <p>Never throws on bad syntax: unknown statements become {@code input/unsupported-line}
 * warnings with file:line and the line's text, syntax errors that ANTLR recovers from become
 * {@code bird/config-error} errors, and the file gets a {@link ParseStatus}. Only when nothing at
 * all could be recovered is the status FAILED ({@link BirdParseResult#orThrow()} then raises the
 * InputException the CLI turns into exit 2).
 */
public final class BirdConfigParser {

  private BirdConfigParser() {}

  public static BirdParseResult parse(String text, String displayPath, IncludeResolver includes, BirdVersion version) {
    return parse(text, SourceRef.of(displayPath, 1), includes, version);
  }

  /**
   * Parses a config whose line 1 is written at {@code origin} (e.g. the first line of a Talos
   * ExtensionServiceConfig `content: |` block): every SourceRef of that text is in origin's file,
   * shifted by origin's line, so findings point into the file the operator edits.
   */
  public static BirdParseResult parse(String text, SourceRef origin, IncludeResolver includes, BirdVersion version) {
    String displayPath = origin.file();
    List<Finding> findings = new ArrayList<>();
    List<Finding> syntax = new ArrayList<>();
    BaseErrorListener listener = new BaseErrorListener() {
      @Override
      public void syntaxError(Recognizer<?, ?> r, Object offending, int line, int col, String msg, RecognitionException e) {
        String file = offending instanceof Token t && t.getTokenSource() != null
            ? t.getTokenSource().getSourceName()
            : r.getInputStream() != null ? r.getInputStream().getSourceName() : displayPath;
        if (offending instanceof Token t && t.getType() == Token.EOF && t.getTokenSource() == null) {
          file = displayPath;
        }
        syntax.add(Finding.error(BirdParseResult.CONFIG_ERROR, "syntax error: " + msg, SourceRef.of(file, Math.max(line, 1))));
      }
    };
    IncludeExpander expander = new IncludeExpander(includes, findings, listener);
    List<Token> tokens = expander.expand(text, origin);
    BirdParser.Bird_configContext tree = parseTree(tokens, displayPath, listener);

    ParseContext pc = new ParseContext(version, findings, expander.lines());
    ConfigBuilder builder = new ConfigBuilder(pc, displayPath);
    BirdConfig config;
    try {
      config = builder.build(tree);
    } catch (RuntimeException e) {
      // a tree so broken by recovery that the builder cannot walk it: nothing sensible recovered
      syntax.add(Finding.error(BirdParseResult.CONFIG_ERROR, "cannot make sense of the file after syntax errors: " + e.getMessage(),
          SourceRef.file(displayPath)));
      config = new BirdConfig(displayPath, null, List.of(), null, java.util.Map.of(), java.util.Map.of(), java.util.Map.of(),
          List.of(), java.util.Map.of(), List.of(), version);
      findings.addAll(syntax);
      return new BirdParseResult(config, ParseStatus.FAILED, sorted(findings), lines(expander));
    }
    findings.addAll(syntax);
    ParseStatus status;
    if (!syntax.isEmpty() && builder.recognized == 0) {
      status = ParseStatus.FAILED;
    } else if (!syntax.isEmpty() || pc.unrecognized > 0) {
      status = ParseStatus.PARTIALLY_UNRECOGNIZED;
    } else {
      status = ParseStatus.PASSED;
    }
    return new BirdParseResult(config, status, sorted(findings), lines(expander));
  }

  /**
   * Two-stage parse, for speed only: full-context (LL) prediction is not cached by ANTLR and was
   * a fifth of a cold `check`'s main-thread CPU (BENCHMARKS.md). ANTLR 4 PredictionMode.SLL
   * javadoc: an SLL parse either returns the tree LL would return or reports a syntax error, so
   * the SLL tree is kept only when it parsed without error (bail on the first one); otherwise the
   * file is parsed again exactly as before (LL, error recovery, every syntax error reported).
   */
  private static BirdParser.Bird_configContext parseTree(List<Token> tokens, String displayPath, BaseErrorListener listener) {
    BirdParser fast = new BirdParser(new CommonTokenStream(new ListTokenSource(tokens, displayPath)));
    fast.removeErrorListeners();
    fast.setErrorHandler(new BailErrorStrategy());
    fast.getInterpreter().setPredictionMode(PredictionMode.SLL);
    try {
      return fast.bird_config();
    } catch (ParseCancellationException e) {
      BirdParser parser = new BirdParser(new CommonTokenStream(new ListTokenSource(tokens, displayPath)));
      parser.removeErrorListeners();
      parser.addErrorListener(listener);
      return parser.bird_config();
    }
  }

  private static java.util.Map<String, List<String>> lines(IncludeExpander e) {
    java.util.Map<String, List<String>> m = new java.util.HashMap<>();
    e.lines().forEach((f, l) -> m.put(f, List.of(l)));
    return m;
  }

  private static List<Finding> sorted(List<Finding> f) {
    return f.stream().distinct().sorted(Finding.ORDER).toList();
  }
}
