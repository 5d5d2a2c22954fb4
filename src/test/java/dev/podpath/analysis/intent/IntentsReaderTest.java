package dev.podpath.analysis.intent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.podpath.core.InputException;
import dev.podpath.core.InputProblem;
import dev.podpath.core.SourceRef;
import dev.podpath.core.net.IpAddr;
import dev.podpath.dataplane.Protocol;
import dev.podpath.ingest.yaml.YamlReader;
import java.util.List;
import org.junit.jupiter.api.Test;

class IntentsReaderTest {

  static IntentsFile read(String yaml) {
    return IntentsReader.read(YamlReader.read(yaml, "intents.yaml"));
  }

  static List<InputProblem> problems(String yaml) {
    try {
      read(yaml);
    } catch (InputException e) {
      return e.problems();
    }
    throw new AssertionError("expected an InputException for:\n" + yaml);
  }

  @Test
  void everyEndpointFormAndTheKeepList() {
    IntentsFile f = read("""
        keep:
          - cilium.autoDirectNodeRoutes
          - cilium.socketLB.hostNamespaceOnly
          - bird.w1.protocol.upstream
        checks:
          - name: coredns reaches the API
            from: {pod: {namespace: kube-system, labels: {k8s-app: kube-dns}}}
            to: {service: {namespace: default, name: kubernetes, port: 443}}
          - name: short forms
            from: pod:kube-system/coredns-0
            to: svc:default/kubernetes:https
            expect: reachable
          - name: upstream reaches the VIP
            from: {router: pve}
            to: {service: {name: web, address: LoadBalancer}}
          - name: control plane to a loopback
            from: {node: {role: control-plane}}
            to: {address: "fd00:101:fe::21"}
            port: 22
            protocol: UDP
            family: ipv6
            expect: blocked
          - name: internet client
            from: {address: 203.0.113.7, via: pve/vmbr1}
            to: {node: w1}
          - name: bgp up
            session: {host: w1, peer: "fd00:101::fffe", daemon: bird}
        """);
    assertThat(f.keep()).extracting(KeepSetting::key)
        .containsExactly("cilium.autoDirectNodeRoutes", "cilium.socketLB.hostNamespaceOnly", "bird.w1.protocol.upstream");
    assertThat(f.keep().get(1).path()).isEqualTo("socketLB.hostNamespaceOnly");
    assertThat(f.keep().get(1).where()).isEqualTo(SourceRef.of("intents.yaml", 3));
    assertThat(f.findings()).isEmpty();
    assertThat(f.intents()).hasSize(6);

    FlowIntent first = (FlowIntent) f.intents().get(0);
    assertThat(first.where()).isEqualTo(SourceRef.of("intents.yaml", 6));
    assertThat(first.expect()).isEqualTo(Expectation.REACHABLE);
    Endpoint.PodSelector pods = (Endpoint.PodSelector) first.from();
    assertThat(pods.namespace()).isEqualTo("kube-system");
    assertThat(pods.labels()).containsEntry("k8s-app", "kube-dns");
    assertThat(pods.where()).isEqualTo(SourceRef.of("intents.yaml", 7));
    Endpoint.ServiceSelector svc = (Endpoint.ServiceSelector) first.to();
    assertThat(svc.port()).isEqualTo("443");
    assertThat(svc.addressType()).isEqualTo(AddressType.CLUSTER_IP);

    FlowIntent shortForms = (FlowIntent) f.intents().get(1);
    assertThat(shortForms.from()).isEqualTo(new Endpoint.PodSelector("kube-system", "coredns-0", null, null,
        SourceRef.of("intents.yaml", 10)));
    assertThat(((Endpoint.ServiceSelector) shortForms.to()).port()).isEqualTo("https");

    FlowIntent lb = (FlowIntent) f.intents().get(2);
    assertThat(lb.from()).isInstanceOf(Endpoint.RouterRef.class);
    assertThat(((Endpoint.ServiceSelector) lb.to()).namespace()).isEqualTo("default");
    assertThat(((Endpoint.ServiceSelector) lb.to()).addressType()).isEqualTo(AddressType.LOAD_BALANCER);

    FlowIntent cp = (FlowIntent) f.intents().get(3);
    assertThat(((Endpoint.NodeSelector) cp.from()).role()).isEqualTo("control-plane");
    assertThat(cp.port()).isEqualTo(22);
    assertThat(cp.protocol()).isEqualTo(Protocol.UDP);
    assertThat(cp.family()).isEqualTo(Family.IPV6);
    assertThat(cp.expect()).isEqualTo(Expectation.BLOCKED);

    Endpoint.AddressRef outside = (Endpoint.AddressRef) ((FlowIntent) f.intents().get(4)).from();
    assertThat(outside.enterHost()).isEqualTo("pve");
    assertThat(outside.enterIface()).isEqualTo("vmbr1");
    assertThat(((FlowIntent) f.intents().get(4)).port()).isEqualTo(FlowIntent.DEFAULT_PORT);

    SessionIntent s = (SessionIntent) f.intents().get(5);
    assertThat(s.host()).isEqualTo("w1");
    assertThat(s.peer()).isEqualTo(IpAddr.parse("fd00:101::fffe"));
    assertThat(s.daemon()).isEqualTo("bird");
    assertThat(s.where()).isEqualTo(SourceRef.of("intents.yaml", 26));
  }

  @Test
  void absentOrEmptyFileHasNoIntents() {
    assertThat(IntentsReader.read(List.of()).intents()).isEmpty();
    assertThat(read("# nothing\n").intents()).isEmpty();
  }

  @Test
  void unknownKeysAreErrorsAtTheirLines() {
    List<InputProblem> p = problems("""
        checks:
          - name: a
            from: {pod: {namespace: x, lables: {a: b}}}
            to: {node: w1}
            expcet: reachable
        keeps: []
        """);
    assertThat(p).extracting(InputProblem::toString).containsExactly(
        "intents.yaml:3: unknown key 'lables' (a pod selector has namespace, name, labels, node)",
        "intents.yaml:5: unknown key 'expcet' (a check has name, description, from, to, expect, protocol, port, family (or session))",
        "intents.yaml:6: unknown key 'keeps' (intents.yaml has checks and keep)");
  }

  @Test
  void badSelectorsAreErrorsAtTheirLines() {
    List<InputProblem> p = problems("""
        checks:
          - name: two kinds
            from: {pod: a/b, node: w1}
            to: {node: w1}
          - name: bad role
            from: {node: {role: boss}}
            to: {node: w1}
          - name: bad text
            from: "pod:"
            to: svc:default/
          - name: service source
            from: {service: default/kubernetes}
            to: {node: w1}
          - name: address source without via
            from: {address: 203.0.113.7}
            to: {node: w1}
          - name: bad address type
            from: {node: w1}
            to: {service: {name: web, address: Ingress}}
          - name: bad address
            from: {node: w1}
            to: {address: 10.0.0.300}
        """);
    assertThat(p).extracting(x -> x.where().line()).containsExactly(3, 6, 9, 10, 12, 15, 19, 22);
    assertThat(p.get(0).message()).contains("exactly one of pod, service, node, router, address; got pod and node");
    assertThat(p.get(1).message()).contains("role must be control-plane or worker, got 'boss'");
    assertThat(p.get(2).message()).contains("is not an endpoint");
    assertThat(p.get(4).message()).contains("a Service cannot be a source");
    assertThat(p.get(5).message()).contains("needs 'via: HOST/IFACE'");
    assertThat(p.get(6).message()).contains("ClusterIP, LoadBalancer, NodePort or ExternalIP");
    assertThat(p.get(7).message()).contains("invalid IP address");
  }

  @Test
  void checkLevelMistakes() {
    List<InputProblem> p = problems("""
        checks:
          - name: a
            from: {node: w1}
            to: {node: w2}
          - name: a
            from: {node: w1}
            to: {node: w2}
            expect: maybe
          - from: {node: w1}
            to: {service: default/kubernetes}
            port: 443
          - name: no to
            from: {node: w1}
          - name: session with from
            session: {host: w1}
            from: {node: w1}
            expect: reachable
          - just a string
        """);
    assertThat(p).extracting(InputProblem::toString).containsExactly(
        "intents.yaml:5: duplicate check name 'a' (first at intents.yaml:2)",
        "intents.yaml:8: expect must be reachable or blocked (established is for session checks), got 'maybe'",
        "intents.yaml:9: 'checks[2].name' is required",
        "intents.yaml:11: the port of a Service destination goes into the service selector (service.port)",
        "intents.yaml:12: check 'no to' needs 'to'",
        "intents.yaml:15: session needs 'peer' (the neighbor address)",
        "intents.yaml:16: a session check takes no 'from'",
        "intents.yaml:17: a session check expects 'established', not 'reachable'",
        "intents.yaml:18: a check must be a mapping (name, from, to, expect), got text 'just a string'");
  }

  @Test
  void keepKeys() {
    List<InputProblem> p = problems("""
        keep:
          - autoDirectNodeRoutes
          - cilium.
          - [a]
        """);
    assertThat(p).extracting(x -> x.where().line()).containsExactly(2, 3, 4);
    assertThat(p.get(0).message()).contains("must be a setting path starting with cilium., bird., frr. or host.");

    IntentsFile f = read("""
        keep:
          - cilium.autoDirectNodeRoute
          - cilium.socketLB.hostNamespaceOnIy
          - cilium.hubble.whatever.deep
        """);
    assertThat(f.keep()).hasSize(3);
    assertThat(f.findings()).extracting(x -> x.where().line()).containsExactly(2, 3);
    assertThat(f.findings()).allSatisfy(x -> assertThat(x.code()).isEqualTo("intent/unknown-keep-key"));
  }

  @Test
  void endpointTextForTheCommandLine() {
    SourceRef cli = SourceRef.NONE;
    assertThat(EndpointText.parse("svc:default/kubernetes:443", cli))
        .isEqualTo(new Endpoint.ServiceSelector("default", "kubernetes", "443", AddressType.CLUSTER_IP, cli));
    assertThat(EndpointText.parse("lb:web", cli))
        .isEqualTo(new Endpoint.ServiceSelector("default", "web", null, AddressType.LOAD_BALANCER, cli));
    assertThat(EndpointText.parse("address:fd00::1", cli))
        .isEqualTo(new Endpoint.AddressRef(IpAddr.parse("fd00::1"), null, null, cli));
    assertThat(EndpointText.parse("node:w1", cli)).isEqualTo(new Endpoint.NodeSelector("w1", null, null, cli));
    assertThatThrownBy(() -> EndpointText.parse("deployment:x", cli)).isInstanceOf(InputException.class)
        .hasMessageContaining("pod:[NS/]NAME");
  }
}
