package dev.podpath.lab.generate;

import dev.podpath.core.net.IpAddr;
import dev.podpath.core.net.IpPrefix;

/** A prefix a speaker originates, and how its config does it. {@code via} only for BIRD_VIA. */
record Origination(IpPrefix prefix, Kind kind, IpAddr via) {

  enum Kind {
    /** bird {@code route P blackhole} in a static protocol. */
    BIRD_BLACKHOLE,
    /** bird {@code route P unreachable}. */
    BIRD_UNREACHABLE,
    /** bird {@code route P via GW} (GW a directly connected neighbor). */
    BIRD_VIA,
    /** FRR {@code network P} backed by a staticd blackhole route (import check satisfied). */
    FRR_NETWORK_STATIC,
    /** FRR {@code network P} with {@code no bgp network import-check}. */
    FRR_NETWORK_NO_CHECK,
    /** FRR staticd blackhole route plus {@code redistribute static}. */
    FRR_REDISTRIBUTE,
    /** FRR {@code network P} with import check on and nothing behind it. */
    FRR_NETWORK_UNBACKED
  }
}
