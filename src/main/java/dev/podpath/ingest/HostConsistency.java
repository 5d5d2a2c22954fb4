package dev.podpath.ingest;

import dev.podpath.core.Finding;
import dev.podpath.core.SourceRef;
import dev.podpath.ingest.host.HostSpec;
import dev.podpath.ingest.kubernetes.KubeObject;
import dev.podpath.ingest.kubernetes.KubernetesObjects;
import io.fabric8.kubernetes.api.model.Node;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Missing pieces between Nodes, host folders and daemon configs. A missing piece is a finding,
 * never a silent default (docs/design.md "Snapshot format"): without host.yaml a host's routes
 * are unknown and every verdict through it says so.
 */
final class HostConsistency {

  private HostConsistency() {}

  static void check(KubernetesObjects k, Map<String, HostSpec> hosts, Set<String> folders,
      List<DaemonConfigFile> daemons, List<Finding> findings) {
    for (KubeObject<Node> n : k.nodes()) {
      if (!folders.contains(n.name())) {
        findings.add(Finding.warning("input/missing-host", "no host folder for node " + n.name()
            + " (hosts/" + n.name() + "/host.yaml): its interfaces and routes are unknown", n.where()).onHost(n.name()));
      }
    }
    Set<String> withoutHostYaml = new TreeSet<>();
    folders.stream().filter(f -> !hosts.containsKey(f)).forEach(withoutHostYaml::add);
    daemons.stream().map(DaemonConfigFile::host).filter(h -> !hosts.containsKey(h)).forEach(withoutHostYaml::add);
    for (String h : withoutHostYaml) {
      String what = k.node(h).isPresent() ? "node" : "host";
      SourceRef where = folders.contains(h) ? SourceRef.file("hosts/" + h)
          : daemons.stream().filter(d -> d.host().equals(h)).findFirst().map(DaemonConfigFile::origin).orElse(SourceRef.NONE);
      findings.add(Finding.warning("input/missing-host-yaml", "no host.yaml for " + what + " " + h
          + ": its routes are unknown", where).onHost(h));
    }
  }
}
