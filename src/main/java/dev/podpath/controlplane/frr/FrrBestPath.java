package dev.podpath.controlplane.frr;

import dev.podpath.core.net.IpAddr;
import dev.podpath.ingest.frr.FrrBgpRouter;
import dev.podpath.model.routing.BgpAttributes;
import java.util.Objects;

/**
 * bgpd's path comparison, F84 bgpd/bgp_route.c bgp_path_info_cmp, step by step (the numbers are
 * the source's comments). Step 12 ("prefer the older eBGP path": the one already SELECTED wins)
 * depends on arrival order, which an offline model does not have: podpath goes on to the
 * router-id (as with `bgp bestpath compare-routerid`), says so in the reason and marks the
 * decision {@link Decision#arrivalOrderTie()} so that consumers know the real daemon may keep
 * either path.
 */
final class FrrBestPath {

  /** Appended to the reason of a decision taken after step 12. */
  static final String ARRIVAL_ORDER_NOTE = " (real bgpd keeps the older eBGP path first, step 12; arrival order is not modelled)";

  private FrrBestPath() {}

  /**
   * The outcome: which path wins, the step that decided, whether they are multipath-equal, and
   * whether they tied down to step 12 (both eBGP, no `bgp bestpath compare-routerid`), where real
   * bgpd keeps whichever was selected first.
   */
  record Decision(boolean firstWins, String reason, boolean multipathEqual, boolean arrivalOrderTie) {}

  static long localPref(BgpAttributes a, FrrBgpRouter r) {
    return a.localPref() != null ? a.localPref() : r.defaultLocalPreference();
  }

  static Decision compare(Candidate a, Candidate b, FrrBgpRouter r) {
    BgpAttributes x = a.route().attributes();
    BgpAttributes y = b.route().attributes();
    // 1. weight
    if (a.route().weight() != b.route().weight()) {
      return d(a.route().weight() > b.route().weight(), "weight " + a.route().weight() + " vs " + b.route().weight());
    }
    // 2. local preference
    long lx = localPref(x, r);
    long ly = localPref(y, r);
    if (lx != ly) {
      return d(lx > ly, "local-pref " + lx + " vs " + ly);
    }
    // 3. local route (network, redistribute, aggregate) over learned
    if (a.local() != b.local()) {
      return d(a.local(), "locally originated route preferred");
    }
    // 4. AS path length (aspath_count_hops), unless `bgp bestpath as-path ignore`
    if (!r.asPathIgnore() && x.asPath().length() != y.asPath().length()) {
      return d(x.asPath().length() < y.asPath().length(), "AS path length " + x.asPath().length() + " vs " + y.asPath().length());
    }
    // 5. origin
    if (x.origin() != y.origin()) {
      return d(x.origin().ordinal() < y.origin().ordinal(), "origin " + x.origin() + " vs " + y.origin());
    }
    // 6. MED: same neighbouring AS, both without AS hops, or `bgp always-compare-med`
    boolean internal = x.asPath().length() == 0 && y.asPath().length() == 0;
    boolean sameLeft = x.asPath().length() > 0 && y.asPath().length() > 0 && x.asPath().first() == y.asPath().first();
    if (r.alwaysCompareMed() || internal || sameLeft) {
      long mx = med(x, r);
      long my = med(y, r);
      if (mx != my) {
        return d(mx < my, "MED " + mx + " vs " + my);
      }
    }
    // 7. eBGP over iBGP
    if (!a.local() && !b.local() && a.ebgp() != b.ebgp()) {
      return d(a.ebgp(), "eBGP path preferred over iBGP");
    }
    // 8. IGP metric to the next hop
    if (a.igpMetric() != b.igpMetric()) {
      return d(a.igpMetric() < b.igpMetric(), "IGP metric " + a.igpMetric() + " vs " + b.igpMetric());
    }
    // 11. multipath: equal so far; eBGP needs the same neighbour AS, iBGP the same AS path,
    // unless `bgp bestpath as-path multipath-relax`
    boolean eq = !a.local() && !b.local()
        && (r.asPathMultipathRelax()
            || (a.ebgp() && b.ebgp() && Objects.equals(a.session() == null ? null : a.session().remoteAs(), b.session() == null ? null : b.session().remoteAs()))
            || (!a.ebgp() && !b.ebgp() && x.asPath().equals(y.asPath())));
    // 12. both eBGP and no `bgp bestpath compare-routerid`: the path already selected wins
    boolean age = a.ebgp() && b.ebgp() && !r.compareRouterId();
    String step12 = age ? ARRIVAL_ORDER_NOTE : "";
    // 13. router id (ORIGINATOR_ID if reflected)
    IpAddr ix = routerId(a, r);
    IpAddr iy = routerId(b, r);
    if (ix != null && iy != null && !ix.equals(iy)) {
      return new Decision(ix.compareTo(iy) < 0, "router-id " + ix + " vs " + iy + step12, eq, age);
    }
    // 14. cluster list length
    if (x.clusterList().size() != y.clusterList().size()) {
      return new Decision(x.clusterList().size() < y.clusterList().size(), "cluster-list length" + step12, eq, age);
    }
    // 15. neighbor address (sockunion_cmp); a path without a remote address loses
    IpAddr px = a.session() == null ? null : a.session().remoteAddress();
    IpAddr py = b.session() == null ? null : b.session().remoteAddress();
    if (px == null || py == null) {
      return new Decision(px != null || (py == null && a.from().compareTo(b.from()) <= 0), "peer address" + step12, eq, age);
    }
    return new Decision(px.compareTo(py) <= 0, "neighbor address " + px + " vs " + py + step12, eq, age);
  }

  private static Decision d(boolean first, String reason) {
    return new Decision(first, reason, false, false);
  }

  // bgp_route.c bgp_med_value: missing MED is 0, or the worst with `bgp bestpath med missing-as-worst`
  private static long med(BgpAttributes a, FrrBgpRouter r) {
    return a.med() != null ? a.med() : r.medMissingAsWorst() ? 4294967295L : 0;
  }

  private static IpAddr routerId(Candidate c, FrrBgpRouter r) {
    if (c.route().attributes().originatorId() != null) {
      return c.route().attributes().originatorId();
    }
    return c.session() != null ? c.session().remoteRouterId() : r.routerId();
  }
}
