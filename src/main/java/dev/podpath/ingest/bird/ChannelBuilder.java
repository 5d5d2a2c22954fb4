package dev.podpath.ingest.bird;

import static dev.podpath.ingest.bird.ConfigBuilder.bool;
import static dev.podpath.ingest.bird.ConfigBuilder.words;
import static dev.podpath.ingest.bird.ParseContext.ref;

import dev.podpath.core.SourceRef;
import dev.podpath.core.net.IpAddr;
import dev.podpath.ingest.bird.BirdParser.*;
import java.util.List;
import java.util.Map;
import org.antlr.v4.runtime.ParserRuleContext;

/** Channel blocks (`ipv4 { ... };`) of any protocol: nest/config.Y channel_item_, proto/bgp/config.Y bgp_channel_item. */
final class ChannelBuilder {

  private final ParseContext pc;
  private final FilterBuilder fb;
  private final ConstEval ce;
  private final Map<String, BirdConfig.FilterDef> filters;
  private final List<BirdConfig.TableDef> tables;

  ChannelBuilder(ParseContext pc, FilterBuilder fb, ConstEval ce, Map<String, BirdConfig.FilterDef> filters,
      List<BirdConfig.TableDef> tables) {
    this.pc = pc;
    this.fb = fb;
    this.ce = ce;
    this.filters = filters;
    this.tables = tables;
  }

  void channel(ProtocolDraft d, P_channelContext c) {
    String nettype = c.nettype().getText();
    if (c.WORD() != null) {
      nettype = nettype + " " + c.WORD().getText();
    }
    SourceRef w = ref(c);
    ProtocolDraft.ChannelDraft ch = d.channels.computeIfAbsent(nettype, n -> new ProtocolDraft.ChannelDraft(n, w));
    ch.where = w;
    if (!nettype.equals("ipv4") && !nettype.equals("ipv6")) {
      pc.ignored(w, "channel " + nettype);
    }
    for (C_itemContext item : c.c_item()) {
      channelItem(d, ch, (ParserRuleContext) item.getChild(0));
    }
  }

  private void channelItem(ProtocolDraft d, ProtocolDraft.ChannelDraft ch, ParserRuleContext i) {
    SourceRef w = ref(i);
    if (i instanceof C_tableContext t) {
      ch.table = FilterBuilder.name(t.name());
      boolean known = ch.table.equals("master4") || ch.table.equals("master6")
          || tables.stream().anyMatch(td -> td.name().equals(ch.table));
      if (!known) {
        // lab 2026-11-26: "syntax error, unexpected CF_SYM_UNDEFINED, expecting CF_SYM_KNOWN"
        pc.configError(w, "table " + ch.table + " is not defined before this line (add `" + ch.nettype + " table " + ch.table + ";`)");
      }
    } else if (i instanceof C_importContext im) {
      ch.importPolicy = policy(im.imexport(), w);
    } else if (i instanceof C_exportContext ex) {
      ch.exportPolicy = policy(ex.imexport(), w);
    } else if (i instanceof C_import_limitContext l) {
      ch.importLimit = l.DEC() == null ? null : fb.number(l.DEC().getText(), w);
    } else if (i instanceof C_export_limitContext l) {
      ch.exportLimit = l.DEC() == null ? null : fb.number(l.DEC().getText(), w);
    } else if (i instanceof C_preferenceContext p) {
      long v = ce.integer(p.const_int());
      if (v > 0xFFFF) {
        pc.configError(w, "Preference must be in range 0-65535");
      }
      ch.preference = (int) v;
    } else if (i instanceof C_next_hop_selfContext n) {
      requireBgp(d, w, "next hop self");
      ch.nextHopSelf = scope(n.bool_value(), n.IBGP() != null, n.EBGP() != null);
      ch.nextHopSelfWhere = w;
    } else if (i instanceof C_next_hop_keepContext n) {
      requireBgp(d, w, "next hop keep");
      ch.nextHopKeep = scope(n.bool_value(), n.IBGP() != null, n.EBGP() != null);
    } else if (i instanceof C_next_hop_addressContext n) {
      requireBgp(d, w, "next hop address");
      ch.nextHopAddress = IpAddr.parse(n.getChild(3).getText());
    } else if (i instanceof C_gatewayContext g) {
      requireBgp(d, w, "gateway");
      ch.gateway = g.DIRECT() != null ? Channel.Gateway.DIRECT : Channel.Gateway.RECURSIVE;
      ch.gatewayWhere = w;
    } else if (i instanceof C_extended_next_hopContext e) {
      requireBgp(d, w, "extended next hop");
      ch.extendedNextHop = bool(e.bool_value());
    } else if (i instanceof C_add_pathsContext a) {
      requireBgp(d, w, "add paths");
      ch.addPaths = a.RX() != null ? "rx" : a.TX() != null ? "tx" : bool(a.bool_value()) ? "on" : "off";
    } else if (i instanceof C_igp_tableContext t) {
      ch.igpTable = FilterBuilder.name(t.name());
    } else if (i instanceof C_option_nullContext o) {
      String text = o.getStart().getTokenSource() == null ? "" : words(o);
      if (text.startsWith("require add paths")) {
        // proto/bgp/config.Y: REQUIRE ADD PATHS appears in v2.15
        pc.needsVersion(w, "`require add paths`", 15);
      }
    } else if (i instanceof C_unrecognizedContext) {
      pc.unrecognized(i, "channel option");
    }
    // c_receive_limit, c_import_keep_filtered_null, c_empty: parsed, no effect on outcomes
  }

  private void requireBgp(ProtocolDraft d, SourceRef w, String what) {
    if (!d.type.equals("bgp")) {
      pc.configError(w, "`" + what + "` is a BGP channel option (syntax error in a " + d.type + " protocol)");
    }
  }

  private Channel.NextHopScope scope(Bool_valueContext b, boolean ibgp, boolean ebgp) {
    if (ibgp) {
      return Channel.NextHopScope.IBGP;
    }
    if (ebgp) {
      return Channel.NextHopScope.EBGP;
    }
    return bool(b) ? Channel.NextHopScope.ALL : Channel.NextHopScope.OFF;
  }

  private Policy policy(ImexportContext c, SourceRef w) {
    if (c instanceof Ie_allContext) {
      return new Policy.All(w);
    }
    if (c instanceof Ie_noneContext) {
      return new Policy.None(w);
    }
    if (c instanceof Ie_filter_nameContext n) {
      String name = FilterBuilder.name(n.name());
      if (!filters.containsKey(name)) {
        pc.configError(w, "filter " + name + " is not defined before this line (BIRD: syntax error, unexpected CF_SYM_UNDEFINED)");
      }
      return new Policy.Named(name, w);
    }
    if (c instanceof Ie_filter_inlineContext f) {
      return new Policy.Inline(fb.body(f.filter_body(), List.of()), w);
    }
    return new Policy.Where(fb.expr(((Ie_whereContext) c).expr()), w);
  }
}
