package dev.podpath.controlplane.bird;

import static dev.podpath.controlplane.bird.FilterValues.compare;
import static dev.podpath.controlplane.bird.FilterValues.kind;
import static dev.podpath.controlplane.bird.FilterValues.num;
import static dev.podpath.controlplane.bird.FilterValues.origin;
import static dev.podpath.controlplane.bird.FilterValues.same;
import static dev.podpath.controlplane.bird.FilterValues.truth;

import dev.podpath.controlplane.bird.FilterValues.EnumV;
import dev.podpath.controlplane.bird.FilterValues.Lc;
import dev.podpath.controlplane.bird.FilterValues.Pair;
import dev.podpath.core.SourceRef;
import dev.podpath.core.net.IpAddr;
import dev.podpath.core.net.IpPrefix;
import dev.podpath.ingest.bird.BirdConfig;
import dev.podpath.ingest.bird.Expr;
import dev.podpath.ingest.bird.Policy;
import dev.podpath.ingest.bird.Stmt;
import dev.podpath.model.routing.AsPath;
import dev.podpath.model.routing.Community;
import dev.podpath.model.routing.LargeCommunity;
import dev.podpath.model.routing.Origin;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Runs BIRD filters on a route (BIRD manual "Filters"; CZ-NIC/bird v2.0.12 filter/filter.c
 * f_run, filter/f-inst.c). Outcomes: accept, reject, or a runtime error, which BIRD treats as
 * reject; falling off the end is also an error ("did not return accept nor reject").
 * Statements podpath could not parse make the verdict uncertain (reported, never hidden).
 */
final class FilterInterpreter {

  /** What a filter decided, the line that decided it, and why. */
  record Verdict(boolean accepted, SourceRef where, String why, boolean uncertain) {}

  private final BirdConfig config;

  FilterInterpreter(BirdConfig config) {
    this.config = config;
  }

  /** Runs a channel policy; {@code null} policy means the caller's default. */
  Verdict run(Policy p, RouteState r) {
    if (p instanceof Policy.All a) {
      return new Verdict(true, a.where(), "import/export all", false);
    }
    if (p instanceof Policy.None n) {
      return new Verdict(false, n.where(), "import/export none", false);
    }
    if (p instanceof Policy.Where w) {
      // filter/config.Y where_filter: `if EXPR then accept; else reject;`
      Run run = new Run(r);
      try {
        boolean ok = truth(run.eval(w.condition(), w.where()), w.where());
        return new Verdict(ok, w.where(), ok ? "where condition true" : "where condition false", run.uncertain);
      } catch (FilterError e) {
        return new Verdict(false, e.where, "filter runtime error, route rejected: " + e.getMessage(), run.uncertain);
      }
    }
    List<Stmt> body;
    SourceRef where = p.where();
    String name;
    if (p instanceof Policy.Named n) {
      BirdConfig.FilterDef f = config.filters().get(n.filter());
      if (f == null) {
        return new Verdict(false, where, "filter " + n.filter() + " is not defined", false);
      }
      body = f.body();
      name = "filter " + n.filter();
    } else {
      body = ((Policy.Inline) p).body();
      name = "inline filter";
    }
    Run run = new Run(r);
    try {
      run.block(body);
      // filter.c f_run: no accept/reject -> "did not return accept nor reject. Make up your mind" -> F_ERROR
      return new Verdict(false, where, name + " ended without accept or reject (BIRD: \"Make up your mind\"), route rejected", run.uncertain);
    } catch (Decision d) {
      return new Verdict(d.accept, d.where, (d.accept ? "accepted by " : "rejected by ") + name, run.uncertain);
    } catch (FilterError e) {
      return new Verdict(false, e.where, name + " runtime error, route rejected: " + e.getMessage(), run.uncertain);
    }
  }

  /** Runs the `{ ... }` attribute commands of a static route (no accept/reject expected). */
  void apply(List<Stmt> body, RouteState r) {
    if (body.isEmpty()) {
      return;
    }
    try {
      new Run(r).block(body);
    } catch (Decision | FilterError ignored) {
      // static route attribute blocks cannot drop the route in podpath's model
    }
  }

  private static final class Decision extends RuntimeException {
    final boolean accept;
    final SourceRef where;

    Decision(boolean accept, SourceRef where) {
      super(null, null, false, false);
      this.accept = accept;
      this.where = where;
    }
  }

  static final class FilterError extends RuntimeException {
    final SourceRef where;

    FilterError(String msg, SourceRef where) {
      super(msg, null, false, false);
      this.where = where;
    }
  }

  private static final class ReturnValue extends RuntimeException {
    final Object value;

    ReturnValue(Object value) {
      super(null, null, false, false);
      this.value = value;
    }
  }

  private final class Run {
    final RouteState r;
    final List<Map<String, Object>> frames = new ArrayList<>();
    boolean uncertain;
    int depth;

    final SetMatching match;

    Run(RouteState r) {
      this.r = r;
      frames.add(new HashMap<>());
      this.match = new SetMatching(this::eval);
    }

    boolean inRange(Object v, Expr.ValueItem item, SourceRef w) {
      return match.inRange(v, item, w);
    }

    boolean matches(Object l, Object rv, SourceRef w) {
      return match.matches(l, rv, w);
    }

    Object prepend(Object path, Object asn, SourceRef w) {
      return match.prepend(path, asn, w);
    }

    Object clistOp(String op, Object list, Object arg, SourceRef w) {
      return match.clistOp(op, list, arg, w);
    }

    java.util.TreeSet<Community> clist(Object v, SourceRef w) {
      return match.clist(v, w);
    }

    java.util.Set<LargeCommunity> lclist(Object v, SourceRef w) {
      return match.lclist(v, w);
    }

    void block(List<Stmt> body) {
      for (Stmt s : body) {
        exec(s);
      }
    }

    void exec(Stmt s) {
      SourceRef w = s.where();
      if (s instanceof Stmt.If i) {
        if (truth(eval(i.condition(), w), w)) {
          exec(i.then());
        } else if (i.otherwise() != null) {
          exec(i.otherwise());
        }
      } else if (s instanceof Stmt.Block b) {
        block(b.body());
      } else if (s instanceof Stmt.Accept) {
        throw new Decision(true, w);
      } else if (s instanceof Stmt.Reject) {
        throw new Decision(false, w);
      } else if (s instanceof Stmt.Return ret) {
        throw new ReturnValue(ret.value() == null ? null : eval(ret.value(), w));
      } else if (s instanceof Stmt.VarDecl d) {
        frames.get(frames.size() - 1).put(d.name(), d.init() == null ? null : eval(d.init(), w));
      } else if (s instanceof Stmt.Assign a) {
        assign(a.target(), eval(a.value(), w), w);
      } else if (s instanceof Stmt.Modify m) {
        modify(m, w);
      } else if (s instanceof Stmt.Unset u) {
        assign(u.target(), null, w);
      } else if (s instanceof Stmt.CallStmt c) {
        eval(c.call(), w);
      } else if (s instanceof Stmt.Case k) {
        Object v = eval(k.subject(), w);
        for (Stmt.CaseArm arm : k.arms()) {
          boolean hit = arm.labels().isEmpty();
          for (Expr.ValueItem label : arm.labels()) {
            hit |= inRange(v, label, w);
          }
          if (hit) {
            block(arm.body());
            break;
          }
        }
      } else if (s instanceof Stmt.Unknown) {
        uncertain = true;
      }
      // Print: no effect on routes
    }

    private void modify(Stmt.Modify m, SourceRef w) {
      String attr = m.target().name();
      Object cur = read(m.target(), w);
      Object arg = m.argument() == null ? null : eval(m.argument(), w);
      Object res = switch (m.method()) {
        case "prepend" -> prepend(cur, arg, w);
        case "add" -> clistOp("add", cur, arg, w);
        case "delete" -> clistOp("delete", cur, arg, w);
        case "filter" -> clistOp("filter", cur, arg, w);
        case "empty" -> cur instanceof AsPath ? AsPath.EMPTY : new TreeSet<Community>();
        default -> throw new FilterError("unknown method ." + m.method() + " on " + attr, w);
      };
      assign(m.target(), res, w);
    }

    Object lookupVar(String name) {
      for (int i = frames.size() - 1; i >= 0; i--) {
        if (frames.get(i).containsKey(name)) {
          return frames.get(i).get(name);
        }
      }
      return null;
    }

    void assign(Expr.Ref t, Object v, SourceRef w) {
      switch (t.kind()) {
        case VARIABLE -> {
          for (int i = frames.size() - 1; i >= 0; i--) {
            if (frames.get(i).containsKey(t.name())) {
              frames.get(i).put(t.name(), v);
              return;
            }
          }
          frames.get(frames.size() - 1).put(t.name(), v);
        }
        case ATTRIBUTE -> setAttr(t.name(), v, w);
        default -> throw new FilterError("cannot assign to " + t.name(), w);
      }
    }

    void setAttr(String name, Object v, SourceRef w) {
      if (name.startsWith("bgp_")) {
        r.bgp = true;
        r.assigned.add(name);
      }
      switch (name) {
        case "preference" -> r.preference = (int) num(v, w);
        case "krt_metric" -> r.krtMetric = v == null ? null : num(v, w);
        case "igp_metric" -> r.igpMetric = v == null ? null : num(v, w);
        case "bgp_med" -> r.med = v == null ? null : num(v, w);
        case "bgp_local_pref" -> r.localPref = v == null ? null : num(v, w);
        case "bgp_origin" -> r.origin = v == null ? null : origin(v, w);
        case "bgp_path" -> r.path = v == null ? AsPath.EMPTY : (AsPath) v;
        case "bgp_next_hop" -> {
          // filter/f-inst.c EA_SET EAF_TYPE_IP_ADDRESS: the new attribute is one address (16 bytes), no link-local part
          r.nextHop = v == null ? null : (IpAddr) v;
          r.nextHopLinkLocal = null;
        }
        case "bgp_community" -> r.communities = v == null ? new TreeSet<>() : clist(v, w);
        case "bgp_large_community" -> r.large = v == null ? new java.util.LinkedHashSet<>() : lclist(v, w);
        case "gw" -> {
          // BIRD manual "gw": setting it makes a single-gateway route on the gateway's interface
          IpAddr gw = (IpAddr) v;
          String iface = r.hops.isEmpty() ? null : r.hops.get(0).iface();
          r.hops = List.of(new BirdRoute.Hop(gw, iface));
          r.dest = BirdRoute.Dest.UNICAST;
        }
        case "dest" -> {
          // only RTD_BLACKHOLE/UNREACHABLE/PROHIBIT may be assigned (BIRD manual "dest")
          String d = ((EnumV) v).name();
          r.dest = switch (d) {
            case "RTD_BLACKHOLE" -> BirdRoute.Dest.BLACKHOLE;
            case "RTD_UNREACHABLE" -> BirdRoute.Dest.UNREACHABLE;
            case "RTD_PROHIBIT" -> BirdRoute.Dest.PROHIBIT;
            default -> throw new FilterError("dest can only be set to RTD_BLACKHOLE, RTD_UNREACHABLE or RTD_PROHIBIT", w);
          };
          r.hops = List.of();
        }
        default -> {
          // attributes podpath does not model (krt_prefsrc, ospf_*...): no routing effect here
        }
      }
    }

    Object read(Expr.Ref ref, SourceRef w) {
      switch (ref.kind()) {
        case VARIABLE:
          return lookupVar(ref.name());
        case CONSTANT: {
          BirdConfig.Definition d = config.definitions().get(ref.name());
          return d == null ? null : eval(d.value(), w);
        }
        case ENUM:
          return new EnumV(ref.name());
        case UNKNOWN:
          uncertain = true;
          throw new FilterError("unknown symbol " + ref.name(), w);
        default:
          return attr(ref.name(), w);
      }
    }

    Object attr(String name, SourceRef w) {
      BirdRoute b = r.base;
      return switch (name) {
        case "net" -> b.prefix();
        case "proto" -> b.protocol();
        case "source" -> new EnumV(b.source().name());
        case "preference" -> (long) r.preference;
        case "dest" -> new EnumV("RTD_" + r.dest.name());
        case "from" -> b.session() != null ? b.session().peerAddress() : null;
        case "gw" -> r.hops.isEmpty() ? null : r.hops.get(0).gateway();
        case "ifname" -> r.hops.isEmpty() ? "" : r.hops.get(0).iface();
        case "krt_metric" -> r.krtMetric;
        case "igp_metric" -> r.igpMetric;
        case "bgp_origin" -> r.origin == null ? null : new EnumV("ORIGIN_" + r.origin.name());
        case "bgp_path" -> r.path;
        case "bgp_next_hop" -> r.nextHop;
        case "bgp_med" -> r.med;
        case "bgp_local_pref" -> r.localPref;
        case "bgp_community" -> r.bgp ? r.communities : null;
        case "bgp_large_community" -> r.bgp ? r.large : null;
        default -> {
          uncertain = true;
          yield null;
        }
      };
    }

    Object eval(Expr e, SourceRef w) {
      if (e instanceof Expr.IntLit i) {
        return i.value();
      }
      if (e instanceof Expr.BoolLit b) {
        return b.value();
      }
      if (e instanceof Expr.StringLit s) {
        return s.value();
      }
      if (e instanceof Expr.IpLit i) {
        return i.value();
      }
      if (e instanceof Expr.PrefixLit p) {
        return p.value();
      }
      if (e instanceof Expr.PairLit p) {
        return new Pair(num(eval(p.high(), w), w), num(eval(p.low(), w), w));
      }
      if (e instanceof Expr.LcLit l) {
        return new Lc(num(eval(l.global(), w), w), num(eval(l.local1(), w), w), num(eval(l.local2(), w), w));
      }
      if (e instanceof Expr.SetLit || e instanceof Expr.PathMaskLit) {
        return e;
      }
      if (e instanceof Expr.EmptyLit em) {
        return em.kind().equals("+empty+") ? AsPath.EMPTY : new TreeSet<Community>();
      }
      if (e instanceof Expr.Ref ref) {
        return read(ref, w);
      }
      if (e instanceof Expr.Unary u) {
        Object v = eval(u.operand(), w);
        return u.op().equals("!") ? !truth(v, w) : -num(v, w);
      }
      if (e instanceof Expr.Binary b) {
        return binary(b, w);
      }
      if (e instanceof Expr.Member m) {
        return member(m, w);
      }
      if (e instanceof Expr.Call c) {
        return call(c, w);
      }
      uncertain = true;
      throw new FilterError("expression podpath could not parse: " + ((Expr.Unknown) e).text(), w);
    }

    Object binary(Expr.Binary b, SourceRef w) {
      switch (b.op()) {
        case "&&":
          return truth(eval(b.left(), w), w) && truth(eval(b.right(), w), w);
        case "||":
          return truth(eval(b.left(), w), w) || truth(eval(b.right(), w), w);
        default:
          break;
      }
      Object l = eval(b.left(), w);
      Object rv = eval(b.right(), w);
      return switch (b.op()) {
        case "+" -> num(l, w) + num(rv, w);
        case "-" -> num(l, w) - num(rv, w);
        case "*" -> num(l, w) * num(rv, w);
        case "/" -> {
          long d = num(rv, w);
          if (d == 0) {
            throw new FilterError("division by zero", w);
          }
          yield num(l, w) / d;
        }
        case "=" -> same(l, rv, w);
        case "!=" -> !same(l, rv, w);
        case "<" -> compare(l, rv, w) < 0;
        case ">" -> compare(l, rv, w) > 0;
        case "<=" -> compare(l, rv, w) <= 0;
        case ">=" -> compare(l, rv, w) >= 0;
        case "~" -> matches(l, rv, w);
        case "!~" -> !matches(l, rv, w);
        default -> throw new FilterError("operator " + b.op(), w);
      };
    }

    Object member(Expr.Member m, SourceRef w) {
      Object t = eval(m.target(), w);
      String n = m.member();
      if (t instanceof IpPrefix p) {
        return switch (n) {
          case "len" -> (long) p.length();
          case "ip" -> p.network();
          case "type" -> new EnumV(p.v6() ? "NET_IP6" : "NET_IP4");
          case "mask" -> new IpPrefix(p.network().mask((int) num(eval(m.args().get(0), w), w)), (int) num(eval(m.args().get(0), w), w));
          default -> throw new FilterError("unknown prefix member ." + n, w);
        };
      }
      if (t instanceof IpAddr a && n.equals("mask")) {
        return a.mask((int) num(eval(m.args().get(0), w), w));
      }
      if (t instanceof AsPath p) {
        return switch (n) {
          case "len" -> (long) p.length();
          // filter/f-inst.c: first/last of an empty path is 0
          case "first" -> p.length() == 0 ? 0L : p.first();
          case "last", "last_nonaggregated" -> p.length() == 0 ? 0L : p.last();
          default -> throw new FilterError("unknown path member ." + n, w);
        };
      }
      if (t instanceof java.util.Collection<?> c && n.equals("len")) {
        return (long) c.size();
      }
      if (t instanceof Pair p) {
        return switch (n) {
          case "asn" -> p.a();
          case "data" -> p.b();
          default -> throw new FilterError("unknown pair member ." + n, w);
        };
      }
      if (t == null) {
        throw new FilterError("member ." + n + " of an undefined value", w);
      }
      uncertain = true;
      throw new FilterError("member ." + n + " is not modelled", w);
    }

    Object call(Expr.Call c, SourceRef w) {
      switch (c.function()) {
        case "defined": {
          Expr a = c.args().get(0);
          if (a instanceof Expr.Ref ref && ref.kind() == Expr.RefKind.ATTRIBUTE) {
            return attr(ref.name(), w) != null;
          }
          return eval(a, w) != null;
        }
        case "prepend":
          return prepend(eval(c.args().get(0), w), eval(c.args().get(1), w), w);
        case "add":
        case "delete":
        case "filter":
          return clistOp(c.function(), eval(c.args().get(0), w), eval(c.args().get(1), w), w);
        default:
          break;
      }
      BirdConfig.FunctionDef f = config.functions().get(c.function());
      if (f == null) {
        uncertain = true;
        throw new FilterError("function " + c.function() + " is not modelled", w);
      }
      if (++depth > 64) {
        throw new FilterError("function recursion too deep", w);
      }
      Map<String, Object> frame = new HashMap<>();
      for (int i = 0; i < f.params().size() && i < c.args().size(); i++) {
        frame.put(f.params().get(i), eval(c.args().get(i), w));
      }
      List<Map<String, Object>> saved = new ArrayList<>(frames);
      frames.clear();
      frames.add(frame);
      try {
        block(f.body());
        return null;
      } catch (ReturnValue rv) {
        return rv.value;
      } finally {
        frames.clear();
        frames.addAll(saved);
        depth--;
      }
    }

  }
}
