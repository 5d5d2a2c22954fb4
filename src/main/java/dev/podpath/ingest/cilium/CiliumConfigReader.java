package dev.podpath.ingest.cilium;

import dev.podpath.core.Finding;
import dev.podpath.core.InputException;
import dev.podpath.core.SourceRef;
import dev.podpath.ingest.cilium.FlagSource.AgentDefault;
import dev.podpath.ingest.yaml.YamlDocument;
import dev.podpath.ingest.yaml.YamlReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Entry point: {@code SNAPSHOT/cilium/values.yaml} (Helm values, or a Flux HelmRelease whose
 * spec.values is used) and {@code SNAPSHOT/cilium/cilium-config.yaml} (wins per key) become one
 * {@link CiliumConfig}. Bad input is an {@link InputException} with file:line.
 */
public final class CiliumConfigReader {

  public static final String VALUES_FILE = "cilium/values.yaml";
  public static final String CONFIGMAP_FILE = "cilium/cilium-config.yaml";

  private CiliumConfigReader() {}

  /** Reads whichever of the two files exist under the snapshot root. */
  public static CiliumConfig read(Path snapshotRoot, CiliumVersion version) {
    List<YamlDocument> values = readIfPresent(snapshotRoot, VALUES_FILE);
    List<YamlDocument> configMap = readIfPresent(snapshotRoot, CONFIGMAP_FILE);
    CiliumConfig config = read(values, configMap, version);
    if (values == null && configMap == null) {
      List<Finding> findings = new ArrayList<>(config.findings());
      findings.add(Finding.warning("cilium/no-config",
          "neither " + VALUES_FILE + " nor " + CONFIGMAP_FILE + " is in the snapshot: podpath assumes the agent "
              + version + " defaults, which may not be what runs", SourceRef.NONE));
      return new CiliumConfig(config.version(), config.flags(), config.helm(), config.helmGiven(), findings);
    }
    return config;
  }

  /**
   * The same from already-read documents (e.g. the snapshot loader's); either list may be null or
   * empty when that input is absent. The ConfigMap documents may also come from kubernetes/ (a
   * cilium-config found among the manifests). Findings and sources name the files the documents
   * carry.
   */
  public static CiliumConfig read(List<YamlDocument> valuesDocs, List<YamlDocument> configMapDocs, CiliumVersion version) {
    List<Finding> findings = new ArrayList<>();
    Map<AgentFlag, FlagValue> flags = new EnumMap<>(AgentFlag.class);
    for (AgentFlag f : AgentFlag.values()) {
      flags.put(f, new FlagValue(f, f.agentDefault(version), new AgentDefault(version)));
    }
    HelmValues helm = HelmValues.empty(VALUES_FILE);
    boolean helmGiven = valuesDocs != null && !valuesDocs.isEmpty();
    if (helmGiven) {
      helm = HelmValuesSelection.select(valuesDocs, fileOf(valuesDocs, VALUES_FILE), findings);
      findings.addAll(HelmKeyCatalog.check(helm));
      flags.putAll(ChartRendering.render(helm, version));
    }
    if (configMapDocs != null && !configMapDocs.isEmpty()) {
      flags.putAll(ConfigMapFlags.read(configMapDocs, fileOf(configMapDocs, CONFIGMAP_FILE)));
    }
    return new CiliumConfig(version, flags, helm, helmGiven, findings);
  }

  private static String fileOf(List<YamlDocument> docs, String fallback) {
    return docs.isEmpty() ? fallback : docs.get(0).file();
  }

  private static List<YamlDocument> readIfPresent(Path root, String relative) {
    Path p = root.resolve(relative);
    if (!Files.exists(p)) {
      return null;
    }
    if (!Files.isRegularFile(p)) {
      throw new InputException(SourceRef.file(relative), "not a regular file");
    }
    return YamlReader.readFile(p, relative);
  }
}
