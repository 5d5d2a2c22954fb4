package dev.podpath.analysis.intent;

import dev.podpath.core.SourceRef;

/**
 * A setting a fix must not change, by path: {@code cilium.<Helm values path>} (e.g.
 * {@code cilium.socketLB.hostNamespaceOnly}), {@code bird.<host>.<...>} or {@code frr.<host>.<...>}.
 */
public record KeepSetting(String key, SourceRef where) {

  /** The tool the key belongs to: cilium, bird or frr. */
  public String tool() {
    return key.substring(0, key.indexOf('.'));
  }

  /** The key without its tool prefix (for cilium: the Helm values path). */
  public String path() {
    return key.substring(key.indexOf('.') + 1);
  }
}
