package dev.podpath.ingest.cilium;

import dev.podpath.core.SourceRef;
import dev.podpath.ingest.yaml.YamlDocument;
import java.util.List;
import java.util.Map;

/**
 * The Helm values an operator wrote, read from a values file (prefix "") or a Flux HelmRelease
 * (prefix "spec.values"), so every key keeps the line it has in the file.
 */
public record HelmValues(YamlDocument document, String prefix) {

  public static HelmValues empty(String file) {
    return new HelmValues(new YamlDocument(file, 0, Map.of(), Map.of()), "");
  }

  /** The value at a dotted Helm path such as {@code bpf.masquerade}, or null when absent. */
  public Object get(String path) {
    Object cur = root();
    for (String key : path.split("\\.")) {
      if (!(cur instanceof Map<?, ?> m)) {
        return null;
      }
      cur = m.get(key);
    }
    return cur;
  }

  /** Helm's {@code hasKey}: the key is present, even with a null value. */
  public boolean has(String path) {
    int dot = path.lastIndexOf('.');
    Object parent = dot < 0 ? root() : get(path.substring(0, dot));
    return parent instanceof Map<?, ?> m && m.containsKey(path.substring(dot + 1));
  }

  /** The line of a Helm path (or of its nearest written ancestor). */
  public SourceRef ref(String path) {
    return document.refOf(fullPath(path));
  }

  public String file() {
    return document.file();
  }

  public Object root() {
    return prefix.isEmpty() ? document.root() : document.get(prefix);
  }

  /** The document path of a Helm path (HelmRelease values live under spec.values). */
  public String fullPath(String helmPath) {
    if (helmPath.isEmpty()) {
      return prefix;
    }
    return prefix.isEmpty() ? helmPath : prefix + "." + helmPath;
  }

  /**
   * Go template truthiness (text/template "if"): false, 0, nil, "" and empty maps/lists are false.
   * The chart's {@code if .Values.x} conditions depend on it.
   */
  public boolean truthy(String path) {
    return truthy(get(path));
  }

  static boolean truthy(Object v) {
    if (v == null) {
      return false;
    }
    if (v instanceof Boolean b) {
      return b;
    }
    if (v instanceof Number n) {
      return n.doubleValue() != 0;
    }
    if (v instanceof String s) {
      return !s.isEmpty();
    }
    if (v instanceof Map<?, ?> m) {
      return !m.isEmpty();
    }
    if (v instanceof List<?> l) {
      return !l.isEmpty();
    }
    return true;
  }
}
