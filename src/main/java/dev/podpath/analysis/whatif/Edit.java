package dev.podpath.analysis.whatif;

import dev.podpath.core.SourceRef;

/**
 * One change a what-if applies to a snapshot's configuration, in memory (no file is written).
 * Only Cilium Helm values for now; BIRD and FRR edits become further cases.
 */
public sealed interface Edit permits CiliumValue {

  /** The edit as the user wrote it, e.g. {@code cilium.bpf.masquerade=true}. */
  String text();

  /** Where findings about the edited setting point: the {@code --set} that wrote it. */
  default SourceRef origin() {
    return SourceRef.file("--set " + text());
  }
}
