package dev.podpath.analysis.intent;

import static org.assertj.core.api.Assertions.assertThat;

import dev.podpath.core.Finding;
import dev.podpath.core.SourceRef;
import dev.podpath.core.net.IpAddr;
import dev.podpath.dataplane.FlowSpec;
import dev.podpath.dataplane.FlowSpec.Source;
import dev.podpath.dataplane.Protocol;
import dev.podpath.ingest.yaml.YamlReader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class IntentResolverTest {

  private final IntentResolver resolver = IntentResolver.of(SmallSnapshot.load());

  static IpAddr ip(String s) {
    return IpAddr.parse(s);
  }

  static List<FlowIntent> checks(String yaml) {
    return IntentsReader.read(YamlReader.read(yaml, "intents.yaml")).intents().stream()
        .map(FlowIntent.class::cast).toList();
  }

  List<FlowSpec> specs(ResolvedIntent r) {
    return r.flows().stream().map(ResolvedFlow::flow).toList();
  }

  @Test
  void podToClusterIpIsOneFlowKeepingEveryLine() {
    FlowIntent i = checks("""
        checks:
          - name: coredns to api
            from: {pod: {namespace: kube-system, labels: {k8s-app: kube-dns}}}
            to: {service: {namespace: default, name: kubernetes, port: https}}
        """).get(0);
    ResolvedIntent r = resolver.resolve(i);
    assertThat(r.findings()).isEmpty();
    assertThat(specs(r)).containsExactly(FlowSpec.tcp(new Source.Pod(ip("fd00:101:224:1::10")), ip("fd00:101:96::1"), 443));
    ResolvedFlow f = r.flows().get(0);
    assertThat(f.label()).isEqualTo("pod kube-system/coredns-0@w1 [fd00:101:224:1::10] -> svc default/kubernetes "
        + "[fd00:101:96::1]:443/TCP");
    assertThat(f.refs()).containsExactly(SourceRef.of("intents.yaml", 2), SourceRef.of("kubernetes/pods.yaml", 1),
        SourceRef.of("kubernetes/services.yaml", 10));
  }

  @Test
  void everyPortOfAServiceWithItsProtocolAndSyntheticPodsAreInTheEndpoints() {
    List<FlowIntent> defaults = DefaultIntents.flows(resolver, SmallSnapshot.load().kubernetes(), new ArrayList<>());
    ResolvedIntent r = resolver.resolve(DefaultIntentsTest.byName(defaults, "pod@w2 -> svc kube-system/kube-dns"));
    IpAddr synthetic = ip("fd00:101:224:2::64");
    assertThat(specs(r)).containsExactly(
        new FlowSpec(new Source.Pod(synthetic), ip("fd00:101:96::a"), 53, Protocol.UDP, FlowSpec.DEFAULT_SOURCE_PORT),
        new FlowSpec(new Source.Pod(synthetic), ip("fd00:101:96::a"), 53, Protocol.TCP, FlowSpec.DEFAULT_SOURCE_PORT));
    // the walk must know the synthetic pod, or it could not start there
    assertThat(resolver.endpoints().pod(synthetic)).hasValueSatisfying(p -> assertThat(p.node()).isEqualTo("w2"));
    assertThat(resolver.services().services()).anySatisfy(s -> assertThat(s.name()).isEqualTo("kube-system/kube-dns:53/UDP"));
  }

  @Test
  void nodePortOnEveryNodeAndLoadBalancerFromARouter() {
    List<FlowIntent> is = checks("""
        checks:
          - name: nodeport
            from: {node: w1}
            to: {service: {name: web, address: NodePort}}
          - name: vip
            from: {router: pve}
            to: lb:default/web:80
          - name: outside
            from: {address: "2001:db8::7", via: pve/vmbr0}
            to: {service: {name: web, address: LoadBalancer}}
        """);
    ResolvedIntent np = resolver.resolve(is.get(0));
    assertThat(specs(np)).extracting(FlowSpec::dst).containsExactly(ip("fd00:101::11"), ip("fd00:101::21"), ip("fd00:101::22"));
    assertThat(specs(np)).allSatisfy(f -> {
      assertThat(f.dstPort()).isEqualTo(30080);
      assertThat(f.source()).isEqualTo(new Source.HostProcess("w1", null));
    });
    // the router sources from its LAN address (default VRF, not loopback)
    assertThat(specs(resolver.resolve(is.get(1))))
        .containsExactly(FlowSpec.tcp(new Source.Router("pve", ip("fd00:101::fffe")), ip("fd00:101:200::1"), 80));
    assertThat(specs(resolver.resolve(is.get(2))))
        .containsExactly(FlowSpec.tcp(new Source.Outside(ip("2001:db8::7"), "pve", "vmbr0"), ip("fd00:101:200::1"), 80));
  }

  @Test
  void hostNetworkPodsStartInTheHostAndPodDestinationsUseTheCheckPort() {
    FlowIntent i = checks("""
        checks:
          - name: apiserver to web
            from: pod:kube-system/kube-apiserver-cp1
            to: {pod: {labels: {app: web}}}
            port: 8080
        """).get(0);
    assertThat(specs(resolver.resolve(i))).containsExactly(
        FlowSpec.tcp(new Source.HostProcess("cp1", ip("fd00:101::11")), ip("fd00:101:224::20"), 8080));
  }

  @Test
  void selectorsMatchingNothingAreWarningsAtTheirLine() {
    List<FlowIntent> is = checks("""
        checks:
          - name: nobody
            from: {pod: {labels: {app: nope}}}
            to: svc:default/kubernetes
          - name: no such service
            from: {node: w1}
            to: svc:default/nothere
          - name: node is no router
            from: {router: w1}
            to: {node: w2}
          - name: no lb address
            from: {node: w1}
            to: {service: {name: kubernetes, address: LoadBalancer}}
          - name: wrong family
            from: {node: w1}
            to: {address: 10.0.0.1}
        """);
    List<Finding> f = is.stream().flatMap(i -> resolver.resolve(i).findings().stream()).toList();
    assertThat(f).extracting(Finding::code).containsExactly("intent/selector-matches-nothing",
        "intent/selector-matches-nothing", "intent/selector-matches-nothing", "intent/selector-matches-nothing",
        "intent/no-common-family");
    assertThat(f).extracting(x -> x.where().line()).containsExactly(3, 7, 9, 13, 14);
    assertThat(f.get(2).message()).contains("w1 is a Kubernetes node");
    assertThat(f.get(3).message()).contains("has no LoadBalancer address");
    assertThat(is.stream().map(resolver::resolve).allMatch(r -> r.flows().isEmpty())).isTrue();
  }
}
