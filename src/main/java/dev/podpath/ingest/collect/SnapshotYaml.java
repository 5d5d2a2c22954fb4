package dev.podpath.ingest.collect;

import java.util.Optional;

/** The snapshot.yaml `podpath snapshot` writes: name, Cilium version when known, and where it came from. */
final class SnapshotYaml {

  private SnapshotYaml() {}

  static String of(String name, Optional<String> ciliumVersion, String apiServer) {
    StringBuilder sb = new StringBuilder();
    sb.append("name: ").append(quoted(name)).append('\n');
    ciliumVersion.ifPresent(v -> sb.append("ciliumVersion: ").append(quoted(v)).append('\n'));
    sb.append("notes: >-\n  Collected by podpath snapshot from ").append(apiServer.replace("\n", " "))
        .append(". The hosts/ folder (host.yaml, bird.conf, frr.conf) and talos/ come from the hosts, not the API.\n");
    return sb.toString();
  }

  /** A double-quoted YAML scalar, so a name like `1.18` or `yes` stays a string. */
  static String quoted(String s) {
    return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }
}
