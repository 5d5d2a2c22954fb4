package dev.podpath.ingest.frr;

import dev.podpath.core.net.IpAddr;
import dev.podpath.ingest.frr.FrrParser.VariableContext;
import java.util.List;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;

/** Small conversions from parse-tree words to values. */
final class LineWords {

  private LineWords() {}

  static String text(Token t) {
    return t == null ? null : t.getText();
  }

  static String text(ParserRuleContext c) {
    return c == null ? null : c.getText();
  }

  /** The words joined by single spaces (lib/command.c argv_concat). */
  static String words(List<VariableContext> vs) {
    StringBuilder sb = new StringBuilder();
    for (VariableContext v : vs) {
      if (sb.length() > 0) {
        sb.append(' ');
      }
      sb.append(v.getText());
    }
    return sb.toString();
  }

  /** The address, or null when the word is not one (then it is a name). */
  static IpAddr addr(String s) {
    try {
      return s == null ? null : IpAddr.parse(s);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
