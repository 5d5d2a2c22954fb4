package dev.podpath.analysis.whatif;

import java.util.Objects;

/**
 * Sets one Helm value of the cilium chart: {@code path} is the dotted Helm path without the
 * {@code cilium.} prefix (e.g. {@code socketLB.hostNamespaceOnly}); {@code value} is a YAML scalar
 * (Boolean, Long, Double, String, or null).
 */
public record CiliumValue(String path, Object value, String text) implements Edit {

  public CiliumValue {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(text, "text");
  }
}
