package dev.podpath.ingest.cilium;

import dev.podpath.core.Finding;
import dev.podpath.core.InputException;
import dev.podpath.core.SourceRef;
import dev.podpath.ingest.yaml.YamlDocument;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Finds the Helm values in a values file: a plain values map, or the spec.values of a Flux
 * HelmRelease (GitOps repositories keep them there; other documents in the file are ignored).
 */
final class HelmValuesSelection {

  private HelmValuesSelection() {}

  static HelmValues select(List<YamlDocument> docs, String file, List<Finding> findings) {
    if (docs.isEmpty()) {
      return HelmValues.empty(file);
    }
    List<YamlDocument> releases = new ArrayList<>();
    List<YamlDocument> plain = new ArrayList<>();
    for (YamlDocument d : docs) {
      if (!(d.root() instanceof Map<?, ?>)) {
        throw new InputException(d.ref(), "Helm values must be a YAML map");
      }
      if ("HelmRelease".equals(d.getString("kind"))) {
        releases.add(d);
      } else if (!(d.get("apiVersion") != null && d.get("kind") != null)) {
        plain.add(d);
      }
    }
    if (!releases.isEmpty()) {
      return fromRelease(pick(releases), findings);
    }
    if (plain.size() > 1) {
      throw new InputException(plain.get(1).ref(), "several YAML documents of Helm values; expected one");
    }
    if (plain.isEmpty()) {
      throw new InputException(docs.get(0).ref(), "no Helm values: expected a values map or a Flux HelmRelease");
    }
    return new HelmValues(plain.get(0), "");
  }

  private static YamlDocument pick(List<YamlDocument> releases) {
    for (YamlDocument r : releases) {
      if ("cilium".equals(r.getString("spec.chart.spec.chart")) || "cilium".equals(r.getString("metadata.name"))) {
        return r;
      }
    }
    return releases.get(0);
  }

  private static HelmValues fromRelease(YamlDocument release, List<Finding> findings) {
    Object values = release.get("spec.values");
    if (values != null && !(values instanceof Map<?, ?>)) {
      throw new InputException(release.refOf("spec.values"), "spec.values must be a map of Helm values");
    }
    if (release.get("spec.valuesFrom") != null) {
      findings.add(Finding.info("cilium/helm-values-from",
          "the HelmRelease also takes values from spec.valuesFrom, which podpath does not read; "
              + "only spec.values is modelled", release.refOf("spec.valuesFrom")));
    }
    if (values == null) {
      return new HelmValues(new YamlDocument(release.file(), release.startLine(), Map.of(), Map.of()), "");
    }
    return new HelmValues(release, "spec.values");
  }

}
