package dev.podpath.analysis.fix;

import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;
import dev.podpath.analysis.whatif.BirdConfigEdit;
import dev.podpath.analysis.whatif.CiliumValue;
import dev.podpath.analysis.whatif.Edit;
import dev.podpath.analysis.whatif.FrrConfigEdit;
import dev.podpath.analysis.whatif.HostRouteEdit;
import dev.podpath.analysis.whatif.KubeYamlEdit;
import dev.podpath.core.InputException;
import dev.podpath.ingest.Daemon;
import dev.podpath.ingest.DaemonConfigFile;
import dev.podpath.core.SourceRef;
import dev.podpath.ingest.Snapshot;
import dev.podpath.ingest.cilium.CiliumConfigReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A candidate as changes to the operator's own files: the patched text of every touched file (paths
 * relative to the snapshot root) and one unified diff. Comments and formatting are kept: only the
 * edited lines change. A Cilium value changes its values.yaml line, and the cilium-config.yaml key
 * the chart renders from it when that file sets it (the ConfigMap is what the agent reads).
 */
public record Patch(Map<String, String> files, String diff) {

  private static final Pattern YAML_LINE = Pattern.compile("^(\\s*[\"']?[A-Za-z0-9_.\\-]+[\"']?\\s*:\\s*)([^#]*?)(\\s+#.*)?$");

  public static Patch of(Snapshot s, FixCandidate c) {
    Map<String, List<String>> originals = new TreeMap<>();
    Map<String, List<String>> patched = new TreeMap<>();
    Map<String, List<BirdConfigEdit>> bird = new LinkedHashMap<>();
    Map<String, List<FrrConfigEdit>> frr = new LinkedHashMap<>();
    Map<String, List<HostRouteEdit>> hostRoutes = new LinkedHashMap<>();
    Map<String, List<KubeYamlEdit>> kube = new LinkedHashMap<>();
    for (FixMove m : c.moves()) {
      for (Edit e : m.edits()) {
        if (e instanceof BirdConfigEdit b) {
          bird.computeIfAbsent(b.file(), k -> new ArrayList<>()).add(b);
        } else if (e instanceof CiliumValue v) {
          cilium(s, v, originals, patched);
        } else if (e instanceof FrrConfigEdit f) {
          frr.computeIfAbsent(f.file(), k -> new ArrayList<>()).add(f);
        } else if (e instanceof HostRouteEdit r) {
          hostRoutes.computeIfAbsent(r.file(), k -> new ArrayList<>()).add(r);
        } else if (e instanceof KubeYamlEdit k) {
          kube.computeIfAbsent(k.file(), f -> new ArrayList<>()).add(k);
        }
      }
    }
    for (Map.Entry<String, List<BirdConfigEdit>> e : bird.entrySet()) {
      String text = read(s, e.getKey());
      originals.put(e.getKey(), lines(text));
      DaemonConfigFile embedded = embedded(s, e.getValue().get(0));
      patched.put(e.getKey(), embedded == null ? lines(BirdConfigEdit.applyAll(text, e.getValue()))
          : EmbeddedBird.patch(lines(text), embedded, BirdConfigEdit.applyAll(embedded.text(), e.getValue())));
    }
    for (Map.Entry<String, List<KubeYamlEdit>> e : kube.entrySet()) {
      String text = read(s, e.getKey());
      originals.put(e.getKey(), lines(text));
      patched.put(e.getKey(), lines(KubeYamlEdit.applyAll(text, e.getValue())));
    }
    for (Map.Entry<String, List<FrrConfigEdit>> e : frr.entrySet()) {
      String text = read(s, e.getKey());
      originals.put(e.getKey(), lines(text));
      patched.put(e.getKey(), lines(FrrConfigEdit.applyAll(text, e.getValue())));
    }
    for (Map.Entry<String, List<HostRouteEdit>> e : hostRoutes.entrySet()) {
      String text = read(s, e.getKey());
      originals.put(e.getKey(), lines(text));
      patched.put(e.getKey(), lines(HostRouteEdit.applyAll(text, e.getValue())));
    }
    Map<String, String> files = new TreeMap<>();
    StringBuilder diff = new StringBuilder();
    for (String f : patched.keySet()) {
      List<String> a = originals.get(f);
      List<String> b = patched.get(f);
      files.put(f, String.join("\n", b));
      List<String> u = UnifiedDiffUtils.generateUnifiedDiff("a/" + f, "b/" + f, a, DiffUtils.diff(a, b), 3);
      u.forEach(l -> diff.append(l).append('\n'));
    }
    return new Patch(files, diff.toString());
  }

  /** The bird.conf an edit changes when it is embedded in a Talos file (its line 1 is not the file's), else null. */
  private static DaemonConfigFile embedded(Snapshot s, BirdConfigEdit e) {
    return s.daemonConfigs(e.host()).stream()
        .filter(f -> f.daemon() == Daemon.BIRD && f.origin().file().equals(e.file()) && f.origin().line() != 1)
        .findFirst().orElse(null);
  }

  private static void cilium(Snapshot s, CiliumValue v, Map<String, List<String>> originals, Map<String, List<String>> patched) {
    String values = CiliumConfigReader.VALUES_FILE;
    String shown = String.valueOf(v.value());
    if (!s.ciliumValues().isEmpty()) {
      List<String> lines = patched.computeIfAbsent(values, f -> lines(read(s, f)));
      originals.computeIfAbsent(values, f -> lines(read(s, f)));
      int line = s.ciliumValues().get(0).lineOf(v.path());
      if (line > 0 && line <= lines.size()) {
        lines.set(line - 1, replaceValue(lines.get(line - 1), shown));
      } else {
        appendKey(lines, v.path(), shown);
      }
    }
    CiliumKey key = CiliumKey.ALL.stream().filter(k -> k.path().equals(v.path())).findFirst().orElse(null);
    String cm = "cilium/cilium-config.yaml";
    if (key != null && !s.ciliumConfigMap().isEmpty() && s.ciliumConfigMap().get(0).file().equals(cm)
        && s.ciliumConfigMap().get(0).has("data." + key.flag().key())) {
      List<String> lines = patched.computeIfAbsent(cm, f -> lines(read(s, f)));
      originals.computeIfAbsent(cm, f -> lines(read(s, f)));
      int line = s.ciliumConfigMap().get(0).lineOf("data." + key.flag().key());
      // the chart renders every value as a string (templates/cilium-configmap.yaml quotes booleans)
      String rendered = v.value() instanceof Boolean ? "\"" + shown + "\"" : shown;
      lines.set(line - 1, replaceValue(lines.get(line - 1), rendered));
    }
  }

  static String replaceValue(String line, String value) {
    Matcher m = YAML_LINE.matcher(line);
    if (!m.matches()) {
      return line;
    }
    String comment = m.group(3) == null ? "" : m.group(3);
    // keep the comment where it was: pad the new value to the old value's width
    String old = m.group(2);
    String padded = value.length() < old.length() && !comment.isEmpty() ? value + " ".repeat(old.length() - value.length()) : value;
    return m.group(1) + padded + comment;
  }

  /** A key the values file does not set: under its parent's line when the parent exists, else a new block at the end. */
  private static void appendKey(List<String> lines, String path, String value) {
    String[] keys = path.split("\\.");
    if (keys.length == 2) {
      for (int i = 0; i < lines.size(); i++) {
        if (lines.get(i).matches("^" + Pattern.quote(keys[0]) + "\\s*:\\s*(#.*)?$")) {
          lines.add(i + 1, "  " + keys[1] + ": " + value);
          return;
        }
      }
    }
    StringBuilder indent = new StringBuilder();
    for (int i = 0; i < keys.length; i++) {
      lines.add(indent + keys[i] + ":" + (i == keys.length - 1 ? " " + value : ""));
      indent.append("  ");
    }
  }

  /** --apply never overwrites: the target must be absent or an empty directory. */
  public static void requireEmpty(Path outDir) {
    if (!Files.exists(outDir)) {
      return;
    }
    try (var list = Files.list(outDir)) {
      if (list.findAny().isPresent()) {
        throw new InputException(SourceRef.file(outDir.toString()), outDir + " exists and is not empty; --apply writes a new copy");
      }
    } catch (IOException e) {
      throw new InputException(SourceRef.file(outDir.toString()), outDir + " is not a directory podpath can write: " + e.getMessage());
    }
  }

  private static List<String> lines(String text) {
    return new ArrayList<>(Arrays.asList(text.split("\n", -1)));
  }

  private static String read(Snapshot s, String file) {
    try {
      return Files.readString(s.root().resolve(file));
    } catch (IOException e) {
      throw new InputException(SourceRef.file(file), "cannot read " + file + ": " + e.getMessage());
    }
  }

  /** Writes a patched copy of the snapshot to {@code outDir} (which must be absent or empty); the snapshot itself is never touched. */
  public static void writeCopy(Snapshot s, Patch p, Path outDir) {
    requireEmpty(outDir);
    try {
      Path root = s.root();
      try (var walk = Files.walk(root)) {
        for (Path src : walk.toList()) {
          Path dst = outDir.resolve(root.relativize(src).toString());
          if (Files.isDirectory(src)) {
            Files.createDirectories(dst);
          } else {
            Files.copy(src, dst);
          }
        }
      }
      for (Map.Entry<String, String> f : p.files().entrySet()) {
        Files.writeString(outDir.resolve(f.getKey()), f.getValue());
      }
    } catch (IOException e) {
      throw new InputException(SourceRef.file(outDir.toString()), "cannot write " + outDir + ": " + e.getMessage());
    }
  }
}
