package dev.podpath.ingest.bird;

import static dev.podpath.ingest.bird.ParseContext.ref;

import dev.podpath.core.SourceRef;
import dev.podpath.core.net.IpAddr;
import dev.podpath.core.net.IpPrefix;
import dev.podpath.ingest.bird.BirdParser.*;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.tree.ParseTree;
import org.antlr.v4.runtime.tree.TerminalNode;

/** Turns filter/function bodies and expressions into the {@link Stmt}/{@link Expr} AST. */
final class FilterBuilder {

  /**
   * Route attributes BIRD 2 knows (BIRD 2.0 manual "Route attributes", "BGP" attributes,
   * "Kernel" attributes; filter/config.Y static_attr, proto/bgp/config.Y, sysdep/linux/netlink.Y).
   */
  static final Set<String> ATTRIBUTES = Set.of(
      "net", "scope", "preference", "from", "gw", "proto", "source", "dest", "ifname", "ifindex",
      "weight", "onlink", "igp_metric", "gw_mpls", "mpls_label", "mpls_policy", "mpls_class",
      "bgp_origin", "bgp_path", "bgp_next_hop", "bgp_med", "bgp_local_pref", "bgp_atomic_aggr",
      "bgp_aggregator", "bgp_community", "bgp_originator_id", "bgp_cluster_list",
      "bgp_ext_community", "bgp_aigp", "bgp_large_community", "bgp_mpls_label_stack", "bgp_otc",
      "krt_source", "krt_metric", "krt_prefsrc", "krt_realm", "krt_scope", "krt_mtu", "krt_window",
      "krt_rtt", "krt_rttvar", "krt_sstresh", "krt_cwnd", "krt_advmss", "krt_reordering",
      "krt_hoplimit", "krt_initcwnd", "krt_rto_min", "krt_initrwnd", "krt_quickack",
      "krt_lock_mtu", "krt_feature_ecn", "krt_feature_allfrag", "ospf_metric1", "ospf_metric2",
      "ospf_tag", "ospf_router_id", "rip_metric", "rip_tag", "babel_metric", "radv_preference",
      "radv_lifetime");

  /** Enum constants are upper-case with these prefixes (filter/config.Y, nest/route.h). */
  private static final List<String> ENUM_PREFIXES = List.of(
      "RTS_", "RTD_", "ORIGIN_", "NET_", "SCOPE_", "RTC_", "MPLS_POLICY_", "ROA_", "ASPA_", "T_");

  private final ParseContext pc;
  private final Set<String> constants;
  private final Set<String> functions;
  private final Deque<Set<String>> scopes = new ArrayDeque<>();

  FilterBuilder(ParseContext pc, Set<String> constants, Set<String> functions) {
    this.pc = pc;
    this.constants = constants;
    this.functions = functions;
  }

  /** A filter or function body in a fresh scope with the given parameters. */
  List<Stmt> body(Filter_bodyContext ctx, List<String> params) {
    scopes.push(new HashSet<>(params));
    try {
      List<Stmt> out = new ArrayList<>();
      for (F_var_declContext d : ctx.f_var_decl()) {
        out.add(statement(d));
      }
      for (F_statementContext s : ctx.f_statement()) {
        out.add(statement(s));
      }
      return out;
    } finally {
      scopes.pop();
    }
  }

  /** Commands outside a filter (static route attributes `route ... { bgp_med = 1; }`). */
  List<Stmt> statements(List<F_statementContext> list) {
    scopes.push(new HashSet<>());
    try {
      return list.stream().map(this::statement).toList();
    } finally {
      scopes.pop();
    }
  }

  private Stmt statement(ParserRuleContext any) {
    SourceRef w = ref(any);
    ParserRuleContext c = any instanceof F_statementContext s ? (ParserRuleContext) s.getChild(0) : any;
    if (c instanceof F_ifContext i) {
      return new Stmt.If(expr(i.expr()), statement(i.f_statement(0)), i.f_statement().size() > 1 ? statement(i.f_statement(1)) : null, w);
    }
    if (c instanceof F_blockContext b) {
      scopes.push(new HashSet<>());
      try {
        return new Stmt.Block(b.f_statement().stream().map(this::statement).toList(), w);
      } finally {
        scopes.pop();
      }
    }
    if (c instanceof F_acceptContext) {
      return new Stmt.Accept(w);
    }
    if (c instanceof F_rejectContext) {
      return new Stmt.Reject(w);
    }
    if (c instanceof F_returnContext r) {
      return new Stmt.Return(r.expr() == null ? null : expr(r.expr()), w);
    }
    if (c instanceof F_print_nullContext) {
      return new Stmt.Print(w);
    }
    if (c instanceof F_caseContext k) {
      return caseStmt(k, w);
    }
    if (c instanceof F_var_declContext d) {
      String type = String.join(" ", d.type_ref().WORD().stream().map(ParseTree::getText).toList());
      String name = name(d.name());
      scopes.peek().add(name);
      return new Stmt.VarDecl(type, name, d.expr() == null ? null : expr(d.expr()), w);
    }
    if (c instanceof F_assignContext a) {
      Expr.Ref target = symbol(a.attr_name());
      if (target.kind() == Expr.RefKind.CONSTANT || target.kind() == Expr.RefKind.ENUM) {
        pc.configError(w, "cannot assign to " + target.name() + " (BIRD: Can't assign to symbol)");
      }
      return new Stmt.Assign(target, expr(a.expr()), w);
    }
    if (c instanceof F_methodContext m) {
      return new Stmt.Modify(symbol(m.attr_name()), m.member().getText(), m.expr() == null ? null : expr(m.expr()), w);
    }
    if (c instanceof F_unsetContext u) {
      return new Stmt.Unset(symbol(u.attr_name()), w);
    }
    if (c instanceof F_callContext fc) {
      Expr.Call call = call(name(fc.name()), fc.expr(), w);
      return new Stmt.CallStmt(call, w);
    }
    if (c instanceof F_emptyContext) {
      // filter/config.Y (2.0.12 .. 2.18): `cmd` has no empty alternative, so a lone ';' is a syntax error
      pc.configError(w, "syntax error, unexpected ';' (BIRD filter commands have no empty statement; "
          + "a block `{ ... }` is not followed by ';')");
      return new Stmt.Block(List.of(), w);
    }
    pc.unrecognized(c, "filter statement");
    return new Stmt.Unknown(c.getText(), w);
  }

  private Stmt caseStmt(F_caseContext k, SourceRef w) {
    List<Stmt.CaseArm> arms = new ArrayList<>();
    for (F_case_armContext arm : k.f_case_arm()) {
      List<Expr.ValueItem> labels = new ArrayList<>();
      for (F_case_labelContext l : arm.f_case_label()) {
        labels.add(new Expr.ValueItem(expr(l.expr(0)), l.expr().size() > 1 ? expr(l.expr(1)) : null));
      }
      scopes.push(new HashSet<>());
      try {
        arms.add(new Stmt.CaseArm(labels, arm.f_statement().stream().map(this::statement).toList()));
      } finally {
        scopes.pop();
      }
    }
    return new Stmt.Case(expr(k.expr()), arms, w);
  }

  Expr expr(ExprContext c) {
    SourceRef w = ref(c);
    if (c instanceof E_parenContext p) {
      return expr(p.expr());
    }
    if (c instanceof E_litContext l) {
      return literal(l.e_literal());
    }
    if (c instanceof E_memberContext m) {
      List<Expr> args = m.expr().subList(1, m.expr().size()).stream().map(this::expr).toList();
      return new Expr.Member(expr(m.expr(0)), m.member().getText(), args);
    }
    if (c instanceof E_callContext fc) {
      return call(name(fc.name()), fc.expr(), w);
    }
    if (c instanceof E_filter_callContext f) {
      return new Expr.Call("filter", List.of(expr(f.expr(0)), expr(f.expr(1))), w);
    }
    if (c instanceof E_add_callContext a) {
      return new Expr.Call("add", List.of(expr(a.expr(0)), expr(a.expr(1))), w);
    }
    if (c instanceof E_refContext r) {
      return symbol(r.attr_name());
    }
    if (c instanceof E_notContext n) {
      return new Expr.Unary("!", expr(n.expr()));
    }
    if (c instanceof E_negContext n) {
      return new Expr.Unary("-", expr(n.expr()));
    }
    if (c instanceof E_mulContext m) {
      return new Expr.Binary(m.getChild(1).getText(), expr(m.expr(0)), expr(m.expr(1)));
    }
    if (c instanceof E_addContext m) {
      return new Expr.Binary(m.getChild(1).getText(), expr(m.expr(0)), expr(m.expr(1)));
    }
    if (c instanceof E_cmpContext m) {
      String op = m.getChild(1).getText();
      return new Expr.Binary(op.equals("==") ? "=" : op, expr(m.expr(0)), expr(m.expr(1)));
    }
    if (c instanceof E_andContext m) {
      return new Expr.Binary("&&", expr(m.expr(0)), expr(m.expr(1)));
    }
    if (c instanceof E_orContext m) {
      return new Expr.Binary("||", expr(m.expr(0)), expr(m.expr(1)));
    }
    pc.unrecognized(c, "expression");
    return new Expr.Unknown(c.getText(), w);
  }

  private static final Set<String> BUILTINS = Set.of(
      "defined", "prepend", "add", "delete", "filter", "format", "roa_check", "aspa_check", "from_hex", "empty");

  private Expr.Call call(String fn, List<ExprContext> args, SourceRef w) {
    if (!BUILTINS.contains(fn) && !functions.contains(fn)) {
      pc.configError(w, "unknown function " + fn + " (BIRD: syntax error, unexpected CF_SYM_UNDEFINED)");
    }
    return new Expr.Call(fn, args.stream().map(this::expr).toList(), w);
  }

  Expr.Ref symbol(Attr_nameContext a) {
    String n = a.name() != null ? name(a.name()) : a.getText();
    for (Set<String> s : scopes) {
      if (s.contains(n)) {
        return new Expr.Ref(n, Expr.RefKind.VARIABLE);
      }
    }
    if (constants.contains(n)) {
      return new Expr.Ref(n, Expr.RefKind.CONSTANT);
    }
    if (ATTRIBUTES.contains(n)) {
      return new Expr.Ref(n, Expr.RefKind.ATTRIBUTE);
    }
    if (ENUM_PREFIXES.stream().anyMatch(n::startsWith)) {
      return new Expr.Ref(n, Expr.RefKind.ENUM);
    }
    // BIRD: an undefined symbol in an expression is "syntax error, unexpected CF_SYM_UNDEFINED"
    pc.configError(ref(a), "unknown symbol " + n + " (BIRD: syntax error, unexpected CF_SYM_UNDEFINED)");
    return new Expr.Ref(n, Expr.RefKind.UNKNOWN);
  }

  static String name(NameContext n) {
    String t = n.getText();
    return t.startsWith("'") ? t.substring(1, t.length() - 1) : t;
  }

  private Expr literal(E_literalContext c) {
    SourceRef w = ref(c);
    if (c instanceof L_prefixContext p) {
      return new Expr.PrefixLit(prefix(p.prefix_literal()));
    }
    if (c instanceof L_ipv4Context || c instanceof L_ipv6Context) {
      return new Expr.IpLit(IpAddr.parse(c.getText()));
    }
    if (c instanceof L_decContext) {
      return new Expr.IntLit(number(c.getText(), w));
    }
    if (c instanceof L_hexContext) {
      return new Expr.IntLit(Long.parseLong(c.getText().substring(2), 16));
    }
    if (c instanceof L_stringContext) {
      String t = c.getText();
      return new Expr.StringLit(t.substring(1, t.length() - 1));
    }
    if (c instanceof L_boolContext) {
      String t = c.getText();
      return new Expr.BoolLit(t.equals("true") || t.equals("on") || t.equals("yes"));
    }
    if (c instanceof L_pairContext p) {
      return new Expr.PairLit(expr(p.expr(0)), expr(p.expr(1)));
    }
    if (c instanceof L_lcContext p) {
      return new Expr.LcLit(expr(p.expr(0)), expr(p.expr(1)), expr(p.expr(2)));
    }
    if (c instanceof L_path_maskContext m) {
      return new Expr.PathMaskLit(m.path_mask_item().stream().map(this::maskItem).toList());
    }
    if (c instanceof L_setContext s) {
      return new Expr.SetLit(s.set_item().stream().map(this::setItem).toList());
    }
    if (c instanceof L_emptyContext) {
      return new Expr.EmptyLit(c.getText());
    }
    pc.unrecognized(c, "literal");
    return new Expr.Unknown(c.getText(), w);
  }

  private Expr.PathMaskItem maskItem(Path_mask_itemContext c) {
    if (c.STAR() != null) {
      return new Expr.AnyPath();
    }
    if (c.QUESTION() != null) {
      return new Expr.AnyOne();
    }
    if (c.DOTDOT() != null) {
      return new Expr.AsnRangeItem(number(c.DEC(0).getText(), ref(c)), number(c.DEC(1).getText(), ref(c)));
    }
    if (c.DEC().size() == 1) {
      return new Expr.AsnItem(new Expr.IntLit(number(c.DEC(0).getText(), ref(c))));
    }
    if (c.name() != null) {
      return new Expr.AsnItem(symbolRef(name(c.name()), ref(c)));
    }
    if (c.expr() != null) {
      return new Expr.AsnItem(expr(c.expr()));
    }
    return new Expr.AsnSetItem(c.set_item().stream().map(this::setItem).toList());
  }

  private Expr symbolRef(String n, SourceRef w) {
    for (Set<String> s : scopes) {
      if (s.contains(n)) {
        return new Expr.Ref(n, Expr.RefKind.VARIABLE);
      }
    }
    if (constants.contains(n)) {
      return new Expr.Ref(n, Expr.RefKind.CONSTANT);
    }
    if (ENUM_PREFIXES.stream().anyMatch(n::startsWith)) {
      return new Expr.Ref(n, Expr.RefKind.ENUM);
    }
    pc.configError(w, "unknown symbol " + n + " (BIRD: syntax error, unexpected CF_SYM_UNDEFINED)");
    return new Expr.Ref(n, Expr.RefKind.UNKNOWN);
  }

  private Expr.SetItem setItem(Set_itemContext c) {
    SourceRef w = ref(c);
    if (c instanceof Si_prefixContext p) {
      IpPrefix px = prefix(p.prefix_literal());
      int max = px.network().bits();
      int lo = px.length();
      int hi = px.length();
      if (p.PLUS() != null) {
        hi = max;
      } else if (p.MINUS() != null) {
        lo = 0;
      } else if (p.LBRACE() != null) {
        lo = (int) number(p.DEC(0).getText(), w);
        hi = (int) number(p.DEC(1).getText(), w);
        // filter/config.Y fprefix: only lo > hi or hi > maxlen is an error (lab: {4,24} on a /8 is accepted)
        if (lo > hi || hi > max) {
          pc.configError(w, "Invalid prefix pattern range: {" + lo + ", " + hi + "}");
        }
      }
      return new Expr.PrefixPattern(px, lo, hi);
    }
    if (c instanceof Si_pairContext p) {
      return new Expr.PairItem(p.pair_part().stream()
          .map(e -> new Expr.ValueItem(setElem(e.set_elem(0)), e.set_elem().size() > 1 ? setElem(e.set_elem(1)) : null)).toList());
    }
    Si_valueContext v = (Si_valueContext) c;
    return new Expr.ValueItem(setElem(v.set_elem(0)), v.set_elem().size() > 1 ? setElem(v.set_elem(1)) : null);
  }

  /** A set element; {@code null} for `*`. */
  private Expr setElem(Set_elemContext e) {
    SourceRef w = ref(e);
    if (e.STAR() != null) {
      return null;
    }
    if (e.DEC() != null) {
      return new Expr.IntLit(number(e.getText(), w));
    }
    if (e.HEXNUM() != null) {
      return new Expr.IntLit(Long.parseLong(e.getText().substring(2), 16));
    }
    if (e.IPV4_ADDR() != null || e.IPV6_ADDR() != null) {
      return new Expr.IpLit(IpAddr.parse(e.getText()));
    }
    if (e.name() != null) {
      return symbolRef(name(e.name()), w);
    }
    return expr(e.expr());
  }

  /** A prefix literal; host bits set is a BIRD config error (conf/confbase.Y net_ip4_/net_ip6_). */
  IpPrefix prefix(Prefix_literalContext p) {
    SourceRef w = ref(p);
    IpAddr a = IpAddr.parse(p.getChild(0).getText());
    int len = (int) number(p.DEC().getText(), w);
    if (len > a.bits()) {
      pc.configError(w, "Invalid " + (a.v6() ? "IPv6" : "IPv4") + " prefix length " + len);
      len = a.bits();
    }
    IpAddr n = a.mask(len);
    if (!n.equals(a)) {
      pc.configError(w, "Invalid " + (a.v6() ? "IPv6" : "IPv4") + " prefix " + a + "/" + len + ", maybe you wanted " + n + "/" + len);
    }
    return new IpPrefix(n, len);
  }

  long number(String text, SourceRef w) {
    try {
      long v = Long.parseLong(text);
      if (v > 0xffffffffL) {
        pc.configError(w, "Number out of range: " + text);
      }
      return v;
    } catch (NumberFormatException e) {
      pc.configError(w, "Number out of range: " + text);
      return 0;
    }
  }

  static List<ParseTree> children(ParserRuleContext c) {
    return c.children == null ? List.of() : c.children;
  }

  static boolean isToken(ParseTree t, int type) {
    return t instanceof TerminalNode n && n.getSymbol().getType() == type;
  }
}
