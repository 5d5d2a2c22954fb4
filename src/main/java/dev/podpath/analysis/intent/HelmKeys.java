package dev.podpath.analysis.intent;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;

/**
 * The Helm value paths the cilium chart knows, from the catalog the Cilium reader uses
 * (ingest/cilium/helm-keys.txt): a top-level key must be listed; a sub-key only when the catalog
 * lists sub-keys for its parent (the same rule as HelmKeyCatalog, which is not public).
 */
final class HelmKeys {
  static final String RESOURCE = "/dev/podpath/ingest/cilium/helm-keys.txt";
  private static final Set<String> KEYS = load();

  private HelmKeys() {}

  static boolean knows(String path) {
    String[] parts = path.split("\\.");
    String prefix = "";
    for (String part : parts) {
      String candidate = prefix.isEmpty() ? part : prefix + "." + part;
      String parent = prefix;
      boolean parentHasChildren = parent.isEmpty() || KEYS.stream().anyMatch(k -> k.startsWith(parent + "."));
      if (!parentHasChildren) {
        return true;
      }
      if (!KEYS.contains(candidate)) {
        return false;
      }
      prefix = candidate;
    }
    return true;
  }

  private static Set<String> load() {
    Set<String> out = new HashSet<>();
    try (InputStream in = HelmKeys.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        return out;
      }
      BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      String line;
      while ((line = r.readLine()) != null) {
        String t = line.strip();
        if (!t.isEmpty() && !t.startsWith("#")) {
          out.add(t);
        }
      }
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return out;
  }
}
