package dev.podpath.analysis.whatif;

import dev.podpath.core.Finding;
import dev.podpath.core.SourceRef;
import dev.podpath.ingest.Snapshot;
import dev.podpath.ingest.cilium.AgentFlag;
import dev.podpath.ingest.cilium.CiliumConfig;
import dev.podpath.ingest.cilium.CiliumConfigReader;
import dev.podpath.ingest.cilium.CiliumVersion;
import dev.podpath.ingest.cilium.FlagSource;
import dev.podpath.ingest.cilium.HelmValues;
import dev.podpath.ingest.yaml.YamlDocument;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Applies Cilium Helm value edits to a snapshot's documents, in memory.
 *
 * <p>The edited key gets a stand-in line past the end of the values file, one per edit, so every
 * reader keeps working on plain {@link YamlDocument}s while whatever cites that key (a rendered
 * flag, an unknown-key warning, an agent message) can be shown as the {@code --set} that wrote it.
 *
 * <p>When the snapshot also has the cilium-config ConfigMap (which wins per key), the edit is
 * modelled as {@code helm upgrade} would apply it: the chart renders the ConfigMap again, so every
 * key whose rendering the edit changes is replaced by the new rendering (the key is dropped from
 * the ConfigMap document and the Helm rendering supplies it). Keys the edit does not touch keep
 * their ConfigMap value, hand edits included.
 */
public final class ValuesEditor {

  /** Stand-in lines start this far past the last written line. */
  static final int STAND_IN_GAP = 100_000;

  private ValuesEditor() {}

  public static EditedSnapshot apply(Snapshot s, List<CiliumValue> edits) {
    CiliumVersion version = CiliumVersion.nearest(s.ciliumVersion(), SourceRef.file("snapshot.yaml"));
    List<Finding> notes = new ArrayList<>();
    List<YamlDocument> values = new ArrayList<>(s.ciliumValues());
    int index;
    YamlDocument target;
    String prefix;
    if (values.isEmpty()) {
      notes.add(Finding.info("whatif/no-values-file", "the snapshot has no " + CiliumConfigReader.VALUES_FILE
          + ": the edits start from empty Helm values (the chart's defaults)", SourceRef.NONE));
      target = new YamlDocument(CiliumConfigReader.VALUES_FILE, 1, new LinkedHashMap<String, Object>(), Map.of());
      values.add(target);
      index = 0;
      prefix = "";
    } else {
      HelmValues h = CiliumConfigReader.read(values, null, version).helm();
      index = indexOf(values, h.document());
      target = values.get(index);
      // a HelmRelease without spec.values reads as an empty stand-in document: edit the release itself
      prefix = "HelmRelease".equals(target.getString("kind")) ? "spec.values" : h.prefix();
    }
    int base = target.lines().values().stream().mapToInt(Integer::intValue).max().orElse(0) + STAND_IN_GAP;
    Map<SourceRef, SourceRef> origins = new HashMap<>();
    YamlDocument edited = target;
    for (int i = 0; i < edits.size(); i++) {
      CiliumValue e = edits.get(i);
      SourceRef standIn = SourceRef.of(target.file(), base + i);
      origins.put(standIn, e.origin());
      String full = prefix.isEmpty() ? e.path() : prefix + "." + e.path();
      if (edited.has(full)) {
        notes.add(Finding.info("whatif/value-replaced", e.text() + " replaces " + show(edited.get(full)) + " written at "
            + edited.refOf(full), e.origin()));
      }
      edited = set(edited, full, e.value(), base + i);
    }
    values.set(index, edited);

    List<YamlDocument> configMap = s.ciliumConfigMap();
    if (!configMap.isEmpty()) {
      CiliumConfig renderedBefore = CiliumConfigReader.read(s.ciliumValues(), null, version);
      CiliumConfig renderedAfter = CiliumConfigReader.read(values, null, version);
      configMap = rerender(configMap, renderedBefore, renderedAfter, origins, notes);
    }
    Snapshot out = new Snapshot(s.root(), s.name(), s.ciliumVersion(), s.notes(), values, configMap, s.kubernetes(),
        s.talos(), s.hosts(), s.hostFolders(), s.daemonConfigs(), s.intents(), s.findings(), s.birdVersion());
    return new EditedSnapshot(out, origins, notes);
  }

  /** Drops the ConfigMap keys whose rendering the edits change; the new rendering supplies them. */
  private static List<YamlDocument> rerender(List<YamlDocument> docs, CiliumConfig before, CiliumConfig after,
      Map<SourceRef, SourceRef> origins, List<Finding> notes) {
    List<YamlDocument> out = new ArrayList<>();
    for (YamlDocument d : docs) {
      if (!(d.get("data") instanceof Map<?, ?> data)) {
        out.add(d);
        continue;
      }
      Map<String, Object> newData = new LinkedHashMap<>();
      data.forEach((k, v) -> newData.put(String.valueOf(k), v));
      for (AgentFlag f : AgentFlag.values()) {
        FlagSource src = after.flag(f).source();
        boolean fromEdit = src instanceof FlagSource.HelmValue hv && origins.containsKey(hv.where());
        boolean changed = !Objects.equals(before.flag(f).value(), after.flag(f).value());
        if ((fromEdit || changed) && newData.containsKey(f.key())) {
          Object old = newData.remove(f.key());
          SourceRef by = fromEdit ? origins.get(src.where()) : SourceRef.NONE;
          notes.add(Finding.info("whatif/configmap-rerendered", "cilium-config key " + f.key() + " (" + show(old) + " at "
              + d.refOf("data." + f.key()) + ") is rendered again from the edited values: " + show(after.flag(f).value())
              + " (helm upgrade rewrites the ConfigMap)", by));
        }
      }
      Map<String, Object> root = new LinkedHashMap<>(d.rootMap());
      root.put("data", newData);
      out.add(new YamlDocument(d.file(), d.startLine(), root, d.lines()));
    }
    return out;
  }

  /** The document with {@code path} set to {@code value}; new or replaced keys get {@code line}. */
  static YamlDocument set(YamlDocument d, String path, Object value, int line) {
    String[] keys = path.split("\\.");
    Map<String, Object> root = copy(d.rootMap());
    Map<String, Integer> lines = new HashMap<>(d.lines());
    Map<String, Object> cur = root;
    String at = "";
    for (int i = 0; i < keys.length - 1; i++) {
      at = at.isEmpty() ? keys[i] : at + "." + keys[i];
      Object next = cur.get(keys[i]);
      Map<String, Object> child;
      if (next instanceof Map<?, ?> m) {
        child = copy(m);
      } else {
        child = new LinkedHashMap<>();
        lines.put(at, line);
      }
      cur.put(keys[i], child);
      cur = child;
    }
    String leaf = path;
    cur.put(keys[keys.length - 1], value);
    String finalLeaf = leaf;
    lines.keySet().removeIf(k -> k.startsWith(finalLeaf + ".") || k.startsWith(finalLeaf + "["));
    lines.put(leaf, line);
    return new YamlDocument(d.file(), d.startLine(), root, lines);
  }

  private static Map<String, Object> copy(Map<?, ?> m) {
    Map<String, Object> out = new LinkedHashMap<>();
    m.forEach((k, v) -> out.put(String.valueOf(k), v));
    return out;
  }

  private static int indexOf(List<YamlDocument> docs, YamlDocument d) {
    for (int i = 0; i < docs.size(); i++) {
      if (docs.get(i) == d) {
        return i;
      }
    }
    for (int i = 0; i < docs.size(); i++) {
      if (docs.get(i).file().equals(d.file()) && docs.get(i).startLine() == d.startLine()) {
        return i;
      }
    }
    return 0;
  }

  private static String show(Object v) {
    return v == null ? "null" : v instanceof String str ? "\"" + str + "\"" : String.valueOf(v);
  }
}
