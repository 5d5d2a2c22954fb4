package dev.podpath.ingest.kubernetes;

import dev.podpath.core.SourceRef;
import dev.podpath.ingest.yaml.YamlDocument;

/** An object read from one YAML document, able to point at the line of any of its fields. */
public interface Located {

  YamlDocument doc();

  /** The line of a field, e.g. {@code refOf("spec.bgpInstances[0].peers[0].peerAddress")}. */
  default SourceRef refOf(String path) {
    return doc().refOf(path);
  }

  /** Where the object starts. */
  default SourceRef where() {
    return doc().ref();
  }
}
