package dev.podpath.dataplane;

import static dev.podpath.dataplane.Fixtures.ip;

import dev.podpath.core.SourceRef;
import java.util.List;

/** Two (or three) workers on one /64 with routes to each other's pod CIDRs; pod a on w1, pod b on w2. */
final class EastWest {

  private EastWest() {}

  static TestNetwork network() {
    return new TestNetwork()
        .node("w1").iface("w1", "eth0", "lan", "fd00:101::21/64")
        .node("w2").iface("w2", "eth0", "lan", "fd00:101::22/64")
        .route("w1", "fd00:101:224:1::/80 dev cilium_host proto kernel")
        .route("w1", "fd00:101:224:2::/80 via fd00:101::22 proto bird")
        .route("w2", "fd00:101:224:2::/80 dev cilium_host proto kernel")
        .route("w2", "fd00:101:224:1::/80 via fd00:101::21 proto bird")
        .podCidr("w1", "fd00:101:224:1::/80").podCidr("w2", "fd00:101:224:2::/80")
        .pod("default/a", "fd00:101:224:1::10", "w1")
        .pod("default/b", "fd00:101:224:2::10", "w2");
  }

  static Service.Backend backend(String name, String addr, int port, String node) {
    return new Service.Backend(name, ip(addr), port, node, false, SourceRef.NONE);
  }

  static Service web(Service.Backend... backends) {
    return new Service("default/web",
        List.of(new Service.Frontend(Service.FrontendKind.CLUSTER_IP, ip("fd00:101:96::10"), 80, Protocol.TCP)),
        List.of(backends), null, SourceRef.of("kubernetes/web.yaml", 7));
  }

  static ServiceTable webToB() {
    return ServiceTable.of(List.of(web(backend("default/b", "fd00:101:224:2::10", 8080, "w2"))));
  }

  static FlowSpec aToWeb() {
    return FlowSpec.tcp(new FlowSpec.Source.Pod(ip("fd00:101:224:1::10")), ip("fd00:101:96::10"), 80);
  }

  static DatapathSettings kpr() {
    return DatapathSettings.kprDefaults().withHostLegacyRouting(true);
  }
}
