package dev.podpath.controlplane.bird;

import dev.podpath.core.net.IpAddr;
import dev.podpath.model.routing.AsPath;
import dev.podpath.model.routing.BgpAttributes;
import dev.podpath.model.routing.Origin;
import java.util.List;
import java.util.Map;

/**
 * BIRD's route selection as a total order (best first), with the reason the loser lost.
 * nest/rt-table.c rte_better: higher preference first; equal preference between different
 * protocol types is decided arbitrarily by BIRD (protocol class address), podpath keeps the
 * protocol declared first and says so. Same type BGP: proto/bgp/attrs.c bgp_rte_better.
 * Kernel/direct have no rte_better hook: the existing route stays (podpath: declaration order).
 */
final class BestPath {

  // proto/bgp/bgp.c: default bgp_local_pref 100, default bgp_med 0; nest/route.h IGP_METRIC_UNKNOWN
  static final long DEFAULT_LOCAL_PREF = 100;
  static final long IGP_METRIC_UNKNOWN = 0x80000000L;
  static final int AS_PATH_MAXLEN = 10000;

  private final Map<String, Integer> protocolOrder;
  private final Map<String, Long> defaultMed;

  BestPath(Map<String, Integer> protocolOrder) {
    this(protocolOrder, Map.of());
  }

  /** @param defaultMed `default bgp_med` per BGP protocol (absent = 0) */
  BestPath(Map<String, Integer> protocolOrder, Map<String, Long> defaultMed) {
    this.protocolOrder = protocolOrder;
    this.defaultMed = defaultMed;
  }

  /** Which of two routes wins and why; {@code firstWins} false means the second wins. */
  record Decision(boolean firstWins, String why) {}

  /** Deterministic order used when the rules do not decide: declaration order, then peer address. */
  int order(BirdRoute a, BirdRoute b) {
    int c = Integer.compare(protocolOrder.getOrDefault(a.protocol(), 0), protocolOrder.getOrDefault(b.protocol(), 0));
    if (c != 0) {
      return c;
    }
    IpAddr pa = a.session() == null ? null : a.session().peerAddress();
    IpAddr pb = b.session() == null ? null : b.session().peerAddress();
    if (pa != null && pb != null) {
      return pa.compareTo(pb);
    }
    return 0;
  }

  /**
   * Picks the best usable route like BIRD's incremental selection: candidates in deterministic
   * order, each replacing the current best only if strictly better (rte_recalculate keeps the
   * old best on ties). Returns the list best first, the others in that order.
   */
  List<BirdRoute> select(List<BirdRoute> candidates) {
    List<BirdRoute> ordered = candidates.stream().sorted(this::order).toList();
    BirdRoute best = null;
    for (BirdRoute r : ordered) {
      if (best == null) {
        best = r;
        continue;
      }
      Decision d = decide(r, best);
      if (d != null && d.firstWins()) {
        best = r;
      }
    }
    java.util.ArrayList<BirdRoute> out = new java.util.ArrayList<>();
    if (best != null) {
      out.add(best);
    }
    for (BirdRoute r : ordered) {
      if (r != best) {
        out.add(r);
      }
    }
    return out;
  }

  /** Why {@code loser} is not the best compared with {@code best}. */
  String whyLost(BirdRoute loser, BirdRoute best) {
    Decision d = decide(best, loser);
    if (d == null) {
      if (best.preference() == loser.preference() && best.source() != loser.source()) {
        return "equal preference " + best.preference() + " with a route of another protocol type (" + best.protocol()
            + "): BIRD's choice is arbitrary (nest/rt-table.c rte_better), podpath keeps the protocol declared first";
      }
      return "not better than the best route from " + best.protocol() + " (BIRD keeps the route it selected first)";
    }
    return "lost to " + best.protocol() + ": " + d.why();
  }

  /** Why the better of the two wins, or null when the rules do not distinguish them. */
  Decision decide(BirdRoute a, BirdRoute b) {
    if (a.preference() != b.preference()) {
      return new Decision(a.preference() > b.preference(), "preference " + Math.max(a.preference(), b.preference()) + " over " + Math.min(a.preference(), b.preference())
          + " (nest/rt-table.c rte_better)");
    }
    if (a.isBgp() != b.isBgp() || a.source() != b.source()) {
      return null;
    }
    if (!a.isBgp()) {
      return null;
    }
    // proto/bgp/attrs.c bgp_rte_better, in its order
    boolean ra = a.dest() != BirdRoute.Dest.UNREACHABLE;
    boolean rb = b.dest() != BirdRoute.Dest.UNREACHABLE;
    if (ra != rb) {
      return new Decision(ra, "resolvable next hop over unresolvable (RFC 4271 9.1.2.1)");
    }
    BgpAttributes x = a.bgp();
    BgpAttributes y = b.bgp();
    long lpa = x.localPref() == null ? DEFAULT_LOCAL_PREF : x.localPref();
    long lpb = y.localPref() == null ? DEFAULT_LOCAL_PREF : y.localPref();
    if (lpa != lpb) {
      return new Decision(lpa > lpb, "higher local preference (" + Math.max(lpa, lpb) + " over " + Math.min(lpa, lpb) + ")");
    }
    int la = x.asPath() == null ? AS_PATH_MAXLEN : x.asPath().length();
    int lb = y.asPath() == null ? AS_PATH_MAXLEN : y.asPath().length();
    if (la != lb) {
      return new Decision(la < lb, "shorter AS path (" + Math.min(la, lb) + " over " + Math.max(la, lb) + ")");
    }
    Origin oa = x.origin() == null ? Origin.INCOMPLETE : x.origin();
    Origin ob = y.origin() == null ? Origin.INCOMPLETE : y.origin();
    if (oa != ob) {
      return new Decision(oa.compareTo(ob) < 0, "lower origin (" + (oa.compareTo(ob) < 0 ? oa : ob) + " over " + (oa.compareTo(ob) < 0 ? ob : oa) + ")");
    }
    // MED only between routes from the same neighbour AS (med metric off by default)
    if (neighborAs(a) == neighborAs(b)) {
      long ma = x.med() == null ? defaultMed.getOrDefault(a.protocol(), 0L) : x.med();
      long mb = y.med() == null ? defaultMed.getOrDefault(b.protocol(), 0L) : y.med();
      if (ma != mb) {
        return new Decision(ma < mb, "lower MED (" + Math.min(ma, mb) + " over " + Math.max(ma, mb) + ")");
      }
    }
    boolean ia = a.session() != null && a.session().ibgp();
    boolean ib = b.session() != null && b.session().ibgp();
    if (ia != ib) {
      return new Decision(!ia, "eBGP over iBGP");
    }
    long ga = a.igpMetric() == null ? IGP_METRIC_UNKNOWN : a.igpMetric();
    long gb = b.igpMetric() == null ? IGP_METRIC_UNKNOWN : b.igpMetric();
    if (ga != gb) {
      return new Decision(ga < gb, "lower IGP metric to the next hop");
    }
    IpAddr ida = x.originatorId() != null ? x.originatorId() : a.session() == null ? null : a.session().peerRouterId();
    IpAddr idb = y.originatorId() != null ? y.originatorId() : b.session() == null ? null : b.session().peerRouterId();
    if (ida != null && idb != null && !ida.equals(idb)) {
      return new Decision(ida.compareTo(idb) < 0, "lower router id (" + (ida.compareTo(idb) < 0 ? ida : idb) + ")");
    }
    int ca = x.clusterList().size();
    int cb = y.clusterList().size();
    if (ca != cb) {
      return new Decision(ca < cb, "shorter cluster list");
    }
    IpAddr pa = a.session() == null ? null : a.session().peerAddress();
    IpAddr pb = b.session() == null ? null : b.session().peerAddress();
    if (pa != null && pb != null && !pa.equals(pb)) {
      return new Decision(pa.compareTo(pb) < 0, "lower peer address (" + (pa.compareTo(pb) < 0 ? pa : pb) + ")");
    }
    return null;
  }

  /** attrs.c bgp_get_neighbor: the first AS of the path, or our own AS for an empty path. */
  private static long neighborAs(BirdRoute r) {
    AsPath p = r.bgp().asPath();
    return p == null || p.length() == 0 ? -1 : p.first();
  }

  /**
   * proto/bgp/attrs.c bgp_rte_mergable: routes that `merge paths` may combine into one ECMP
   * kernel route (same preference, both BGP, equal local-pref, path length, origin, MED, eBGP/iBGP,
   * IGP metric).
   */
  boolean mergeable(BirdRoute best, BirdRoute r) {
    if (best.preference() != r.preference() || !best.isBgp() || !r.isBgp() || r.dest() != BirdRoute.Dest.UNICAST) {
      return false;
    }
    BgpAttributes x = best.bgp();
    BgpAttributes y = r.bgp();
    long lpa = x.localPref() == null ? DEFAULT_LOCAL_PREF : x.localPref();
    long lpb = y.localPref() == null ? DEFAULT_LOCAL_PREF : y.localPref();
    boolean ia = best.session() != null && best.session().ibgp();
    boolean ib = r.session() != null && r.session().ibgp();
    return lpa == lpb
        && x.asPath().length() == y.asPath().length()
        && x.origin() == y.origin()
        && java.util.Objects.equals(x.med(), y.med())
        && ia == ib
        && java.util.Objects.equals(best.igpMetric(), r.igpMetric());
  }

}
