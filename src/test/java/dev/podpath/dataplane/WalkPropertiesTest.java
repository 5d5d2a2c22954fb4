package dev.podpath.dataplane;

import static org.assertj.core.api.Assertions.assertThat;

import dev.podpath.core.SourceRef;
import dev.podpath.core.net.IpAddr;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Random small networks (nodes and routers on one segment, random routes between them, random
 * settings): every trace terminates with a disposition, the last step explains it, and the
 * verdict does not depend on how many times we ask.
 */
class WalkPropertiesTest {

  record Scenario(List<String> routes, DatapathSettings settings, int source, int target, boolean viaService) {}

  @Provide
  Arbitrary<Scenario> scenarios() {
    Arbitrary<String> route = Arbitraries.of(
        "fd00:101:224:%d::/80 via fd00:101::%d",
        "blackhole fd00:101:224:%d::/80",
        "default via fd00:101::%d",
        "fd00:101:224:%d::/96 via fd00:101::%d")
        .flatMap(f -> Arbitraries.integers().between(1, 3).flatMap(a -> Arbitraries.integers().between(1, 4)
            .map(b -> {
              String r = f.contains("via") && f.startsWith("fd") ? String.format(f, a, 20 + b)
                  : f.startsWith("default") ? String.format(f, 20 + b) : String.format(f, a);
              return "w" + a + "|" + r;
            })));
    Arbitrary<DatapathSettings> settings = Arbitraries.of(
        DatapathSettings.kprDefaults(),
        DatapathSettings.kprDefaults().withHostLegacyRouting(true).withSocketLbHostnsOnly(true),
        DatapathSettings.kprDefaults().withoutKubeProxyReplacement(),
        DatapathSettings.kprDefaults().withBpfMasquerade(true).withMasquerade(true, true),
        DatapathSettings.kprDefaults().withEndpointRoutes(true).withHostLegacyRouting(true));
    return net.jqwik.api.Combinators.combine(route.list().ofMaxSize(8), settings,
        Arbitraries.integers().between(1, 3), Arbitraries.integers().between(1, 3), Arbitraries.of(true, false))
        .as(Scenario::new);
  }

  private static TestNetwork build(Scenario sc) {
    TestNetwork n = new TestNetwork().router("r4").iface("r4", "eth0", "lan", "fd00:101::24/64")
        .route("r4", "default via fd00:101::21");
    for (int i = 1; i <= 3; i++) {
      String w = "w" + i;
      n.node(w).iface(w, "eth0", "lan", "fd00:101::2" + i + "/64")
          .route(w, "fd00:101:224:" + i + "::/80 dev cilium_host proto kernel")
          .podCidr(w, "fd00:101:224:" + i + "::/80")
          .pod("default/p" + i, "fd00:101:224:" + i + "::10", w);
    }
    for (String r : sc.routes()) {
      String[] hostRoute = r.split("\\|");
      n.route(hostRoute[0], hostRoute[1]);
    }
    return n;
  }

  private static ServiceTable services() {
    List<Service.Backend> bs = new ArrayList<>();
    for (int i = 1; i <= 3; i++) {
      bs.add(new Service.Backend("default/p" + i, IpAddr.parse("fd00:101:224:" + i + "::10"), 8080, "w" + i, false,
          SourceRef.NONE));
    }
    return ServiceTable.of(List.of(new Service("default/all",
        List.of(new Service.Frontend(Service.FrontendKind.CLUSTER_IP, IpAddr.parse("fd00:101:96::5"), 80, Protocol.TCP)),
        bs, null, SourceRef.NONE)));
  }

  @Property(tries = 300)
  void everyTraceTerminatesWithAnExplainedDisposition(@ForAll("scenarios") Scenario sc) {
    TestNetwork n = build(sc);
    IpAddr dst = sc.viaService() ? IpAddr.parse("fd00:101:96::5") : IpAddr.parse("fd00:101:224:" + sc.target() + "::10");
    FlowSpec f = FlowSpec.tcp(new FlowSpec.Source.Pod(IpAddr.parse("fd00:101:224:" + sc.source() + "::10")), dst,
        sc.viaService() ? 80 : 8080);

    FlowTrace t = PacketWalk.trace(f, sc.settings(), n, services(), n);

    net.jqwik.api.statistics.Statistics.collect(t.disposition());
    assertThat(t.paths()).hasSize(sc.viaService() ? 3 : 1);
    for (PathTrace p : t.paths()) {
      assertThat(p.forward()).isNotEmpty();
      assertThat(p.lastStep()).isNotNull();
      Step.Kind last = p.lastStep().kind();
      if (p.disposition() == Disposition.ACCEPTED) {
        assertThat(last).isEqualTo(Step.Kind.DELIVER);
        assertThat(p.endedIn()).isEqualTo(Direction.REPLY);
      } else if (p.disposition() == Disposition.EXITS_NETWORK) {
        assertThat(last).isEqualTo(Step.Kind.EXIT);
      } else {
        assertThat(last).isEqualTo(Step.Kind.DROP);
      }
      // Every backend is a modelled pod, so leaving the model never counts as working here.
      assertThat(p.works()).isEqualTo(p.disposition() == Disposition.ACCEPTED);
    }
    assertThat(t.summary()).isEqualTo(PacketWalk.trace(f, sc.settings(), n, services(), n).summary());
  }
}
