package dev.podpath.controlplane.frr;

import dev.podpath.ingest.frr.FrrBgpRouter;
import dev.podpath.ingest.frr.FrrVersion;

/** The FRR version whose rules the daemon applies (the reading daemon, not the config's line). */
record FrrDaemonVersion(FrrVersion daemon) {

  // frr-9.1 bgp_vty.c FRR_CFG_DEFAULT_BOOL(BGP_ENFORCE_FIRST_AS): on for configs >= 9.1
  boolean enforceFirstAs(FrrBgpRouter r) {
    return r.defaults().enforceFirstAs(daemon);
  }
}
