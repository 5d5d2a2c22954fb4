package dev.podpath.lab;

import java.util.List;

/**
 * The lab cannot run on this machine (not Linux, not root, a daemon or tool missing, a kernel
 * feature missing). The CLI prints each reason on its own line and exits 2; it is not a bug.
 */
public final class LabUnavailableException extends RuntimeException {

  private final List<String> reasons;

  public LabUnavailableException(List<String> reasons) {
    super(reasons.isEmpty() ? "lab unavailable" : "lab unavailable: " + String.join("; ", reasons));
    if (reasons.isEmpty()) {
      throw new IllegalArgumentException("a LabUnavailableException needs at least one reason");
    }
    this.reasons = List.copyOf(reasons);
  }

  public LabUnavailableException(String reason) {
    this(List.of(reason));
  }

  public List<String> reasons() {
    return reasons;
  }
}
