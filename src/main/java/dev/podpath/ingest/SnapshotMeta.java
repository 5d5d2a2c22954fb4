package dev.podpath.ingest;

import dev.podpath.core.Finding;
import dev.podpath.core.InputProblem;
import dev.podpath.ingest.yaml.YamlDocument;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** snapshot.yaml: name (default: the folder name), ciliumVersion (default 1.18), notes. */
record SnapshotMeta(String name, String ciliumVersion, String notes, String birdVersion) {

  private static final Set<String> KEYS = Set.of("name", "ciliumVersion", "notes", "birdVersion");
  private static final Pattern VERSION = Pattern.compile("v?(\\d+)\\.(\\d+)(\\.\\d+)?");
  /** Cilium minor versions podpath has rules for (docs/design.md "Fidelity rules" 4). */
  private static final Set<String> SUPPORTED = Set.of("1.16", "1.17", "1.18");

  static SnapshotMeta read(Path file, SnapshotFiles files, List<InputProblem> problems, List<Finding> findings,
      String folderName) {
    SnapshotMeta defaults = new SnapshotMeta(folderName, Snapshot.DEFAULT_CILIUM_VERSION, "", "");
    if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS) || Files.isDirectory(file)) {
      return defaults;
    }
    String text = files.text(file);
    List<YamlDocument> docs = text == null ? null : files.yaml(file, text);
    if (docs == null || docs.isEmpty()) {
      return defaults;
    }
    YamlDocument d = docs.get(0);
    if (docs.size() > 1 || !(d.root() instanceof java.util.Map<?, ?>)) {
      problems.add(new InputProblem(d.ref(), "snapshot.yaml must be one mapping (name, ciliumVersion, notes)"));
      return defaults;
    }
    DocFields f = new DocFields(d, problems);
    for (String k : f.unknownKeys("", KEYS)) {
      findings.add(Finding.info("input/unknown-key", "snapshot.yaml key '" + k + "' is not read", f.ref(k)));
    }
    String name = f.string("name");
    String notes = f.string("notes");
    String version = Snapshot.DEFAULT_CILIUM_VERSION;
    if (f.has("ciliumVersion")) {
      // YAML reads 1.20 as the number 1.2: take the version as written on its line instead
      String raw = rawScalar(text, d.lineOf("ciliumVersion"), "ciliumVersion");
      Matcher m = VERSION.matcher(raw == null ? "" : raw);
      if (!m.matches()) {
        f.problem("ciliumVersion", "ciliumVersion must look like 1.18 or 1.18.6, got '" + raw + "'");
      } else {
        version = raw.startsWith("v") ? raw.substring(1) : raw;
        String minor = m.group(1) + "." + m.group(2);
        if (!SUPPORTED.contains(minor)) {
          findings.add(Finding.warning("input/unsupported-cilium-version", "Cilium " + version + " is outside the"
              + " versions podpath models (1.16-1.18); the nearest rules are used", f.ref("ciliumVersion")));
        }
      }
    }
    String bird = "";
    if (f.has("birdVersion")) {
      // like ciliumVersion: 2.10 would be read as the number 2.1
      String raw = rawScalar(text, d.lineOf("birdVersion"), "birdVersion");
      if (raw == null || !raw.matches("v?2\\.\\d+(\\.\\d+)?")) {
        f.problem("birdVersion", "birdVersion must look like 2.0.12 or 2.17, got '" + raw + "'");
      } else {
        bird = raw;
      }
    }
    return new SnapshotMeta(name == null ? folderName : name, version, notes == null ? "" : notes, bird);
  }

  private static String rawScalar(String text, int line, String key) {
    String[] lines = text.split("\\R", -1);
    if (line < 1 || line > lines.length) {
      return null;
    }
    Matcher m = Pattern.compile(Pattern.quote(key) + "\\s*:\\s*(['\"]?)([^'\"#\\s]*)\\1").matcher(lines[line - 1]);
    return m.find() ? m.group(2) : null;
  }
}
