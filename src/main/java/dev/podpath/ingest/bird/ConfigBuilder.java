package dev.podpath.ingest.bird;

import static dev.podpath.ingest.bird.ParseContext.ref;

import dev.podpath.core.SourceRef;
import dev.podpath.core.net.IpAddr;
import dev.podpath.core.net.IpPrefix;
import dev.podpath.ingest.bird.BirdParser.*;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.tree.ParseTree;
import org.antlr.v4.runtime.tree.TerminalNode;

/** Walks the parse tree of one config into a {@link BirdConfig}. */
final class ConfigBuilder {

  private final ParseContext pc;
  private final String file;
  private final Set<String> constants = new HashSet<>();
  private final Set<String> functionNames = new HashSet<>();
  private final FilterBuilder fb;
  private final ConstEval ce;
  private final ChannelBuilder channels;
  private IpAddr routerId;
  private List<InterfacePattern> routerIdFrom = List.of();
  private SourceRef routerIdWhere;
  private final Map<String, BirdConfig.Definition> definitions = new LinkedHashMap<>();
  private final Map<String, BirdConfig.FilterDef> filters = new LinkedHashMap<>();
  private final Map<String, BirdConfig.FunctionDef> functions = new LinkedHashMap<>();
  private final List<BirdConfig.TableDef> tables = new ArrayList<>();
  private final Map<String, ProtocolDraft> drafts = new HashMap<>();
  private final Map<String, Protocol> templates = new LinkedHashMap<>();
  private final List<Protocol> protocols = new ArrayList<>();
  private final Map<String, Integer> autoNames = new HashMap<>();
  int recognized;

  ConfigBuilder(ParseContext pc, String file) {
    this.pc = pc;
    this.file = file;
    this.fb = new FilterBuilder(pc, constants, functionNames);
    this.ce = new ConstEval(pc, definitions);
    this.channels = new ChannelBuilder(pc, fb, ce, filters, tables);
  }

  BirdConfig build(Bird_configContext root) {
    for (StatementContext s : root.statement()) {
      try {
        statement((ParserRuleContext) s.getChild(0));
      } catch (RuntimeException e) {
        // a statement damaged by syntax error recovery: keep the rest of the file
        recognized--;
        pc.unrecognized(s, "statement damaged by a syntax error");
      }
    }
    for (Protocol p : protocols) {
      if (p instanceof BgpProtocol b) {
        BgpConfigChecks.check(b, pc);
      }
    }
    if (protocols.isEmpty()) {
      // lab 2026-11-26, bird 2.0.12 `bird -p`: "No protocol is specified in the config file"
      pc.configError(SourceRef.of(file, 1), "No protocol is specified in the config file");
    }
    return new BirdConfig(file, routerId, routerIdFrom, routerIdWhere, definitions, filters, functions, tables,
        templates, protocols, pc.version);
  }

  private void statement(ParserRuleContext c) {
    SourceRef w = ref(c);
    if (!(c instanceof S_unrecognizedContext) && !(c instanceof S_emptyContext)) {
      recognized++;
    }
    if (c instanceof S_router_idContext r) {
      routerIdWhere = w;
      if (r.IPV4_ADDR() != null) {
        routerId = IpAddr.parse(r.IPV4_ADDR().getText());
      } else if (r.DEC() != null) {
        long v = fb.number(r.DEC().getText(), w);
        routerId = new IpAddr(false, 0, v);
      } else {
        routerIdFrom = interfaces(r.iface_patt_list());
      }
    } else if (c instanceof S_defineContext d) {
      String n = FilterBuilder.name(d.name());
      if (constants.contains(n)) {
        pc.configError(w, "symbol " + n + " already defined");
      }
      Expr v = fb.expr(d.expr());
      constants.add(n);
      definitions.put(n, new BirdConfig.Definition(n, v, w));
    } else if (c instanceof S_tableContext t) {
      tables.add(new BirdConfig.TableDef(t.nettype().getText(), FilterBuilder.name(t.name()), w));
    } else if (c instanceof S_filterContext f) {
      String n = FilterBuilder.name(f.name());
      filters.put(n, new BirdConfig.FilterDef(n, fb.body(f.filter_body(), List.of()), w));
    } else if (c instanceof S_functionContext f) {
      String n = FilterBuilder.name(f.name());
      functionNames.add(n);
      if (f.ARROW() != null) {
        pc.needsVersion(w, "a function return type `-> type`", 14);
      }
      List<String> params = f.f_arg().stream().map(a -> FilterBuilder.name(a.name())).toList();
      functions.put(n, new BirdConfig.FunctionDef(n, params, fb.body(f.filter_body(), params), w));
    } else if (c instanceof S_protocolContext p) {
      protocol(p);
    } else if (c instanceof S_protocol_otherContext p) {
      pc.ignored(w, "protocol " + p.WORD().getText());
    } else if (c instanceof S_includeContext) {
      pc.unrecognized(c, "include (not at the start of a statement)");
    } else if (c instanceof S_unrecognizedContext) {
      pc.unrecognized(c, "statement");
    }
    // s_log_null, s_debug_null, s_timeformat_null, s_attribute_null, s_empty: parsed, no effect
  }

  private List<InterfacePattern> interfaces(Iface_patt_listContext l) {
    List<InterfacePattern> out = new ArrayList<>();
    for (Iface_pattContext p : l.iface_patt()) {
      String n = p.STRING() == null ? null : unquote(p.STRING().getText());
      IpPrefix px = p.prefix_literal() == null ? null : fb.prefix(p.prefix_literal());
      out.add(new InterfacePattern(p.MINUS() != null, n, px));
    }
    return out;
  }

  static String unquote(String s) {
    return s.length() >= 2 && s.startsWith("\"") ? s.substring(1, s.length() - 1) : s;
  }

  // ---- protocols --------------------------------------------------------------------------

  private void protocol(S_protocolContext p) {
    SourceRef w = ref(p);
    boolean template = p.TEMPLATE() != null;
    String type = p.getChild(1).getText();
    ProtocolDraft d = null;
    if (p.from_template() != null) {
      String from = FilterBuilder.name(p.from_template().name());
      ProtocolDraft parent = drafts.get(from);
      if (parent == null) {
        pc.configError(ref(p.from_template()), "Template or protocol name expected: " + from + " is not defined before");
      } else if (!parent.type.equals(type)) {
        pc.configError(ref(p.from_template()), "Inheriting from a protocol of a different type (" + parent.type + ")");
      } else {
        d = parent.copy();
        d.lines.clear();
        d.lines.putAll(parent.lines);
      }
      if (d != null) {
        d.template = from;
      }
    }
    if (d == null) {
      d = new ProtocolDraft(type);
      d.template = p.from_template() == null ? null : FilterBuilder.name(p.from_template().name());
    }
    d.where = w;
    if (p.name() != null) {
      d.name = FilterBuilder.name(p.name());
    } else if (template) {
      pc.configError(w, "a template needs a name");
      d.name = "template" + w.line();
    } else {
      // nest/config.Y proto_name: unnamed protocols are named <type><n>, n counting from 1
      int n = autoNames.merge(type, 1, Integer::sum);
      d.name = type + n;
    }
    if (drafts.containsKey(d.name)) {
      pc.configError(w, "symbol " + d.name + " already defined (protocol and template names share one namespace)");
    }
    final ProtocolDraft draft = d;
    switch (type) {
      case "device" -> p.p_device_item().forEach(i -> deviceItem(draft, i));
      case "direct" -> p.p_direct_item().forEach(i -> directItem(draft, i));
      case "kernel" -> p.p_kernel_item().forEach(i -> kernelItem(draft, i));
      case "static" -> p.p_static_item().forEach(i -> staticItem(draft, i));
      case "bgp" -> p.p_bgp_item().forEach(i -> bgpItem(draft, i));
      default -> throw new IllegalStateException(type);
    }
    drafts.put(d.name, d);
    Protocol built = d.build();
    if (template) {
      templates.put(d.name, built);
    } else {
      protocols.add(built);
      protocolChecks(built, d);
    }
  }

  private void protocolChecks(Protocol p, ProtocolDraft d) {
    if (p instanceof KernelProtocol k && k.channels().size() != 1) {
      // sysdep/unix/krt.c krt_postconfig / nest/proto.c: a kernel protocol has exactly one channel
      pc.configError(k.where(), k.channels().isEmpty() ? "Channel not specified" : "Multiple channels not supported");
    }
    if (p instanceof StaticProtocol s && s.channels().isEmpty()) {
      pc.configError(s.where(), "Channel not specified");
    }
    if (p instanceof StaticProtocol s && s.channels().size() == 1) {
      Channel c = s.channels().get(0);
      for (StaticRoute r : s.routes()) {
        // proto/static/static.c static_postconfig; lab: "Route 10.0.0.0/8 incompatible with channel type"
        if ((c.nettype().equals("ipv4") && r.prefix().v6()) || (c.nettype().equals("ipv6") && !r.prefix().v6())) {
          pc.configError(r.where(), "Route " + r.prefix() + " incompatible with channel type");
        }
      }
    }
  }

  private boolean common(ProtocolDraft d, P_commonContext c) {
    if (c == null) {
      return false;
    }
    ParserRuleContext i = (ParserRuleContext) c.getChild(0);
    SourceRef w = ref(i);
    if (i instanceof P_disabledContext x) {
      d.disabled = bool(x.bool_value());
    } else if (i instanceof P_channelContext ch) {
      channels.channel(d, ch);
    } else if (i instanceof P_vrfContext) {
      pc.ignored(w, "vrf");
    } else if (i instanceof P_router_idContext) {
      d.lines.put("router id", w);
    }
    return true;
  }

  private void deviceItem(ProtocolDraft d, P_device_itemContext i) {
    if (common(d, i.p_common())) {
      return;
    }
    if (i.d_scan_time() != null) {
      d.scanTime = (int) fb.number(i.d_scan_time().DEC().getText(), ref(i));
    } else if (i.p_unrecognized() != null) {
      pc.unrecognized(i, "device protocol option");
    }
  }

  private void directItem(ProtocolDraft d, P_direct_itemContext i) {
    if (common(d, i.p_common())) {
      return;
    }
    if (i.di_interface() != null) {
      d.interfaces = interfaces(i.di_interface().iface_patt_list());
      d.lines.put("interface", ref(i));
    } else if (i.p_unrecognized() != null) {
      pc.unrecognized(i, "direct protocol option");
    }
  }

  private void kernelItem(ProtocolDraft d, P_kernel_itemContext i) {
    if (common(d, i.p_common())) {
      return;
    }
    SourceRef w = ref(i);
    if (i.k_learn() != null) {
      K_learnContext l = i.k_learn();
      d.lines.put("learn", w);
      if (l.ALL() != null) {
        // sysdep/unix/krt.Y: `learn all` (KRT_LEARN_ALL) since v2.14
        pc.needsVersion(w, "`learn all`", 14);
        d.learn = KernelProtocol.Learn.ALL;
      } else {
        d.learn = bool(l.bool_value()) ? KernelProtocol.Learn.ALIEN : KernelProtocol.Learn.OFF;
      }
    } else if (i.k_persist() != null) {
      d.persist = bool(i.k_persist().bool_value());
    } else if (i.k_scan_time() != null) {
      d.scanTime = (int) fb.number(i.k_scan_time().DEC().getText(), w);
    } else if (i.k_merge_paths() != null) {
      d.mergePaths = bool(i.k_merge_paths().bool_value());
      d.mergePathsLimit = i.k_merge_paths().DEC() == null ? null : (int) fb.number(i.k_merge_paths().DEC().getText(), w);
      d.lines.put("merge paths", w);
    } else if (i.k_kernel_table() != null) {
      d.kernelTable = (int) fb.number(i.k_kernel_table().DEC().getText(), w);
      d.lines.put("kernel table", w);
    } else if (i.k_metric() != null) {
      d.metric = (int) fb.number(i.k_metric().DEC().getText(), w);
      d.lines.put("metric", w);
    } else if (i.p_unrecognized() != null) {
      pc.unrecognized(i, "kernel protocol option");
    }
  }

  private void staticItem(ProtocolDraft d, P_static_itemContext i) {
    if (common(d, i.p_common())) {
      return;
    }
    SourceRef w = ref(i);
    if (i.st_route() != null) {
      St_routeContext r = i.st_route();
      IpPrefix px = fb.prefix(r.prefix_literal());
      List<Stmt> attrs = fb.statements(r.f_statement());
      StaticRoute route;
      St_destContext dest = r.st_dest();
      if (dest instanceof St_dest_viaContext v) {
        List<StaticRoute.Via> vias = new ArrayList<>();
        for (St_viaContext via : v.st_via()) {
          vias.add(via(via));
        }
        route = new StaticRoute(px, StaticRoute.Kind.VIA, vias, null, attrs, w);
      } else if (dest instanceof St_dest_recursiveContext rc) {
        route = new StaticRoute(px, StaticRoute.Kind.RECURSIVE, List.of(), IpAddr.parse(rc.getChild(1).getText()), attrs, w);
      } else if (dest instanceof St_dest_blackholeContext) {
        route = new StaticRoute(px, StaticRoute.Kind.BLACKHOLE, List.of(), null, attrs, w);
      } else if (dest instanceof St_dest_unreachableContext) {
        route = new StaticRoute(px, StaticRoute.Kind.UNREACHABLE, List.of(), null, attrs, w);
      } else {
        route = new StaticRoute(px, StaticRoute.Kind.PROHIBIT, List.of(), null, attrs, w);
      }
      d.routes.add(route);
    } else if (i.st_igp_table() != null) {
      d.lines.put("igp table", w);
    } else if (i.p_unrecognized() != null) {
      pc.unrecognized(i, "static protocol option");
    }
  }

  private StaticRoute.Via via(St_viaContext v) {
    IpAddr gw = null;
    String iface = null;
    if (v.STRING() != null) {
      iface = unquote(v.STRING().getText());
    } else {
      gw = IpAddr.parse(v.getChild(1).getText());
      if (v.name() != null) {
        iface = FilterBuilder.name(v.name());
      }
    }
    boolean onlink = v.ONLINK() != null && !v.ONLINK().isEmpty();
    int weight = v.WEIGHT().isEmpty() ? 1 : (int) fb.number(v.DEC(0).getText(), ref(v));
    return new StaticRoute.Via(gw, iface, onlink, weight);
  }

  // ---- BGP --------------------------------------------------------------------------------

  private void bgpItem(ProtocolDraft d, P_bgp_itemContext i) {
    if (common(d, i.p_common())) {
      return;
    }
    ParserRuleContext x = (ParserRuleContext) i.getChild(0);
    SourceRef w = ref(x);
    if (x instanceof B_localContext l) {
      d.lines.put("local", w);
      List<ParseTree> ch = FilterBuilder.children(l);
      for (int k = 1; k < ch.size(); k++) {
        ParseTree t = ch.get(k);
        if (FilterBuilder.isToken(t, BirdLexer.IPV4_ADDR) || FilterBuilder.isToken(t, BirdLexer.IPV6_ADDR)) {
          d.localAddress = IpAddr.parse(t.getText());
        } else if (FilterBuilder.isToken(t, BirdLexer.PORT)) {
          d.localPort = (int) ce.integer((Const_intContext) ch.get(++k));
        } else if (FilterBuilder.isToken(t, BirdLexer.AS)) {
          d.localAs = ce.integer((Const_intContext) ch.get(++k));
        }
      }
    } else if (x instanceof B_neighborContext n) {
      if (!d.own.add("neighbor")) {
        // proto/bgp/config.Y bgp_proto NEIGHBOR: "Only one neighbor per BGP instance is allowed"
        pc.configError(w, "Only one neighbor per BGP instance is allowed");
      }
      d.lines.put("neighbor", w);
      d.neighborRange = null;
      List<ParseTree> ch = FilterBuilder.children(n);
      for (int k = 1; k < ch.size(); k++) {
        ParseTree t = ch.get(k);
        if (FilterBuilder.isToken(t, BirdLexer.IPV4_ADDR) || FilterBuilder.isToken(t, BirdLexer.IPV6_ADDR)) {
          d.neighborAddress = IpAddr.parse(t.getText());
        } else if (t instanceof NameContext nm) {
          d.neighborInterface = FilterBuilder.name(nm);
        } else if (FilterBuilder.isToken(t, BirdLexer.PORT)) {
          d.neighborPort = (int) ce.integer((Const_intContext) ch.get(++k));
        } else if (FilterBuilder.isToken(t, BirdLexer.AS)) {
          d.remoteAs = ce.integer((Const_intContext) ch.get(++k));
        } else if (FilterBuilder.isToken(t, BirdLexer.INTERNAL)) {
          d.peerType = BgpProtocol.PeerType.INTERNAL;
        } else if (FilterBuilder.isToken(t, BirdLexer.EXTERNAL)) {
          d.peerType = BgpProtocol.PeerType.EXTERNAL;
        }
      }
    } else if (x instanceof B_neighbor_rangeContext n) {
      if (!d.own.add("neighbor")) {
        pc.configError(w, "Only one neighbor per BGP instance is allowed");
      }
      d.lines.put("neighbor", w);
      d.neighborRange = fb.prefix(n.prefix_literal());
      d.neighborAddress = null;
      List<ParseTree> ch = FilterBuilder.children(n);
      for (int k = 2; k < ch.size(); k++) {
        ParseTree t = ch.get(k);
        if (FilterBuilder.isToken(t, BirdLexer.PORT)) {
          d.neighborPort = (int) ce.integer((Const_intContext) ch.get(++k));
        } else if (FilterBuilder.isToken(t, BirdLexer.AS)) {
          d.remoteAs = ce.integer((Const_intContext) ch.get(++k));
        } else if (FilterBuilder.isToken(t, BirdLexer.INTERNAL)) {
          d.peerType = BgpProtocol.PeerType.INTERNAL;
        } else if (FilterBuilder.isToken(t, BirdLexer.EXTERNAL)) {
          d.peerType = BgpProtocol.PeerType.EXTERNAL;
        }
      }
    } else if (x instanceof B_passiveContext p) {
      d.passive = bool(p.bool_value());
      d.lines.put("passive", w);
    } else if (x instanceof B_multihopContext m) {
      // proto/bgp/config.Y: `multihop` alone = TTL 64; `multihop N` needs 1..255
      int ttl = m.const_int() == null ? 64 : (int) ce.integer(m.const_int());
      if (ttl < 1 || ttl > 255) {
        pc.configError(w, "Multihop must be in range 1-255");
      }
      d.multihop = ttl;
      d.lines.put("multihop", w);
    } else if (x instanceof B_directContext) {
      d.multihop = 0;
      d.lines.put("multihop", w);
    } else if (x instanceof B_interfaceContext f) {
      d.interfaceName = unquote(f.STRING().getText());
      d.lines.put("interface", w);
    } else if (x instanceof B_source_addressContext s) {
      d.sourceAddress = IpAddr.parse(s.getChild(2).getText());
      d.lines.put("source address", w);
    } else if (x instanceof B_hold_timeContext h) {
      d.holdTime = (int) ce.integer(h.const_int());
      if (d.holdTime != 0 && (d.holdTime < 3 || d.holdTime > 65535)) {
        pc.configError(w, "Hold time must be in range 3-65535 or zero");
      }
    } else if (x instanceof B_keepalive_timeContext k) {
      d.keepaliveTime = (int) ce.integer(k.const_int());
    } else if (x instanceof B_connect_retry_timeContext k) {
      d.connectRetryTime = (int) ce.integer(k.const_int());
    } else if (x instanceof B_rr_clientContext r) {
      d.rrClient = bool(r.bool_value());
      d.lines.put("rr client", w);
    } else if (x instanceof B_allow_local_asContext a) {
      d.allowLocalAs = a.const_int() == null ? -1 : (int) ce.integer(a.const_int());
      d.lines.put("allow local as", w);
    } else if (x instanceof B_passwordContext p) {
      d.password = unquote(p.STRING().getText());
      d.lines.put("password", w);
    } else if (x instanceof B_defaultContext def) {
      String attr = def.WORD().getText();
      long v = ce.integer(def.const_int());
      if (attr.equals("bgp_local_pref")) {
        d.defaultLocalPref = v;
      } else if (attr.equals("bgp_med")) {
        d.defaultMed = v;
      } else {
        pc.unrecognized(x, "BGP option");
      }
      d.lines.put("default " + attr, w);
    } else if (x instanceof B_option_nullContext) {
      String words = words(x);
      d.lines.put(x.getChild(0).getText(), w);
      // options that change route selection or export but are not modelled: say so (fidelity rule 2)
      for (String outcome : List.of("med metric", "igp metric", "path metric", "prefer older", "deterministic med",
          "interpret communities", "rs client", "rr cluster id", "confederation", "allow as sets", "enforce first as")) {
        if (words.startsWith(outcome) && !words.matches(outcome + " (off|no|false|0) ;")) {
          pc.ignored(w, "BGP option `" + outcome + "`");
        }
      }
    } else if (x instanceof B_check_link_nullContext) {
      d.lines.put("check link", w);
    } else if (x instanceof P_unrecognizedContext) {
      pc.unrecognized(x, "BGP option");
    }
  }

  /** conf/confbase.Y bool: empty means on; on/yes/true or a non-zero number. */
  static boolean bool(Bool_valueContext b) {
    if (b == null) {
      return true;
    }
    String t = b.getText();
    return switch (t) {
      case "on", "yes", "true" -> true;
      case "off", "no", "false" -> false;
      default -> !t.equals("0");
    };
  }

  /** The tokens of a rule joined by single spaces. */
  static String words(ParserRuleContext c) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < c.getChildCount(); i++) {
      ParseTree t = c.getChild(i);
      sb.append(sb.length() > 0 ? " " : "").append(t instanceof ParserRuleContext r ? words(r) : t.getText());
    }
    return sb.toString();
  }

  static boolean isToken(ParseTree t, int type) {
    return t instanceof TerminalNode n && n.getSymbol().getType() == type;
  }
}
