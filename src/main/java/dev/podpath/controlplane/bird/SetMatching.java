package dev.podpath.controlplane.bird;

import static dev.podpath.controlplane.bird.FilterValues.compare;
import static dev.podpath.controlplane.bird.FilterValues.kind;
import static dev.podpath.controlplane.bird.FilterValues.num;
import static dev.podpath.controlplane.bird.FilterValues.same;

import dev.podpath.controlplane.bird.FilterInterpreter.FilterError;
import dev.podpath.controlplane.bird.FilterValues.Lc;
import dev.podpath.controlplane.bird.FilterValues.Pair;
import dev.podpath.core.SourceRef;
import dev.podpath.core.net.IpAddr;
import dev.podpath.core.net.IpPrefix;
import dev.podpath.ingest.bird.Expr;
import dev.podpath.model.routing.AsPath;
import dev.podpath.model.routing.Community;
import dev.podpath.model.routing.LargeCommunity;
import java.util.List;
import java.util.TreeSet;
import java.util.function.BiFunction;

/**
 * The `~` operator and the set/list operations of BIRD's filter language (BIRD manual
 * "Operators", "Data types": prefix sets, int and pair sets, path masks, community lists;
 * filter/f-inst.c FI_MATCH, FI_CLIST_ADD/DEL/FILTER, FI_PATH_PREPEND).
 */
final class SetMatching {

  private final BiFunction<Expr, SourceRef, Object> eval;

  SetMatching(BiFunction<Expr, SourceRef, Object> eval) {
    this.eval = eval;
  }

  private Object eval(Expr e, SourceRef w) {
    return eval.apply(e, w);
  }

  boolean inRange(Object v, Expr.ValueItem item, SourceRef w) {
    Object from = item.from() == null ? null : eval(item.from(), w);
    if (item.to() == null) {
      return from == null || same(v, from, w);
    }
    Object to = eval(item.to(), w);
    return compare(v, from, w) >= 0 && compare(v, to, w) <= 0;
  }

  boolean matches(Object l, Object rv, SourceRef w) {
    if (rv instanceof Expr.SetLit set) {
      if (l instanceof java.util.Collection<?> coll) {
        // clist ~ set: some community of the list is in the set
        for (Object o : coll) {
          if (inSet(toValue(o), set, w)) {
            return true;
          }
        }
        return false;
      }
      if (l instanceof AsPath p) {
        for (long asn : p.asns()) {
          if (inSet(asn, set, w)) {
            return true;
          }
        }
        return false;
      }
      return inSet(l, set, w);
    }
    if (rv instanceof Expr.PathMaskLit mask) {
      if (!(l instanceof AsPath p)) {
        throw new FilterError("path mask applied to a non-path value", w);
      }
      return PathMask.matches(p.asns(), mask.items(), x -> num(eval(x, w), w), s -> inSetAny(s, w));
    }
    if (l instanceof IpPrefix net && rv instanceof IpPrefix p) {
      return p.contains(net);
    }
    if (l instanceof IpAddr a && rv instanceof IpPrefix p) {
      return p.contains(a);
    }
    if (rv instanceof java.util.Collection<?> coll) {
      return coll.stream().map(this::toValue).anyMatch(x -> x.equals(l));
    }
    if (l instanceof java.util.Collection<?> coll) {
      return coll.stream().map(this::toValue).anyMatch(x -> x.equals(rv));
    }
    if (l instanceof AsPath p && rv instanceof Long asn) {
      return p.contains(asn);
    }
    if (l instanceof String s && rv instanceof String pat) {
      return new dev.podpath.ingest.bird.InterfacePattern(false, pat, null).matchesName(s);
    }
    throw new FilterError("operator ~ on " + kind(l) + " and " + kind(rv), w);
  }

  private java.util.function.Function<Long, Boolean> inSetAny(List<Expr.SetItem> items, SourceRef w) {
    return asn -> inSet(asn, new Expr.SetLit(items), w);
  }

  Object toValue(Object o) {
    if (o instanceof Community c) {
      return new Pair(c.high(), c.low());
    }
    if (o instanceof LargeCommunity l) {
      return new Lc(l.global(), l.local1(), l.local2());
    }
    return o;
  }

  boolean inSet(Object v, Expr.SetLit set, SourceRef w) {
    for (Expr.SetItem item : set.items()) {
      if (item instanceof Expr.PrefixPattern pp) {
        if (v instanceof IpPrefix p && pp.matches(p)) {
          return true;
        }
      } else if (item instanceof Expr.ValueItem vi) {
        if (inRange(v, vi, w)) {
          return true;
        }
      } else if (item instanceof Expr.PairItem pi && v instanceof Pair p) {
        List<Expr.ValueItem> parts = pi.parts();
        if (parts.size() == 2 && inRange(p.a(), parts.get(0), w) && inRange(p.b(), parts.get(1), w)) {
          return true;
        }
      } else if (item instanceof Expr.PairItem pi && v instanceof Lc l) {
        List<Expr.ValueItem> parts = pi.parts();
        if (parts.size() == 3 && inRange(l.a(), parts.get(0), w) && inRange(l.b(), parts.get(1), w) && inRange(l.c(), parts.get(2), w)) {
          return true;
        }
      }
    }
    return false;
  }

  Object prepend(Object path, Object asn, SourceRef w) {
    AsPath p = path == null ? AsPath.EMPTY : (AsPath) path;
    return p.prepend(num(asn, w), 1);
  }

  Object clistOp(String op, Object list, Object arg, SourceRef w) {
    if (arg instanceof Lc || (list instanceof java.util.Collection<?> c && !c.isEmpty() && c.iterator().next() instanceof LargeCommunity)) {
      java.util.LinkedHashSet<LargeCommunity> out = new java.util.LinkedHashSet<>(lclist(list, w));
      if (op.equals("add")) {
        Lc l = (Lc) arg;
        out.add(new LargeCommunity(l.a(), l.b(), l.c()));
        return out;
      }
      out.removeIf(x -> op.equals("delete") == lcMatches(x, arg, w));
      return out;
    }
    TreeSet<Community> out = new TreeSet<>(list == null ? new TreeSet<>() : clist(list, w));
    if (op.equals("add")) {
      if (arg instanceof Pair p) {
        out.add(Community.of(p.a(), p.b()));
      } else {
        throw new FilterError("add() of a set is not allowed", w);
      }
      return out;
    }
    out.removeIf(c -> op.equals("delete") == commMatches(c, arg, w));
    return out;
  }

  boolean commMatches(Community c, Object arg, SourceRef w) {
    Pair p = new Pair(c.high(), c.low());
    if (arg instanceof Expr.SetLit s) {
      return inSet(p, s, w);
    }
    return p.equals(arg);
  }

  boolean lcMatches(LargeCommunity c, Object arg, SourceRef w) {
    Lc l = new Lc(c.global(), c.local1(), c.local2());
    if (arg instanceof Expr.SetLit s) {
      return inSet(l, s, w);
    }
    return l.equals(arg);
  }

  @SuppressWarnings("unchecked")
  TreeSet<Community> clist(Object v, SourceRef w) {
    if (v instanceof java.util.Collection<?> c) {
      TreeSet<Community> out = new TreeSet<>();
      for (Object o : c) {
        if (o instanceof Community cm) {
          out.add(cm);
        }
      }
      return out;
    }
    throw new FilterError("not a community list", w);
  }

  java.util.Set<LargeCommunity> lclist(Object v, SourceRef w) {
    java.util.LinkedHashSet<LargeCommunity> out = new java.util.LinkedHashSet<>();
    if (v instanceof java.util.Collection<?> c) {
      for (Object o : c) {
        if (o instanceof LargeCommunity l) {
          out.add(l);
        }
      }
    }
    return out;
  }
}
