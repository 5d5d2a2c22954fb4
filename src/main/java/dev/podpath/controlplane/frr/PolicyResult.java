package dev.podpath.controlplane.frr;

import dev.podpath.core.SourceRef;

/** The outcome of a filter or route-map: the (possibly rewritten) route, or why it was denied. */
record PolicyResult(boolean permit, FrrRoute route, String reason, SourceRef where) {

  static PolicyResult permit(FrrRoute r) {
    return new PolicyResult(true, r, "", SourceRef.NONE);
  }

  static PolicyResult deny(FrrRoute r, String reason, SourceRef where) {
    return new PolicyResult(false, r, reason, where);
  }
}
