package dev.podpath.analysis.intent;

import dev.podpath.core.Finding;
import dev.podpath.core.Severity;
import dev.podpath.dataplane.Direction;
import dev.podpath.dataplane.Disposition;
import dev.podpath.dataplane.FlowTrace;
import dev.podpath.dataplane.PathTrace;
import dev.podpath.dataplane.Step;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Evaluates flow intents with a {@link FlowRunner}. {@code reachable} holds when every path of
 * every concrete flow works (every backend answers); {@code blocked} when no path works. A failing
 * intent gets one error finding per cause and host, its code chosen from how the failing paths
 * ended (docs/intents.md, "Findings"). Session intents are skipped: the caller evaluates them
 * against the BGP engine.
 */
public final class IntentEvaluator {

  public static final String UNREACHABLE = "intent/unreachable";
  public static final String NOT_BLOCKED = "intent/not-blocked";
  public static final String NO_RETURN_PATH = "route/no-return-path";
  public static final String ROUTE_MISSING = "route/missing";
  public static final String NO_BACKENDS = "service/no-backends";
  public static final String REPLY_NOT_REVERSE_NATED = "nat/reply-not-reverse-nated";

  /** Dispositions that mean "no usable route" wherever the packet was. */
  static final Set<Disposition> ROUTING = EnumSet.of(Disposition.NO_ROUTE, Disposition.FIB_LOOKUP_FAILED,
      Disposition.NULL_ROUTED, Disposition.EXITS_NETWORK, Disposition.STALE_OR_UNROUTABLE_IP);

  private final IntentResolver resolver;

  public IntentEvaluator(IntentResolver resolver) {
    this.resolver = resolver;
  }

  /** Resolves and evaluates every flow intent, in order. */
  public List<IntentResult> evaluate(List<Intent> intents, FlowRunner runner) {
    List<IntentResult> out = new ArrayList<>();
    for (Intent i : intents) {
      if (i instanceof FlowIntent f) {
        out.add(evaluate(resolver.resolve(f), runner));
      }
    }
    return out;
  }

  /** Evaluates one resolved intent. */
  public static IntentResult evaluate(ResolvedIntent r, FlowRunner runner) {
    FlowIntent intent = r.intent();
    List<Finding> findings = new ArrayList<>(r.findings());
    if (r.flows().isEmpty()) {
      return new IntentResult(intent.name(), Verdict.NO_FLOWS, intent.description(), List.of(), intent.where(), findings);
    }
    boolean blocked = intent.expect() == Expectation.BLOCKED;
    List<FlowOutcome> outcomes = new ArrayList<>();
    // (code, host) -> problem lines, in order of appearance
    Map<List<String>, List<String>> causes = new LinkedHashMap<>();
    for (ResolvedFlow rf : r.flows()) {
      FlowTrace t = runner.trace(rf.flow());
      List<String> problems = new ArrayList<>();
      boolean passed;
      if (blocked) {
        List<PathTrace> working = t.paths().stream().filter(PathTrace::works).toList();
        passed = working.isEmpty();
        for (PathTrace p : working) {
          String line = rf.label() + ": " + p.summary();
          problems.add(line);
          causes.computeIfAbsent(List.of(NOT_BLOCKED, p.endedAt()), k -> new ArrayList<>()).add(line);
        }
      } else {
        passed = t.works();
        for (PathTrace p : t.failingPaths()) {
          String line = rf.label() + ": " + p.summary() + where(p);
          problems.add(line);
          causes.computeIfAbsent(List.of(code(p), p.endedAt()), k -> new ArrayList<>()).add(line);
        }
      }
      outcomes.add(new FlowOutcome(rf.label(), passed, t.summary(), problems, t, rf.refs()));
    }
    boolean pass = outcomes.stream().allMatch(FlowOutcome::passed);
    if (!pass) {
      causes.forEach((key, lines) -> findings.add(new Finding(key.get(0), Severity.ERROR,
          message(intent, key.get(0), lines), intent.where(), key.get(1) == null ? "" : key.get(1))));
    }
    return new IntentResult(intent.name(), pass ? Verdict.PASS : Verdict.FAIL, intent.description(), outcomes,
        intent.where(), findings);
  }

  /**
   * The finding code for a failing path: a reply that dies for lack of a route (no route,
   * blackhole, a default route out of the model, Cilium's FIB/ipcache drops) is
   * route/no-return-path; a request that does is route/missing; a Service without backends is
   * service/no-backends; a reply without reverse NAT is nat/reply-not-reverse-nated; anything else
   * (rp_filter, forwarding off, neighbour, loop, missing model data) is intent/unreachable.
   */
  public static String code(PathTrace p) {
    if (p.disposition() == Disposition.SERVICE_BACKEND_NOT_FOUND) {
      return NO_BACKENDS;
    }
    if (p.disposition() == Disposition.REPLY_NOT_REVERSE_NATED) {
      return REPLY_NOT_REVERSE_NATED;
    }
    if (ROUTING.contains(p.disposition())) {
      return p.endedIn() == Direction.REPLY ? NO_RETURN_PATH : ROUTE_MISSING;
    }
    return UNREACHABLE;
  }

  /** " (config line)" of the step that ended the path, when it has one. */
  private static String where(PathTrace p) {
    Step last = p.lastStep();
    if (last == null || !last.where().isKnown()) {
      return "";
    }
    return " (" + last.where() + ")";
  }

  private static String message(FlowIntent intent, String code, List<String> lines) {
    String head = switch (code) {
      case NOT_BLOCKED -> "expected blocked, but traffic gets through";
      case NO_RETURN_PATH -> "the request arrives but the reply has no route back";
      case ROUTE_MISSING -> "the request has no route to its destination";
      case NO_BACKENDS -> "the Service has no ready backend";
      case REPLY_NOT_REVERSE_NATED -> "the reply returns without reverse NAT";
      default -> "unreachable";
    };
    StringBuilder sb = new StringBuilder(intent.name()).append(": ").append(head).append(": ");
    int shown = Math.min(lines.size(), 3);
    sb.append(String.join("; ", lines.subList(0, shown)));
    if (lines.size() > shown) {
      sb.append("; and ").append(lines.size() - shown).append(" more");
    }
    return sb.toString();
  }
}
