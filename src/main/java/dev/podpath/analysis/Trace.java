package dev.podpath.analysis;

import dev.podpath.analysis.intent.Endpoint;
import dev.podpath.analysis.intent.EndpointText;
import dev.podpath.analysis.intent.Expectation;
import dev.podpath.analysis.intent.Family;
import dev.podpath.analysis.intent.FlowIntent;
import dev.podpath.analysis.intent.FlowRunner;
import dev.podpath.analysis.intent.IntentPlan;
import dev.podpath.analysis.intent.IntentResolver;
import dev.podpath.analysis.intent.ResolvedFlow;
import dev.podpath.analysis.intent.ResolvedIntent;
import dev.podpath.core.Finding;
import dev.podpath.core.InputException;
import dev.podpath.core.InputProblem;
import dev.podpath.core.SourceRef;
import dev.podpath.dataplane.Protocol;
import dev.podpath.dataplane.assembly.ClusterPod;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The `trace` pipeline: resolve two one-line endpoints ({@link EndpointText}, plus {@code pod@NODE}
 * for "a pod on that node" as the default intents pick it) against the snapshot and walk every
 * concrete flow with the same runner `check` uses. An endpoint naming nothing in the snapshot is
 * an {@link InputException} that lists the closest names.
 */
public final class Trace {

  /** Where endpoint errors point: the option that wrote them. */
  public static final SourceRef FROM = SourceRef.file("--from");
  public static final SourceRef TO = SourceRef.file("--to");

  private Trace() {}

  /** Options of a trace besides its endpoints; null port/family = the defaults. */
  public record Options(Protocol protocol, Integer port, Family family) {
    public static Options defaults() {
      return new Options(Protocol.TCP, null, null);
    }
  }

  public static TraceResult run(Simulation sim, String from, String to, Options options) {
    IntentResolver resolver = IntentResolver.of(sim.snapshot());
    Endpoint src = endpoint(from, FROM, resolver);
    Endpoint dst = endpoint(to, TO, resolver);
    EndpointNames names = new EndpointNames(resolver);
    List<InputProblem> problems = new ArrayList<>();
    names.check(src, true).ifPresent(m -> problems.add(new InputProblem(FROM, m)));
    names.check(dst, false).ifPresent(m -> problems.add(new InputProblem(TO, m)));
    if (!problems.isEmpty()) {
      throw new InputException(problems);
    }
    if (dst instanceof Endpoint.ServiceSelector && options.port() != null) {
      throw new InputException(TO, "a Service destination names its port in the endpoint (svc:NS/NAME:PORT), not with --port");
    }
    int port = options.port() == null ? FlowIntent.DEFAULT_PORT : options.port();
    FlowIntent intent = new FlowIntent("trace " + from + " -> " + to, src, dst, Expectation.REACHABLE,
        options.protocol(), port, options.family(), src.describe() + " reaches " + dst.describe(), SourceRef.NONE, false);
    ResolvedIntent resolved = resolver.resolve(intent);
    if (resolved.flows().isEmpty()) {
      List<InputProblem> ps = resolved.findings().stream()
          .map(f -> new InputProblem(SourceRef.NONE, f.message().replace(intent.name() + ": ", "")))
          .toList();
      throw new InputException(ps.isEmpty()
          ? List.of(new InputProblem(SourceRef.NONE, "nothing to trace from " + from + " to " + to))
          : ps);
    }
    FlowRunner runner = Check.runner(sim, new IntentPlan(List.of(), List.of(), List.of(), resolver, false));
    List<TraceResult.TracedFlow> flows = new ArrayList<>();
    for (ResolvedFlow rf : resolved.flows()) {
      flows.add(new TraceResult.TracedFlow(rf.label(), runner.trace(rf.flow())));
    }
    List<Finding> notes = new ArrayList<>(resolved.findings());
    return new TraceResult(from, to, flows, notes);
  }

  /**
   * The one-line form; {@code pod@NODE} is the pod the default intents use on NODE: its first
   * real pod by namespace/name, else podpath's synthetic pod in the node's pod CIDR.
   */
  static Endpoint endpoint(String text, SourceRef where, IntentResolver resolver) {
    String t = text.strip();
    if (t.startsWith("pod@")) {
      String node = t.substring(4).strip();
      if (node.isEmpty() || node.contains("/") || node.contains(":")) {
        throw new InputException(where, "'" + text + "' is not an endpoint; pod@NODE names a pod on a node");
      }
      Optional<ClusterPod> real = resolver.inventory().pods().stream()
          .filter(p -> node.equals(p.node()) && !p.hostNetwork() && !p.addresses().isEmpty())
          .min(Comparator.comparing(ClusterPod::qualifiedName));
      if (real.isPresent()) {
        return new Endpoint.PodSelector(real.get().namespace(), real.get().name(), null, node, where);
      }
      return new Endpoint.SyntheticPod(node, where);
    }
    return EndpointText.parse(t, where);
  }
}
