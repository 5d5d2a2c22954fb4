package dev.podpath.lab;

/**
 * One item on which the real daemons and podpath's simulation disagree, on one host.
 *
 * @param item what was compared, e.g. "session bird r3_v6 (fd00:0:1::1)", "fib main fd00:a:1::/48 bgp",
 *     "rib frr default fd00:a:3::/48"
 * @param simulated what podpath computed ("absent" when it has no such item)
 * @param real what the real daemons did ("absent" when they have no such item)
 */
public record LabDifference(String host, Kind kind, String item, String simulated, String real) {

  /** The closed set of ways two sides can differ. */
  public enum Kind {
    /** The run did not settle within the convergence timeout: everything else may be transient. */
    NOT_CONVERGED,
    SESSION_STATE,
    SESSION_MISSING,
    SESSION_EXTRA,
    /** A kernel route the simulation predicts but the real host does not have. */
    ROUTE_MISSING,
    /** A kernel route the real host has but the simulation does not predict. */
    ROUTE_EXTRA,
    ROUTE_TYPE,
    ROUTE_NEXT_HOP,
    ROUTE_METRIC,
    /** A best route in a daemon's RIB the simulation predicts but the real daemon does not have. */
    RIB_MISSING,
    RIB_EXTRA,
    RIB_NEXT_HOP,
    RIB_AS_PATH,
    /** BIRD's destination kind: unicast, unreachable, blackhole. */
    RIB_KIND;

    public String word() {
      return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
  }

  public static final String ABSENT = "absent";
}
