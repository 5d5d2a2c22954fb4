package dev.podpath.ingest.yaml;

import dev.podpath.core.SourceRef;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One YAML document as plain Java values (Map with insertion order, List, String, Long,
 * BigInteger, Double, Boolean, or null) plus the line of every key and sequence item, so a finding
 * about {@code spec.bgpInstances[0].peers[1].peerAddress} can point at the line that wrote it.
 *
 * <p>Paths use dots between map keys and {@code [i]} for sequence items; a key that itself
 * contains a dot is written as {@code ["a.b"]}. The root is the empty path.
 */
public record YamlDocument(String file, int startLine, Object root, Map<String, Integer> lines) {

  public YamlDocument {
    Objects.requireNonNull(file, "file");
    lines = Collections.unmodifiableMap(lines);
  }

  /** The line of the path, or of its nearest ancestor that was written; the document start otherwise. */
  public int lineOf(String path) {
    String p = path;
    while (true) {
      Integer l = lines.get(p);
      if (l != null) {
        return l;
      }
      if (p.isEmpty()) {
        return startLine;
      }
      p = parent(p);
    }
  }

  public SourceRef refOf(String path) {
    return SourceRef.of(file, lineOf(path));
  }

  public SourceRef ref() {
    return SourceRef.of(file, startLine);
  }

  /** True when exactly this path was written in the document (not inherited from an ancestor). */
  public boolean has(String path) {
    return lines.containsKey(path);
  }

  @SuppressWarnings("unchecked")
  public Map<String, Object> rootMap() {
    return root instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
  }

  /** The value at a simple dotted path (no sequence indexes), or null. */
  public Object get(String dottedPath) {
    Object cur = root;
    if (dottedPath.isEmpty()) {
      return cur;
    }
    for (String key : dottedPath.split("\\.")) {
      if (!(cur instanceof Map<?, ?> m)) {
        return null;
      }
      cur = m.get(key);
    }
    return cur;
  }

  public String getString(String dottedPath) {
    Object v = get(dottedPath);
    return v == null ? null : String.valueOf(v);
  }

  public List<?> getList(String dottedPath) {
    return get(dottedPath) instanceof List<?> l ? l : List.of();
  }

  static String child(String parent, String key) {
    boolean plain = !key.isEmpty() && key.indexOf('.') < 0 && key.indexOf('[') < 0;
    if (plain) {
      return parent.isEmpty() ? key : parent + "." + key;
    }
    return parent + "[\"" + key.replace("\"", "\\\"") + "\"]";
  }

  static String item(String parent, int index) {
    return parent + "[" + index + "]";
  }

  static String parent(String path) {
    if (path.endsWith("]")) {
      int open = path.lastIndexOf('[');
      // a quoted key may contain '[': scan back over the quoted part
      if (path.endsWith("\"]")) {
        open = path.lastIndexOf("[\"");
      }
      return path.substring(0, Math.max(open, 0));
    }
    int dot = path.lastIndexOf('.');
    return dot < 0 ? "" : path.substring(0, dot);
  }
}
