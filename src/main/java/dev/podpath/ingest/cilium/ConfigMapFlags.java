package dev.podpath.ingest.cilium;

import dev.podpath.core.InputException;
import dev.podpath.core.SourceRef;
import dev.podpath.ingest.cilium.FlagSource.ConfigMapKey;
import dev.podpath.ingest.yaml.YamlDocument;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Reads {@code kubectl get cm -n kube-system cilium-config -o yaml}. Only the keys podpath models
 * are taken (a real cilium-config has well over a hundred keys that do not change routing).
 */
final class ConfigMapFlags {

  private ConfigMapFlags() {}

  static Map<AgentFlag, FlagValue> read(List<YamlDocument> docs, String file) {
    if (docs.isEmpty()) {
      throw new InputException(SourceRef.file(file), "empty file: expected the ConfigMap kube-system/cilium-config");
    }
    if (docs.size() > 1) {
      throw new InputException(docs.get(1).ref(), "expected one document (the ConfigMap kube-system/cilium-config), found " + docs.size());
    }
    YamlDocument doc = docs.get(0);
    if (!(doc.root() instanceof Map<?, ?>)) {
      throw new InputException(doc.ref(), "expected the ConfigMap kube-system/cilium-config, found no YAML map");
    }
    String kind = doc.getString("kind");
    if (!"ConfigMap".equals(kind)) {
      throw new InputException(doc.refOf("kind"), "expected kind ConfigMap (kube-system/cilium-config), found " + (kind == null ? "no kind" : "kind " + kind));
    }
    String name = doc.getString("metadata.name");
    if (!"cilium-config".equals(name)) {
      throw new InputException(doc.refOf("metadata.name"), "expected the ConfigMap named cilium-config, found " + (name == null ? "no name" : "'" + name + "'"));
    }
    String ns = doc.getString("metadata.namespace");
    // Only the dedicated file must be kube-system's; a cilium-config among kubernetes/ manifests in
    // another namespace is the snapshot loader's call (it warns and hands it over).
    if (ns != null && !ns.equals("kube-system") && file.equals(CiliumConfigReader.CONFIGMAP_FILE)) {
      throw new InputException(doc.refOf("metadata.namespace"), "expected cilium-config in namespace kube-system, found '" + ns + "'");
    }
    Object data = doc.get("data");
    Map<AgentFlag, FlagValue> out = new EnumMap<>(AgentFlag.class);
    if (data == null) {
      return out;
    }
    if (!(data instanceof Map<?, ?> m)) {
      throw new InputException(doc.refOf("data"), "data must be a map of strings");
    }
    for (Map.Entry<?, ?> e : m.entrySet()) {
      String key = String.valueOf(e.getKey());
      AgentFlag flag = AgentFlag.byKey(key);
      if (flag == null) {
        continue;
      }
      SourceRef where = doc.refOf("data." + key);
      Object value = FlagText.parse(flag, e.getValue(), where, key);
      out.put(flag, new FlagValue(flag, value, new ConfigMapKey(key, where)));
    }
    return out;
  }
}
