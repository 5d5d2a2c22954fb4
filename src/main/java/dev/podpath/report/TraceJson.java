package dev.podpath.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.podpath.analysis.TraceResult;
import dev.podpath.core.SourceRef;
import dev.podpath.dataplane.FlowSpec;
import dev.podpath.dataplane.FlowTrace;
import dev.podpath.dataplane.Packet;
import dev.podpath.dataplane.PathTrace;
import dev.podpath.dataplane.Service;
import dev.podpath.dataplane.Step;
import java.util.List;
import java.util.Locale;
import java.util.function.UnaryOperator;

/**
 * `podpath trace --format json`: {"from","to","works","working","paths","flows":[{"label","flow",
 * "service","disposition","works","working","total","summary","paths":[{"backend","works",
 * "disposition","endedIn","endedAt","summary","forward":[step],"reply":[step]}]}],"notes":[finding]}
 * with every step in full (direction, host, kind, actor, rule, before, after, rewrote, file, line).
 */
public final class TraceJson {

  private TraceJson() {}

  public static String render(TraceResult r) {
    return Json.write(node(r, UnaryOperator.identity()));
  }

  public static ObjectNode node(TraceResult r, UnaryOperator<SourceRef> refs) {
    ObjectNode root = Json.object();
    root.put("from", r.from());
    root.put("to", r.to());
    root.put("works", r.works());
    root.put("working", r.workingPaths());
    root.put("paths", r.paths());
    ArrayNode flows = root.putArray("flows");
    for (TraceResult.TracedFlow f : r.flows()) {
      flows.add(flow(f, refs));
    }
    root.set("notes", Json.findings(r.notes()));
    return root;
  }

  private static ObjectNode flow(TraceResult.TracedFlow f, UnaryOperator<SourceRef> refs) {
    FlowTrace t = f.trace();
    ObjectNode o = Json.object();
    o.put("label", f.label());
    FlowSpec spec = t.flow();
    ObjectNode fo = o.putObject("flow");
    fo.put("source", spec.source().toString());
    fo.put("dst", spec.dst().toString());
    fo.put("dstPort", spec.dstPort());
    fo.put("protocol", spec.protocol().name());
    fo.put("srcPort", spec.srcPort());
    if (t.service() == null) {
      o.putNull("service");
    } else {
      o.put("service", t.service().name());
    }
    o.put("disposition", t.disposition().name());
    o.put("works", t.works());
    o.put("working", t.workingPaths());
    o.put("total", t.paths().size());
    o.put("summary", t.summary());
    ArrayNode paths = o.putArray("paths");
    for (PathTrace p : t.paths()) {
      ObjectNode po = paths.addObject();
      Service.Backend b = p.backend();
      if (b == null) {
        po.putNull("backend");
      } else {
        ObjectNode bo = po.putObject("backend");
        bo.put("name", b.name());
        bo.put("address", b.address().toString());
        bo.put("port", b.port());
        bo.put("node", b.node());
        bo.put("hostNetwork", b.hostNetwork());
      }
      po.put("works", p.works());
      po.put("disposition", p.disposition().name());
      po.put("endedIn", p.endedIn().name().toLowerCase(Locale.ROOT));
      po.put("endedAt", p.endedAt());
      po.put("summary", p.summary());
      po.set("forward", steps(p.forward(), refs));
      po.set("reply", steps(p.reply(), refs));
    }
    return o;
  }

  static ArrayNode steps(List<Step> steps, UnaryOperator<SourceRef> refs) {
    ArrayNode a = Json.array();
    for (Step s : steps) {
      ObjectNode o = a.addObject();
      o.put("direction", s.direction().name().toLowerCase(Locale.ROOT));
      o.put("host", s.host());
      o.put("kind", s.kind().name().toLowerCase(Locale.ROOT));
      o.put("actor", s.actor());
      o.put("rule", s.rule());
      o.set("before", packet(s.before()));
      o.set("after", packet(s.after()));
      o.put("rewrote", s.rewrote());
      SourceRef w = refs.apply(s.where());
      o.put("file", w.file());
      o.put("line", w.line());
    }
    return a;
  }

  private static ObjectNode packet(Packet p) {
    ObjectNode o = Json.object();
    o.put("src", p.src().toString());
    o.put("srcPort", p.srcPort());
    o.put("dst", p.dst().toString());
    o.put("dstPort", p.dstPort());
    o.put("protocol", p.protocol().name());
    return o;
  }
}
