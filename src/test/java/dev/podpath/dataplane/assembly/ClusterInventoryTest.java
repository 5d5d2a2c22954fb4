package dev.podpath.dataplane.assembly;

import static org.assertj.core.api.Assertions.assertThat;

import dev.podpath.core.SourceRef;
import dev.podpath.core.net.IpAddr;
import dev.podpath.core.net.IpPrefix;
import dev.podpath.dataplane.Endpoints;
import dev.podpath.dataplane.Protocol;
import dev.podpath.dataplane.Service;
import dev.podpath.ingest.Snapshot;
import dev.podpath.ingest.SnapshotLoader;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The Kubernetes objects of src/test/resources/intents/small as the walk's services and endpoints. */
class ClusterInventoryTest {

  static final Path SMALL = Path.of("src", "test", "resources", "intents", "small");
  static ClusterInventory inv;

  @BeforeAll
  static void load() {
    Snapshot s = SnapshotLoader.load(SMALL);
    inv = ClusterInventory.of(s.kubernetes());
  }

  static IpAddr ip(String s) {
    return IpAddr.parse(s);
  }

  @Test
  void nodesWithRolesAddressesAndPodCidrs() {
    assertThat(inv.nodes()).extracting(ClusterNode::name).containsExactly("cp1", "w1", "w2");
    ClusterNode cp1 = inv.node("cp1").orElseThrow();
    assertThat(cp1.role()).isEqualTo("control-plane");
    assertThat(inv.node("w1").orElseThrow().role()).isEqualTo("worker");
    assertThat(cp1.internalIps()).containsExactly(ip("fd00:101::11"));
    assertThat(cp1.podCidrs()).containsExactly(IpPrefix.parse("fd00:101:224::/80"));
    assertThat(cp1.where()).isEqualTo(SourceRef.of("kubernetes/nodes.yaml", 1));
  }

  @Test
  void hostNetworkPodsAreNoEndpoints() {
    Endpoints eps = inv.endpoints(List.of());
    assertThat(eps.pod(ip("fd00:101:224:1::10"))).contains(new Endpoints.Pod("kube-system/coredns-0",
        ip("fd00:101:224:1::10"), "w1"));
    assertThat(eps.pod(ip("fd00:101::11"))).isEmpty();
    assertThat(eps.podCidrs("w2")).containsExactly(IpPrefix.parse("fd00:101:224:2::/80"));
  }

  @Test
  void apiserverBackendIsTheControlPlaneHost() {
    ClusterService k = inv.service("default", "kubernetes").orElseThrow();
    assertThat(k.clusterIps()).containsExactly(ip("fd00:101:96::1"));
    Service.Backend b = k.ports().get(0).backends().get(0);
    // no nodeName in the slice: located by the node owning the address; host network because it is a node address
    assertThat(b.node()).isEqualTo("cp1");
    assertThat(b.hostNetwork()).isTrue();
    assertThat(b.port()).isEqualTo(6443);
    assertThat(b.where()).isEqualTo(SourceRef.of("kubernetes/services.yaml", 23));
  }

  @Test
  void multiPortServiceIsOneDataplaneServicePerPortAndNotReadyEndpointsAreLeftOut() {
    ClusterService dns = inv.service("kube-system", "kube-dns").orElseThrow();
    assertThat(dns.ports()).extracting(ClusterService.Port::protocol).containsExactly(Protocol.UDP, Protocol.TCP);
    assertThat(dns.ports().get(0).backends()).extracting(Service.Backend::name).containsExactly("kube-system/coredns-0");
    List<Service> table = inv.serviceTable().services();
    assertThat(table).extracting(Service::name).contains("kube-system/kube-dns:53/UDP", "kube-system/kube-dns:53/TCP",
        "default/kubernetes", "default/web", "default/orphan");
  }

  @Test
  void loadBalancerFrontendsFromStatusAndNodePort() {
    Service web = inv.serviceTable().services().stream().filter(s -> s.name().equals("default/web")).findFirst().orElseThrow();
    assertThat(web.frontends()).containsExactly(
        new Service.Frontend(Service.FrontendKind.CLUSTER_IP, ip("fd00:101:96::80"), 80, Protocol.TCP),
        new Service.Frontend(Service.FrontendKind.NODE_PORT, null, 30080, Protocol.TCP),
        new Service.Frontend(Service.FrontendKind.LOAD_BALANCER, ip("fd00:101:200::1"), 80, Protocol.TCP));
    assertThat(web.backends()).singleElement().satisfies(b -> {
      assertThat(b.node()).isEqualTo("cp1");
      assertThat(b.hostNetwork()).isFalse();
      assertThat(b.port()).isEqualTo(8080);
    });
  }

  @Test
  void serviceWithoutEndpointsHasUnknownBackends() {
    ClusterService orphan = inv.service("default", "orphan").orElseThrow();
    assertThat(orphan.endpointsKnown()).isFalse();
    assertThat(orphan.ports().get(0).backends()).isEmpty();
    assertThat(inv.service("default", "kubernetes").orElseThrow().endpointsKnown()).isTrue();
  }
}
