package dev.podpath.dataplane;

import static org.assertj.core.api.Assertions.assertThat;

import dev.podpath.analysis.intent.FlowRunner;
import dev.podpath.analysis.intent.IntentPlan;
import dev.podpath.analysis.intent.IntentResult;
import dev.podpath.analysis.intent.Verdict;
import dev.podpath.core.Finding;
import dev.podpath.ingest.SnapshotLoader;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The default intents of src/test/resources/intents/small, evaluated by the real packet walk:
 * services and endpoints come from the snapshot (intents' adapters), the kernel FIBs from a
 * hand-built TestNetwork standing in for the control plane (the lead's ForwardingTables adapter).
 * Lives in the dataplane test package to reuse TestNetwork.
 */
class IntentsOverWalkTest {

  static final Path SMALL = Path.of("src", "test", "resources", "intents", "small");

  /** The seed's shape: each node knows only its own pod CIDR and a default route to pve, which knows nothing. */
  static TestNetwork seedShaped() {
    return new TestNetwork()
        .node("cp1").iface("cp1", "eth0", "lan101", "fd00:101::11/64")
        .node("w1").iface("w1", "eth0", "lan101", "fd00:101::21/64")
        .node("w2").iface("w2", "eth0", "lan101", "fd00:101::22/64")
        .router("pve").iface("pve", "vmbr0", "lan101", "fd00:101::fffe/64").iface("pve", "lo", null, "fd00:101:fe::1/128")
        .route("cp1", "fd00:101:224::/80 dev cilium_host proto kernel")
        .route("w1", "fd00:101:224:1::/80 dev cilium_host proto kernel")
        .route("w2", "fd00:101:224:2::/80 dev cilium_host proto kernel")
        .route("cp1", "default via fd00:101::fffe dev eth0")
        .route("w1", "default via fd00:101::fffe dev eth0")
        .route("w2", "default via fd00:101::fffe dev eth0")
        .sysctl("pve", "net.ipv6.conf.all.forwarding", 1);
  }

  /** What BGP would give pve: every pod CIDR via its node, the LB VIP via the node that has its backend. */
  static TestNetwork withBgpRoutes() {
    return seedShaped()
        .route("pve", "fd00:101:224::/80 via fd00:101::11 proto bgp")
        .route("pve", "fd00:101:224:1::/80 via fd00:101::21 proto bgp")
        .route("pve", "fd00:101:224:2::/80 via fd00:101::22 proto bgp")
        .route("pve", "fd00:101:200::1/128 via fd00:101::11 proto bgp");
  }

  static Map<String, IntentResult> run(TestNetwork net) {
    IntentPlan plan = IntentPlan.of(SnapshotLoader.load(SMALL), List.of());
    DatapathSettings settings = Fixtures.seedSettings();
    FlowRunner runner = f -> PacketWalk.trace(f, settings, net, plan.resolver().services(), plan.resolver().endpoints());
    return plan.evaluate(runner).stream().collect(Collectors.toMap(IntentResult::name, Function.identity()));
  }

  @Test
  void seedShapedClusterFailsWithoutReturnPathsAndRoutesNamesTheHost() {
    Map<String, IntentResult> r = run(seedShaped());
    assertThat(r).hasSize(13);

    // the founding case: the request reaches the apiserver on cp1, the reply leaves via pve, which has no route back
    IntentResult api = r.get("pod@w1 -> svc default/kubernetes:443");
    assertThat(api.verdict()).as(api.toString()).isEqualTo(Verdict.FAIL);
    assertThat(api.findings()).extracting(Finding::code).contains("route/no-return-path");
    assertThat(api.flows().get(0).problems()).singleElement().asString().contains("reply dies at pve");

    // on the apiserver's own node no other node's route is needed
    assertThat(r.get("pod@cp1 -> svc default/kubernetes:443").verdict()).isEqualTo(Verdict.PASS);

    // pod to pod across nodes: the request itself has no route at pve
    IntentResult p2p = r.get("pod@w1 -> pod@w2");
    assertThat(p2p.verdict()).isEqualTo(Verdict.FAIL);
    assertThat(p2p.findings()).extracting(Finding::code, Finding::host)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("route/missing", "pve"));

    // the VIP is not routed by pve
    IntentResult lb = r.get("router pve -> lb default/web:80");
    assertThat(lb.verdict()).isEqualTo(Verdict.FAIL);
    assertThat(lb.findings()).extracting(Finding::code).containsExactly("route/missing");
  }

  @Test
  void withTheRoutesBgpWouldInstallEveryDefaultIntentHolds() {
    Map<String, IntentResult> r = run(withBgpRoutes());
    assertThat(r.values()).allSatisfy(i -> assertThat(i.verdict())
        .as(i.name() + ": " + i.flows().stream().flatMap(f -> f.problems().stream()).toList())
        .isEqualTo(Verdict.PASS));
    // the synthetic pod on w2 is really walked to: its flows end at w2
    IntentResult toW2 = r.get("pod@w1 -> pod@w2");
    assertThat(toW2.flows()).singleElement().satisfies(f ->
        assertThat(f.trace().forward()).anySatisfy(s -> {
          assertThat(s.host()).isEqualTo("w2");
          assertThat(s.kind()).isEqualTo(Step.Kind.DELIVER);
        }));
  }
}
