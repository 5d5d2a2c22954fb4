package dev.podpath.ingest.cilium;

import dev.podpath.core.Finding;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The chart's value keys podpath knows (resource helm-keys.txt). A key the chart does not have is
 * silently ignored by Helm, so the operator's intent is lost: that is worth a warning, not an error
 * (it may be a newer chart's key).
 */
public final class HelmKeyCatalog {

  static final String UNKNOWN_KEY = "cilium/unknown-helm-key";

  private static final Set<String> KEYS = load();

  private HelmKeyCatalog() {}

  /**
   * Whether the chart knows a dotted Helm path: a top-level key must be listed; below it, only
   * keys whose parent has listed sub-keys are checked (the same rule as {@link #check}).
   */
  public static boolean isKnown(String path) {
    String[] parts = path.split("\\.");
    String prefix = "";
    for (String part : parts) {
      String candidate = prefix.isEmpty() ? part : prefix + "." + part;
      if (!prefix.isEmpty() && !hasChildren(prefix)) {
        return true;
      }
      if (!KEYS.contains(candidate)) {
        return false;
      }
      prefix = candidate;
    }
    return true;
  }

  static List<Finding> check(HelmValues values) {
    List<Finding> out = new ArrayList<>();
    if (values.root() instanceof Map<?, ?> m) {
      walk(values, m, "", out);
    }
    return out;
  }

  private static void walk(HelmValues values, Map<?, ?> map, String parent, List<Finding> out) {
    for (Map.Entry<?, ?> e : map.entrySet()) {
      String key = String.valueOf(e.getKey());
      String path = parent.isEmpty() ? key : parent + "." + key;
      String docPath = docPath(values.fullPath(parent), key);
      if (!KEYS.contains(path)) {
        out.add(Finding.warning(UNKNOWN_KEY, message(path, parent, key), values.document().refOf(docPath)));
      } else if (parent.isEmpty() && e.getValue() instanceof Map<?, ?> sub && hasChildren(path)) {
        walk(values, sub, path, out);
      }
    }
  }

  private static String message(String path, String parent, String key) {
    String hint = "";
    for (String known : KEYS) {
      if (known.equalsIgnoreCase(path)) {
        hint = " (did you mean '" + known + "'? Helm keys are case-sensitive)";
      }
    }
    if (hint.isEmpty() && key.contains(".")) {
      hint = " (a dotted key is one literal key to Helm; nest it as a map instead)";
    }
    if (hint.isEmpty() && path.equals("bpf.lbMode")) {
      hint = " (the chart sets bpf-lb-mode from loadBalancer.mode)";
    }
    return "Helm value '" + path + "' is not a key of the cilium chart known to podpath; "
        + "the chart ignores it" + hint;
  }

  private static boolean hasChildren(String path) {
    String p = path + ".";
    for (String k : KEYS) {
      if (k.startsWith(p)) {
        return true;
      }
    }
    return false;
  }

  // Same path syntax as YamlDocument: dotted keys are quoted in brackets.
  private static String docPath(String parent, String key) {
    boolean plain = !key.isEmpty() && key.indexOf('.') < 0 && key.indexOf('[') < 0;
    if (plain) {
      return parent.isEmpty() ? key : parent + "." + key;
    }
    return parent + "[\"" + key.replace("\"", "\\\"") + "\"]";
  }

  private static Set<String> load() {
    Set<String> keys = new TreeSet<>();
    try (InputStream in = HelmKeyCatalog.class.getResourceAsStream("helm-keys.txt")) {
      if (in == null) {
        throw new IllegalStateException("resource helm-keys.txt missing from the build");
      }
      BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        String t = line.strip();
        if (!t.isEmpty() && !t.startsWith("#")) {
          keys.add(t);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return Set.copyOf(keys);
  }
}
