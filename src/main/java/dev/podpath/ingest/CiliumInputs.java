package dev.podpath.ingest;

import dev.podpath.core.InputProblem;
import dev.podpath.ingest.yaml.YamlDocument;
import java.util.ArrayList;
import java.util.List;

/**
 * The one check the loader makes on Cilium inputs (parsing them is dev.podpath.ingest.cilium's
 * job): cilium/cilium-config.yaml must be the output of
 * {@code kubectl get cm -n kube-system cilium-config -o yaml}, not some other object.
 */
final class CiliumInputs {

  private CiliumInputs() {}

  static void checkConfigMap(List<YamlDocument> docs, List<InputProblem> problems) {
    if (docs.size() > 1) {
      problems.add(new InputProblem(docs.get(1).ref(), "cilium/cilium-config.yaml must hold one document, the"
          + " ConfigMap kube-system/cilium-config"));
      return;
    }
    for (YamlDocument d : docs) {
      DocFields f = new DocFields(d, new ArrayList<>());
      String kind = f.string("kind");
      String name = f.string("metadata.name");
      String ns = f.string("metadata.namespace");
      // an absent namespace is accepted: hand-trimmed exports often drop it
      if (!"ConfigMap".equals(kind) || !"cilium-config".equals(name) || (ns != null && !"kube-system".equals(ns))) {
        String found = kind == null ? "a document without kind" : kind + " " + (ns == null ? "" : ns + "/") + name;
        problems.add(new InputProblem(d.refOf(kind == null ? "" : !"ConfigMap".equals(kind) ? "kind"
            : !"cilium-config".equals(name) ? "metadata.name" : "metadata.namespace"),
            "cilium/cilium-config.yaml must be the ConfigMap kube-system/cilium-config"
                + " (kubectl get cm -n kube-system cilium-config -o yaml), found " + found));
      }
    }
  }
}
