package dev.podpath.report;

import java.util.ArrayList;
import java.util.List;

/** A plain-text table with left-aligned columns, for terminal output. */
public final class TextTable {

  private final List<String> header;
  private final List<List<String>> rows = new ArrayList<>();

  public TextTable(String... header) {
    this.header = List.of(header);
  }

  public TextTable row(Object... cells) {
    List<String> r = new ArrayList<>(cells.length);
    for (Object c : cells) {
      r.add(c == null ? "" : String.valueOf(c));
    }
    rows.add(r);
    return this;
  }

  public boolean isEmpty() {
    return rows.isEmpty();
  }

  public String render(String indent) {
    int n = header.size();
    int[] w = new int[n];
    for (int i = 0; i < n; i++) {
      w[i] = header.get(i).length();
    }
    for (List<String> r : rows) {
      for (int i = 0; i < n && i < r.size(); i++) {
        w[i] = Math.max(w[i], r.get(i).length());
      }
    }
    StringBuilder sb = new StringBuilder();
    line(sb, indent, header, w);
    for (List<String> r : rows) {
      line(sb, indent, r, w);
    }
    return sb.toString();
  }

  private static void line(StringBuilder sb, String indent, List<String> cells, int[] w) {
    StringBuilder l = new StringBuilder(indent);
    for (int i = 0; i < w.length; i++) {
      String c = i < cells.size() ? cells.get(i) : "";
      l.append(c);
      if (i < w.length - 1) {
        l.append(" ".repeat(w[i] - c.length() + 2));
      }
    }
    sb.append(l.toString().stripTrailing()).append('\n');
  }
}
