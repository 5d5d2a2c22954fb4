package dev.podpath.analysis.whatif;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Replaces lines {@code fromLine..toLine} (1-based, inclusive) of a text with {@code newText};
 * {@code toLine == fromLine - 1} inserts before {@code fromLine}. The lines around keep their
 * own text, comments and breaks: the operator's file changes only where the edit says.
 */
record LineSplice(int fromLine, int toLine, String newText) {

  LineSplice {
    if (fromLine < 1 || toLine < fromLine - 1) {
      throw new IllegalArgumentException("bad line range " + fromLine + ".." + toLine);
    }
  }

  String applyTo(String text) {
    List<String> lines = new ArrayList<>(Arrays.asList(text.split("\n", -1)));
    int from = Math.min(fromLine - 1, lines.size());
    int to = Math.min(toLine, lines.size());
    for (int i = to - 1; i >= from; i--) {
      lines.remove(i);
    }
    String body = newText.endsWith("\n") ? newText.substring(0, newText.length() - 1) : newText;
    lines.addAll(from, Arrays.asList(body.split("\n", -1)));
    return String.join("\n", lines);
  }

  /** Applies every splice bottom-up, so that each one's line numbers are those of the original text. */
  static String applyAll(String text, List<LineSplice> splices) {
    List<LineSplice> sorted = new ArrayList<>(splices);
    sorted.sort(Comparator.comparingInt(LineSplice::fromLine).reversed());
    String out = text;
    for (LineSplice s : sorted) {
      out = s.applyTo(out);
    }
    return out;
  }

  static String describe(String file, int fromLine, int toLine) {
    return file + ":" + (toLine < fromLine ? "insert before " + fromLine : fromLine == toLine ? fromLine : fromLine + "-" + toLine);
  }
}
