package dev.podpath.ingest.yaml;

import dev.podpath.core.InputException;
import dev.podpath.core.SourceRef;
import java.io.IOException;
import java.io.StringReader;
import java.math.BigInteger;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Reads untrusted YAML (and JSON, a subset) into {@link YamlDocument}s with line numbers.
 *
 * <p>Safety: files over {@link #MAX_FILE_BYTES} are refused before reading; aliases are capped
 * (alias bombs: "billion laughs"), nesting depth is capped, duplicate keys are an error (Kubernetes
 * and Helm would silently take the last one, which hides mistakes). Only the composer is used, so
 * no tag ever constructs a Java object.
 */
public final class YamlReader {

  /** Larger files are refused: no real values.yaml or manifest directory file comes near it. */
  public static final long MAX_FILE_BYTES = 16L * 1024 * 1024;

  private static final int MAX_ALIASES = 100;
  private static final int MAX_DEPTH = 64;
  /** Total nodes materialised per file, aliases expanded: stops the alias bomb after expansion too. */
  private static final int MAX_NODES = 2_000_000;

  private YamlReader() {}

  /** Reads a file; {@code displayName} is what findings call it (relative to the snapshot). */
  public static List<YamlDocument> readFile(Path path, String displayName) {
    return read(readText(path, displayName), displayName);
  }

  /** Reads a whole file as UTF-8 text, refusing huge, unreadable or non-UTF-8 files with a clear problem. */
  public static String readText(Path path, String displayName) {
    SourceRef where = SourceRef.file(displayName);
    try {
      long size = Files.size(path);
      if (size > MAX_FILE_BYTES) {
        throw new InputException(where, "file is " + size + " bytes, over the " + MAX_FILE_BYTES + "-byte limit");
      }
      byte[] bytes = Files.readAllBytes(path);
      return StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(java.nio.ByteBuffer.wrap(bytes))
          .toString();
    } catch (CharacterCodingException e) {
      throw new InputException(where, "file is not UTF-8 text");
    } catch (IOException e) {
      throw new InputException(where, "cannot read file: " + describe(e));
    }
  }

  /** Parses every document of a YAML stream. Empty documents (e.g. a lone {@code ---}) are skipped. */
  public static List<YamlDocument> read(String text, String displayName) {
    LoaderOptions options = new LoaderOptions();
    options.setAllowDuplicateKeys(false);
    options.setMaxAliasesForCollections(MAX_ALIASES);
    options.setNestingDepthLimit(MAX_DEPTH);
    options.setCodePointLimit((int) Math.min(Integer.MAX_VALUE, MAX_FILE_BYTES));
    options.setAllowRecursiveKeys(false);
    Yaml yaml = new Yaml(options);
    List<YamlDocument> docs = new ArrayList<>();
    try {
      for (Node node : yaml.composeAll(new StringReader(text))) {
        if (node == null) {
          continue;
        }
        Converter c = new Converter(displayName);
        Object value = c.convert(node, "");
        if (value == null && node instanceof ScalarNode) {
          continue;
        }
        docs.add(new YamlDocument(displayName, line(node.getStartMark()), value, c.lines));
      }
    } catch (MarkedYAMLException e) {
      Mark m = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
      int line = m == null ? 0 : m.getLine() + 1;
      String problem = e.getProblem() != null ? e.getProblem() : e.getMessage();
      String context = e.getContext() != null ? e.getContext() + ": " : "";
      throw new InputException(SourceRef.of(displayName, line), "invalid YAML: " + context + oneLine(problem));
    } catch (YAMLException e) {
      throw new InputException(SourceRef.file(displayName), "invalid YAML: " + oneLine(e.getMessage()));
    }
    return docs;
  }

  private static int line(Mark mark) {
    return mark == null ? 0 : mark.getLine() + 1;
  }

  private static String oneLine(String s) {
    if (s == null) {
      return "unknown problem";
    }
    String first = s.strip().split("\\R", 2)[0];
    return first.length() > 300 ? first.substring(0, 300) + "..." : first;
  }

  private static String describe(IOException e) {
    String name = e.getClass().getSimpleName();
    return switch (name) {
      case "NoSuchFileException" -> "no such file";
      case "AccessDeniedException" -> "permission denied";
      default -> e.getMessage() == null ? name : e.getMessage();
    };
  }

  /** Turns composed nodes into plain values, recording the line of each path. */
  private static final class Converter {
    private final String file;
    private final Map<String, Integer> lines = new HashMap<>();
    private final Map<Node, Boolean> inProgress = new IdentityHashMap<>();
    private int nodes;

    Converter(String file) {
      this.file = file;
    }

    Object convert(Node node, String path) {
      if (++nodes > MAX_NODES) {
        throw new InputException(SourceRef.of(file, line(node.getStartMark())),
            "YAML expands to more than " + MAX_NODES + " nodes (alias bomb?)");
      }
      lines.putIfAbsent(path, line(node.getStartMark()));
      if (inProgress.put(node, Boolean.TRUE) != null) {
        throw new InputException(SourceRef.of(file, line(node.getStartMark())), "recursive YAML alias");
      }
      try {
        if (node instanceof MappingNode m) {
          Map<String, Object> out = new LinkedHashMap<>();
          for (NodeTuple t : m.getValue()) {
            Node k = t.getKeyNode();
            if (!(k instanceof ScalarNode ks)) {
              throw new InputException(SourceRef.of(file, line(k.getStartMark())), "only scalar keys are supported");
            }
            String key = ks.getValue();
            if (Tag.MERGE.equals(ks.getTag()) && t.getValueNode() instanceof MappingNode merged) {
              Object mv = convert(merged, path);
              if (mv instanceof Map<?, ?> mm) {
                mm.forEach((kk, vv) -> out.putIfAbsent(String.valueOf(kk), vv));
              }
              continue;
            }
            if (out.containsKey(key)) {
              throw new InputException(SourceRef.of(file, line(k.getStartMark())),
                  "duplicate key '" + key + "' (YAML readers would silently keep only one)");
            }
            String childPath = YamlDocument.child(path, key);
            lines.put(childPath, line(k.getStartMark()));
            Object v = convert(t.getValueNode(), childPath);
            lines.put(childPath, line(k.getStartMark()));
            out.put(key, v);
          }
          return out;
        }
        if (node instanceof SequenceNode s) {
          List<Object> out = new ArrayList<>(s.getValue().size());
          int i = 0;
          for (Node item : s.getValue()) {
            out.add(convert(item, YamlDocument.item(path, i++)));
          }
          return out;
        }
        return scalar((ScalarNode) node);
      } finally {
        inProgress.remove(node);
      }
    }

    private Object scalar(ScalarNode s) {
      String v = s.getValue();
      Tag tag = s.getTag();
      if (Tag.NULL.equals(tag)) {
        return null;
      }
      if (Tag.BOOL.equals(tag)) {
        String l = v.toLowerCase(java.util.Locale.ROOT);
        return l.equals("true") || l.equals("yes") || l.equals("on") || l.equals("y");
      }
      if (Tag.INT.equals(tag)) {
        String digits = v.replace("_", "");
        try {
          return Long.parseLong(digits);
        } catch (NumberFormatException e) {
          try {
            return new BigInteger(digits);
          } catch (NumberFormatException e2) {
            return v; // octal/hex/sexagesimal forms: keep the text, the reader of that key decides
          }
        }
      }
      if (Tag.FLOAT.equals(tag)) {
        try {
          return Double.parseDouble(v.replace("_", ""));
        } catch (NumberFormatException e) {
          return v;
        }
      }
      return v;
    }
  }
}
