package dev.podpath.analysis.intent;

import static org.assertj.core.api.Assertions.assertThat;

import dev.podpath.core.Finding;
import dev.podpath.core.Severity;
import dev.podpath.core.SourceRef;
import dev.podpath.core.net.IpAddr;
import dev.podpath.dataplane.Direction;
import dev.podpath.dataplane.Disposition;
import dev.podpath.dataplane.FlowSpec;
import dev.podpath.dataplane.FlowTrace;
import dev.podpath.dataplane.Packet;
import dev.podpath.dataplane.PathTrace;
import dev.podpath.dataplane.Protocol;
import dev.podpath.dataplane.Service;
import dev.podpath.dataplane.Step;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The evaluator with a fake FlowRunner: verdicts, per-flow problems and the finding code per failure. */
class IntentEvaluatorTest {

  static final SourceRef LINE = SourceRef.of("intents.yaml", 4);
  static final Service.Backend B1 = new Service.Backend("cp1 (host)", IpAddr.parse("fd00:101::11"), 6443, "cp1", true, SourceRef.NONE);
  static final Service.Backend B2 = new Service.Backend("cp2 (host)", IpAddr.parse("fd00:101::12"), 6443, "cp2", true, SourceRef.NONE);
  static final Service SVC = new Service("default/kubernetes",
      List.of(new Service.Frontend(Service.FrontendKind.CLUSTER_IP, IpAddr.parse("fd00:101:96::1"), 443, Protocol.TCP)),
      List.of(B1, B2), null, SourceRef.NONE);
  static final FlowSpec FLOW = FlowSpec.tcp(new FlowSpec.Source.Pod(IpAddr.parse("fd00:101:224:1::10")),
      IpAddr.parse("fd00:101:96::1"), 443);
  static final Packet PKT = new Packet(IpAddr.parse("fd00:101::11"), 6443, IpAddr.parse("fd00:101:224:1::10"), 40000,
      Protocol.TCP);

  static PathTrace works(Service.Backend b) {
    return new PathTrace(b, List.of(), List.of(), Disposition.ACCEPTED, Direction.REPLY, "w1", true);
  }

  static PathTrace fails(Service.Backend b, Disposition d, Direction dir, String host) {
    Step last = new Step(dir, host, Step.Kind.EXIT, "kernel FIB main", "::/0 via fd00:101::fffe dev eth0", PKT, PKT,
        SourceRef.of("hosts/" + host + "/host.yaml", 5));
    return new PathTrace(b, List.of(), List.of(last), d, dir, host, true);
  }

  static ResolvedIntent intent(Expectation e, int flows) {
    FlowIntent i = new FlowIntent("coredns -> api", new Endpoint.PodSelector("kube-system", "coredns-0", null, null, LINE),
        new Endpoint.ServiceSelector("default", "kubernetes", "443", AddressType.CLUSTER_IP, LINE), e, Protocol.TCP, 8080,
        null, "test", LINE, false);
    List<ResolvedFlow> fs = new ArrayList<>();
    for (int n = 0; n < flows; n++) {
      fs.add(new ResolvedFlow(FLOW, "flow" + n, List.of(LINE)));
    }
    return new ResolvedIntent(i, fs, List.of());
  }

  static FlowRunner returning(PathTrace... paths) {
    return f -> new FlowTrace(f, SVC, List.of(paths));
  }

  @Test
  void reachableFailsWhenOneBackendFailsAndNamesItWithHostStepAndDisposition() {
    IntentResult r = IntentEvaluator.evaluate(intent(Expectation.REACHABLE, 1),
        returning(works(B1), fails(B2, Disposition.EXITS_NETWORK, Direction.REPLY, "cp2")));
    assertThat(r.verdict()).isEqualTo(Verdict.FAIL);
    FlowOutcome o = r.flows().get(0);
    assertThat(o.passed()).isFalse();
    assertThat(o.summary()).contains("1 of 2 backends work");
    assertThat(o.problems()).singleElement().asString()
        .contains("cp2 (host) [fd00:101::12]:6443 on cp2")
        .contains("reply dies at cp2 with EXITS_NETWORK")
        .contains("kernel FIB main: ::/0 via fd00:101::fffe")
        .endsWith("(hosts/cp2/host.yaml:5)");
    assertThat(r.findings()).singleElement().satisfies(f -> {
      assertThat(f.code()).isEqualTo("route/no-return-path");
      assertThat(f.severity()).isEqualTo(Severity.ERROR);
      assertThat(f.host()).isEqualTo("cp2");
      assertThat(f.where()).isEqualTo(LINE);
      assertThat(f.message()).startsWith("coredns -> api: the request arrives but the reply has no route back: flow0: ");
    });
  }

  @Test
  void everyBackendWorkingPasses() {
    IntentResult r = IntentEvaluator.evaluate(intent(Expectation.REACHABLE, 2), returning(works(B1), works(B2)));
    assertThat(r.verdict()).isEqualTo(Verdict.PASS);
    assertThat(r.flows()).hasSize(2).allMatch(FlowOutcome::passed);
    assertThat(r.findings()).isEmpty();
  }

  @Test
  void findingsAreGroupedByCauseAndHost() {
    IntentResult r = IntentEvaluator.evaluate(intent(Expectation.REACHABLE, 3),
        returning(fails(B1, Disposition.NO_ROUTE, Direction.REQUEST, "w1"), fails(B2, Disposition.NO_ROUTE, Direction.REPLY, "cp2")));
    assertThat(r.findings()).extracting(Finding::code, Finding::host).containsExactly(
        org.assertj.core.groups.Tuple.tuple("route/missing", "w1"),
        org.assertj.core.groups.Tuple.tuple("route/no-return-path", "cp2"));
    assertThat(r.findings().get(0).message()).contains("flow0").contains("flow1").contains("flow2");
  }

  @Test
  void codesFollowDispositionAndDirection() {
    Map<Disposition, String> request = Map.of(
        Disposition.NO_ROUTE, "route/missing",
        Disposition.FIB_LOOKUP_FAILED, "route/missing",
        Disposition.NULL_ROUTED, "route/missing",
        Disposition.SERVICE_BACKEND_NOT_FOUND, "service/no-backends",
        Disposition.DENIED_IN, "intent/unreachable",
        Disposition.NEIGHBOR_UNREACHABLE, "intent/unreachable",
        Disposition.LOOP, "intent/unreachable");
    request.forEach((d, code) ->
        assertThat(IntentEvaluator.code(fails(B1, d, Direction.REQUEST, "w1"))).as(d.name()).isEqualTo(code));
    assertThat(IntentEvaluator.code(fails(B1, Disposition.STALE_OR_UNROUTABLE_IP, Direction.REPLY, "w1")))
        .isEqualTo("route/no-return-path");
    assertThat(IntentEvaluator.code(fails(B1, Disposition.REPLY_NOT_REVERSE_NATED, Direction.REPLY, "w1")))
        .isEqualTo("nat/reply-not-reverse-nated");
    assertThat(IntentEvaluator.code(fails(B1, Disposition.DENIED_IN, Direction.REPLY, "w1"))).isEqualTo("intent/unreachable");
  }

  @Test
  void blockedPassesOnlyWhenNothingGetsThrough() {
    IntentResult ok = IntentEvaluator.evaluate(intent(Expectation.BLOCKED, 1),
        returning(fails(B1, Disposition.DENIED_IN, Direction.REQUEST, "w1"), fails(B2, Disposition.NO_ROUTE, Direction.REQUEST, "w1")));
    assertThat(ok.verdict()).isEqualTo(Verdict.PASS);
    assertThat(ok.findings()).isEmpty();

    IntentResult leak = IntentEvaluator.evaluate(intent(Expectation.BLOCKED, 1),
        returning(fails(B1, Disposition.DENIED_IN, Direction.REQUEST, "w1"), works(B2)));
    assertThat(leak.verdict()).isEqualTo(Verdict.FAIL);
    assertThat(leak.findings()).singleElement().satisfies(f -> {
      assertThat(f.code()).isEqualTo("intent/not-blocked");
      assertThat(f.message()).contains("cp2 (host)").contains("works");
    });
  }

  @Test
  void noFlowsIsNeitherPassNorFailure() {
    Finding warn = Finding.warning("intent/selector-matches-nothing", "x", LINE);
    ResolvedIntent empty = new ResolvedIntent(intent(Expectation.REACHABLE, 0).intent(), List.of(), List.of(warn));
    IntentResult r = IntentEvaluator.evaluate(empty, f -> {
      throw new AssertionError("nothing to run");
    });
    assertThat(r.verdict()).isEqualTo(Verdict.NO_FLOWS);
    assertThat(r.verdict().label()).isEqualTo("no-flows");
    assertThat(r.passed()).isTrue();
    assertThat(r.findings()).containsExactly(warn);
  }

  @Test
  void sessionIntentsAreLeftToTheCaller() {
    IntentResolver resolver = IntentResolver.of(SmallSnapshot.load());
    SessionIntent s = new SessionIntent("bgp", "w1", "bird", IpAddr.parse("::1"), null, null, "d", LINE, false);
    assertThat(new IntentEvaluator(resolver).evaluate(List.of(s), f -> {
      throw new AssertionError();
    })).isEmpty();
  }
}
