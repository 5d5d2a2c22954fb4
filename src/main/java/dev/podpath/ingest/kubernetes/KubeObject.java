package dev.podpath.ingest.kubernetes;

import dev.podpath.ingest.yaml.YamlDocument;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.Map;

/** A built-in Kubernetes object (fabric8 model) with the document it was read from. */
public record KubeObject<T extends HasMetadata>(T object, YamlDocument doc) implements Located {

  public String name() {
    return object.getMetadata() == null ? null : object.getMetadata().getName();
  }

  /** The namespace as written; namespaced kinds without one are in "default" (kubectl apply). */
  public String namespace() {
    String ns = object.getMetadata() == null ? null : object.getMetadata().getNamespace();
    return ns == null || ns.isEmpty() ? "default" : ns;
  }

  public Map<String, String> labels() {
    Map<String, String> l = object.getMetadata() == null ? null : object.getMetadata().getLabels();
    return l == null ? Map.of() : l;
  }
}
