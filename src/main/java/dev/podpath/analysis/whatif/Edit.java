package dev.podpath.analysis.whatif;

import dev.podpath.core.SourceRef;

/**
 * One change a what-if applies to a snapshot's configuration, in memory (no file is written).
 * Cilium Helm values, line ranges of a host's bird.conf or frr.conf and of the Cilium BGP resources'
 * YAML, static routes in host.yaml.
 */
public sealed interface Edit permits CiliumValue, BirdConfigEdit, FrrConfigEdit, HostRouteEdit, KubeYamlEdit {

  /** The edit as the user wrote it, e.g. {@code cilium.bpf.masquerade=true}. */
  String text();

  /** Where findings about the edited setting point: the {@code --set} that wrote it. */
  default SourceRef origin() {
    return SourceRef.file("--set " + text());
  }
}
