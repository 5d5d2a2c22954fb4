package dev.podpath.analysis.fix;

import dev.podpath.ingest.DaemonConfigFile;
import java.util.ArrayList;
import java.util.List;

/**
 * A bird.conf written as a literal block ({@code content: |}) of a Talos ExtensionServiceConfig:
 * line n of the config is line {@code origin + n - 1} of the Talos file with the block's
 * indentation in front (YAML 1.2 §8.1.2 literal style keeps every line break; the indentation is
 * not content). The patched config goes back into the same lines, indented the same way, so the
 * diff is of the operator's Talos file.
 */
final class EmbeddedBird {

  private EmbeddedBird() {}

  /** The config's lines without the empty string after a final line break (clip chomping keeps one). */
  private static List<String> configLines(String text) {
    List<String> l = new ArrayList<>(List.of(text.split("\n", -1)));
    if (text.endsWith("\n")) {
      l.remove(l.size() - 1);
    }
    return l;
  }

  /** The block's indentation, or null when the file's lines are not the config's lines (a folded or quoted scalar). */
  static String indentation(List<String> fileLines, DaemonConfigFile f) {
    List<String> cfg = configLines(f.text());
    int first = f.origin().line() - 1;
    if (first < 0 || first + cfg.size() > fileLines.size()) {
      return null;
    }
    String indent = null;
    for (int i = 0; i < cfg.size(); i++) {
      String file = fileLines.get(first + i);
      String line = cfg.get(i);
      if (line.isEmpty()) {
        if (!file.isBlank()) {
          return null;
        }
        continue;
      }
      if (!file.endsWith(line)) {
        return null;
      }
      String ind = file.substring(0, file.length() - line.length());
      if (!ind.isBlank() || indent != null && !indent.equals(ind)) {
        return null;
      }
      indent = ind;
    }
    return indent == null ? "" : indent;
  }

  /** The Talos file's lines with the config block replaced by {@code patched} (same indentation). */
  static List<String> patch(List<String> fileLines, DaemonConfigFile f, String patched) {
    String indent = indentation(fileLines, f);
    if (indent == null) {
      throw new IllegalStateException(f.displayPath() + " is not a literal block podpath can patch line by line");
    }
    List<String> out = new ArrayList<>(fileLines.subList(0, f.origin().line() - 1));
    for (String l : configLines(patched)) {
      out.add(l.isEmpty() ? "" : indent + l);
    }
    out.addAll(fileLines.subList(f.origin().line() - 1 + configLines(f.text()).size(), fileLines.size()));
    return out;
  }
}
