package dev.podpath.analysis.intent;

import dev.podpath.core.SourceRef;

/**
 * A setting a fix must not change, by path: {@code cilium.<Helm values path>} (e.g.
 * {@code cilium.socketLB.hostNamespaceOnly}), {@code bird.<host>.<...>}, {@code frr.<host>.<...>} (e.g. {@code frr.r1.ebgp-requires-policy})
 * or {@code host.<host>} (static routes in its host.yaml).
 */
public record KeepSetting(String key, SourceRef where) {

  /** The tool the key belongs to: cilium, bird, frr or host. */
  public String tool() {
    return key.substring(0, key.indexOf('.'));
  }

  /** The key without its tool prefix (for cilium: the Helm values path). */
  public String path() {
    return key.substring(key.indexOf('.') + 1);
  }
}
