package dev.podpath.controlplane.bird;

import dev.podpath.ingest.bird.Expr;
import java.util.List;
import java.util.function.Function;

/**
 * BGP path mask matching (BIRD manual "Data types", bgpmask: `*` any number of ASNs, `?` exactly
 * one, a number or `a..b` one matching ASN, `[set]` one ASN in the set; the mask must match the
 * whole path). Source: CZ-NIC/bird v2.0.12 nest/a-path.c as_path_match.
 */
final class PathMask {

  private PathMask() {}

  static boolean matches(List<Long> path, List<Expr.PathMaskItem> mask, Function<Expr, Long> value,
      Function<List<Expr.SetItem>, Function<Long, Boolean>> set) {
    return match(path, 0, mask, 0, value, set);
  }

  private static boolean match(List<Long> p, int i, List<Expr.PathMaskItem> m, int j, Function<Expr, Long> value,
      Function<List<Expr.SetItem>, Function<Long, Boolean>> set) {
    if (j == m.size()) {
      return i == p.size();
    }
    Expr.PathMaskItem item = m.get(j);
    if (item instanceof Expr.AnyPath) {
      for (int k = i; k <= p.size(); k++) {
        if (match(p, k, m, j + 1, value, set)) {
          return true;
        }
      }
      return false;
    }
    if (i == p.size()) {
      return false;
    }
    long asn = p.get(i);
    boolean one;
    if (item instanceof Expr.AnyOne) {
      one = true;
    } else if (item instanceof Expr.AsnItem a) {
      one = value.apply(a.asn()) == asn;
    } else if (item instanceof Expr.AsnRangeItem r) {
      one = asn >= r.from() && asn <= r.to();
    } else {
      one = set.apply(((Expr.AsnSetItem) item).set()).apply(asn);
    }
    return one && match(p, i + 1, m, j + 1, value, set);
  }
}
