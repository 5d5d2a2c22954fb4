package dev.podpath.lab;

import dev.podpath.core.InputException;
import dev.podpath.core.InputProblem;
import dev.podpath.core.SourceRef;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Refuses daemon configs that could read or write files outside the run directory, before the
 * lab runs them as root. Conservative on purpose: it works on tokens, so it may refuse a harmless
 * config, never accept a reaching one (docs/lab.md "Safety").
 *
 * <p>TODO(parsers): when ingest.bird / ingest.frr land, check their parse trees instead of tokens
 * (and rewrite log files into the run directory rather than refusing them).
 */
public final class ConfigGuard {

  private static final String WHY = " (the lab runs configs as root and refuses anything that reads or writes files)";

  private ConfigGuard() {}

  /** Throws {@link InputException} naming file:line of every refused statement. */
  public static void checkBird(LabConfigText config) {
    throwIfAny(birdProblems(config));
  }

  public static void checkFrr(LabConfigText config) {
    throwIfAny(frrProblems(config));
  }

  private static void throwIfAny(List<InputProblem> problems) {
    if (!problems.isEmpty()) {
      throw new InputException(problems);
    }
  }

  /** BIRD 2: tokens after removing comments; strings kept as tokens starting with a quote. */
  static List<InputProblem> birdProblems(LabConfigText config) {
    List<Token> tokens = birdTokens(config.text());
    List<InputProblem> out = new ArrayList<>();
    for (int i = 0; i < tokens.size(); i++) {
      Token t = tokens.get(i);
      Token next = i + 1 < tokens.size() ? tokens.get(i + 1) : null;
      String w = t.text.toLowerCase(Locale.ROOT);
      String problem = null;
      if (t.string()) {
        // Interface patterns and descriptions never start like a path.
        String s = t.text.substring(1);
        if (s.startsWith("/") || s.startsWith(".") || s.startsWith("~")) {
          problem = "string " + t.text + "\" looks like a file path";
        }
      } else if (w.equals("include")) {
        // BIRD 2.0 manual "Global options": include "filename" reads another file.
        problem = "'include' reads another file";
      } else if ((w.equals("log") || w.equals("mrtdump") || w.equals("cli")) && next != null && next.string()) {
        // BIRD 2.0 manual: log "filename", mrtdump "filename" write files.
        problem = "'" + t.text + " \"...\"' writes a file";
      } else if (w.equals("filename")) {
        // BIRD 2.0 manual "MRT": filename "..." writes dumps.
        problem = "'filename' writes a file";
      } else if (w.equals("rpki")) {
        // BIRD 2.0 manual "RPKI": SSH transport reads key files.
        problem = "RPKI protocols can read key files";
      }
      // One problem per line is enough to point the operator at it.
      if (problem != null && (out.isEmpty() || out.get(out.size() - 1).where().line() != t.line)) {
        out.add(new InputProblem(SourceRef.of(config.file(), t.line), problem + WHY));
      }
    }
    return out;
  }

  private static final Set<String> FRR_REFUSED_FIRST = Set.of("dump", "rpki", "script");

  /** FRR: one statement per line; "!" and "#" start comments. */
  static List<InputProblem> frrProblems(LabConfigText config) {
    List<InputProblem> out = new ArrayList<>();
    String[] lines = config.text().split("\n", -1);
    for (int n = 0; n < lines.length; n++) {
      String line = lines[n].strip();
      if (line.isEmpty() || line.startsWith("!") || line.startsWith("#")) {
        continue;
      }
      String[] w = line.toLowerCase(Locale.ROOT).split("\\s+");
      String problem = null;
      if (w[0].equals("log") && w.length > 1 && (w[1].equals("file") || w[1].equals("filtered-file"))) {
        // FRR user guide "Basic commands": log file FILENAME writes that file.
        problem = "'" + w[0] + " " + w[1] + "' writes a file";
      } else if (FRR_REFUSED_FIRST.contains(w[0])) {
        // FRR bgpd "dump bgp ... PATH" (MRT), "rpki" (SSH key files), Lua "script".
        problem = "'" + w[0] + "' can read or write files";
      } else {
        for (String word : w) {
          if (word.equals("netns")) {
            // FRR "vrf NAME / netns NSNAME" would move the VRF into another network namespace.
            problem = "'netns' would reach another network namespace";
          } else if (word.equals("script") || word.equals("lua")) {
            problem = "'" + word + "' loads a script file";
          } else if (word.startsWith("/") || word.startsWith("~") || word.startsWith("../") || word.startsWith("./")) {
            problem = "'" + word + "' looks like a file path";
          }
          if (problem != null) {
            break;
          }
        }
      }
      if (problem != null) {
        out.add(new InputProblem(SourceRef.of(config.file(), n + 1), problem + WHY));
      }
    }
    return out;
  }

  private record Token(String text, int line) {
    boolean string() {
      return text.startsWith("\"");
    }
  }

  /** Splits BIRD text into words, punctuation and strings, skipping # and C comments. */
  private static List<Token> birdTokens(String s) {
    List<Token> out = new ArrayList<>();
    int line = 1;
    int i = 0;
    while (i < s.length()) {
      char c = s.charAt(i);
      if (c == '\n') {
        line++;
        i++;
      } else if (Character.isWhitespace(c)) {
        i++;
      } else if (c == '#') {
        while (i < s.length() && s.charAt(i) != '\n') {
          i++;
        }
      } else if (c == '/' && i + 1 < s.length() && s.charAt(i + 1) == '*') {
        i += 2;
        while (i < s.length() && !(s.charAt(i) == '*' && i + 1 < s.length() && s.charAt(i + 1) == '/')) {
          if (s.charAt(i) == '\n') {
            line++;
          }
          i++;
        }
        i += 2;
      } else if (c == '"') {
        int start = line;
        StringBuilder b = new StringBuilder("\"");
        i++;
        while (i < s.length() && s.charAt(i) != '"') {
          if (s.charAt(i) == '\\' && i + 1 < s.length()) {
            i++;
          }
          if (s.charAt(i) == '\n') {
            line++;
          }
          b.append(s.charAt(i));
          i++;
        }
        i++;
        out.add(new Token(b.toString(), start));
      } else if (Character.isLetterOrDigit(c) || c == '_') {
        int j = i;
        while (j < s.length() && (Character.isLetterOrDigit(s.charAt(j)) || s.charAt(j) == '_')) {
          j++;
        }
        out.add(new Token(s.substring(i, j), line));
        i = j;
      } else {
        out.add(new Token(String.valueOf(c), line));
        i++;
      }
    }
    return out;
  }
}
