package dev.podpath.controlplane.bird;

import dev.podpath.controlplane.bird.FilterInterpreter.FilterError;
import dev.podpath.core.SourceRef;
import dev.podpath.model.routing.Origin;

/**
 * Values of BIRD's filter language that have no podpath model type (pairs, large communities,
 * enum constants) and the typed operations on values (filter/f-inst.c: a type mismatch is a
 * runtime error, which rejects the route).
 */
final class FilterValues {

  private FilterValues() {}

  /** `(a,b)`: a standard community or a pair. */
  record Pair(long a, long b) {}

  /** `(a,b,c)`: a large community. */
  record Lc(long a, long b, long c) {}

  /** RTS_BGP, RTD_UNREACHABLE, ORIGIN_IGP, NET_IP6... */
  record EnumV(String name) {}

  static Origin origin(Object v, SourceRef w) {
    if (v instanceof EnumV e) {
      return switch (e.name()) {
        case "ORIGIN_IGP" -> Origin.IGP;
        case "ORIGIN_EGP" -> Origin.EGP;
        case "ORIGIN_INCOMPLETE" -> Origin.INCOMPLETE;
        default -> throw new FilterError("not an origin: " + e.name(), w);
      };
    }
    throw new FilterError("not an origin", w);
  }

  static long num(Object v, SourceRef w) {
    if (v instanceof Long l) {
      return l;
    }
    if (v instanceof Integer i) {
      return i;
    }
    if (v == null) {
      throw new FilterError("undefined value used as a number", w);
    }
    throw new FilterError("expected a number, got " + kind(v), w);
  }

  static boolean truth(Object v, SourceRef w) {
    if (v instanceof Boolean b) {
      return b;
    }
    throw new FilterError("expected a boolean, got " + kind(v), w);
  }

  static boolean same(Object a, Object b, SourceRef w) {
    if (a instanceof Integer i) {
      a = (long) i;
    }
    if (b instanceof Integer i) {
      b = (long) i;
    }
    return java.util.Objects.equals(a, b);
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  static int compare(Object a, Object b, SourceRef w) {
    if (a instanceof Long x && b instanceof Long y) {
      return Long.compare(x, y);
    }
    if (a instanceof Comparable x && b != null && a.getClass() == b.getClass()) {
      return x.compareTo(b);
    }
    if (a instanceof Pair x && b instanceof Pair y) {
      return x.a() != y.a() ? Long.compare(x.a(), y.a()) : Long.compare(x.b(), y.b());
    }
    throw new FilterError("cannot compare " + kind(a) + " with " + kind(b), w);
  }

  static String kind(Object v) {
    return v == null ? "undefined" : v.getClass().getSimpleName();
  }
}
