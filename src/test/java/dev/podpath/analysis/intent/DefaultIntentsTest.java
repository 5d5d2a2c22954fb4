package dev.podpath.analysis.intent;

import static org.assertj.core.api.Assertions.assertThat;

import dev.podpath.controlplane.spi.AddressFamily;
import dev.podpath.controlplane.spi.BgpNeighborConfig;
import dev.podpath.controlplane.spi.RibEntry;
import dev.podpath.controlplane.spi.RoutingDaemon;
import dev.podpath.controlplane.spi.SessionContext;
import dev.podpath.core.Finding;
import dev.podpath.core.SourceRef;
import dev.podpath.core.net.IpAddr;
import dev.podpath.ingest.Snapshot;
import dev.podpath.model.routing.BgpRoute;
import dev.podpath.model.routing.KernelRoute;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DefaultIntentsTest {

  private final Snapshot snap = SmallSnapshot.load();

  @Test
  void namesAreReadableAndTheSetIsComplete() {
    List<Finding> findings = new ArrayList<>();
    List<FlowIntent> intents = DefaultIntents.flows(IntentResolver.of(snap), snap.kubernetes(), findings);
    assertThat(intents).extracting(Intent::name).containsExactly(
        // ClusterIP: every pod node x every ClusterIP Service with known endpoints (default/orphan has none)
        "pod@cp1 -> svc default/kubernetes:443",
        "pod@w1 -> svc default/kubernetes:443",
        "pod@w2 -> svc default/kubernetes:443",
        "pod@cp1 -> svc default/web:80",
        "pod@w1 -> svc default/web:80",
        "pod@w2 -> svc default/web:80",
        "pod@cp1 -> svc kube-system/kube-dns",
        "pod@w1 -> svc kube-system/kube-dns",
        "pod@w2 -> svc kube-system/kube-dns",
        // pod-to-pod, one direction per pair
        "pod@cp1 -> pod@w1",
        "pod@cp1 -> pod@w2",
        "pod@w1 -> pod@w2",
        // LB VIPs from routers that are not nodes
        "router pve -> lb default/web:80");
    assertThat(intents).allMatch(Intent::generated);
    assertThat(findings).extracting(Finding::code).containsExactly("intent/backends-unknown");
    assertThat(findings.get(0).message()).contains("default/orphan");
  }

  @Test
  void aRealPodWhereThereIsOneElseASyntheticOneAndTheDescriptionSaysSo() {
    List<FlowIntent> intents = DefaultIntents.flows(IntentResolver.of(snap), snap.kubernetes(), new ArrayList<>());
    FlowIntent w1 = byName(intents, "pod@w1 -> svc default/kubernetes:443");
    assertThat(w1.from()).isInstanceOf(Endpoint.PodSelector.class);
    assertThat(((Endpoint.PodSelector) w1.from()).name()).isEqualTo("coredns-0");
    assertThat(w1.description()).contains("pod kube-system/coredns-0");
    assertThat(w1.where()).isEqualTo(SourceRef.of("kubernetes/services.yaml", 1));

    FlowIntent w2 = byName(intents, "pod@w2 -> svc default/kubernetes:443");
    assertThat(w2.from()).isEqualTo(new Endpoint.SyntheticPod("w2", SourceRef.of("kubernetes/nodes.yaml", 25)));
    assertThat(w2.description()).contains("synthetic pod [fd00:101:224:2::64]")
        .contains("pod CIDR [fd00:101:224:2::/80]").contains("no pod on w2");

    FlowIntent lb = byName(intents, "router pve -> lb default/web:80");
    assertThat(lb.description()).contains("fd00:101:200::1").contains("CiliumBGPAdvertisement lb");
  }

  @Test
  void oneSessionIntentPerDeclaredNeighbor() {
    BgpNeighborConfig up = neighbor("upstream", "fd00:101::fffe", null, 12);
    BgpNeighborConfig cil = neighbor("cilium", "::1", null, 20);
    BgpNeighborConfig vrf = neighbor("vrf_evpnz1/fd00:101::21", "fd00:101::21", "vrf_evpnz1", 7);
    List<SessionIntent> s = DefaultIntents.sessions(List.of(
        new FakeDaemon("w1", "bird", List.of(up, cil)), new FakeDaemon("pve", "frr", List.of(vrf))));
    assertThat(s).extracting(Intent::name).containsExactly(
        "bgp pve/frr vrf vrf_evpnz1 -> fd00:101::21",
        "bgp w1/bird -> fd00:101::fffe",
        "bgp w1/bird -> ::1");
    assertThat(s.get(1).where()).isEqualTo(SourceRef.of("hosts/w1/bird.conf", 12));
    assertThat(s.get(1).peer()).isEqualTo(IpAddr.parse("fd00:101::fffe"));
    assertThat(s.get(1).neighborId()).isEqualTo("upstream");
  }

  @Test
  void intentsYamlReplacesTheDefaults() {
    IntentPlan plan = IntentPlan.of(SmallSnapshot.load(), List.of());
    assertThat(plan.defaults()).isTrue();
    assertThat(plan.flowIntents()).hasSize(13);
    // inventory findings are part of the plan
    assertThat(plan.findings()).extracting(Finding::code).contains("intent/backends-unknown");
  }

  static FlowIntent byName(List<FlowIntent> intents, String name) {
    return intents.stream().filter(i -> i.name().equals(name)).findFirst().orElseThrow();
  }

  static BgpNeighborConfig neighbor(String id, String peer, String vrf, int line) {
    return new BgpNeighborConfig(id, vrf, 4210101021L, new BgpNeighborConfig.PeerAs.Exact(4200001000L), IpAddr.parse(peer),
        179, null, true, false, 1, true, null, null, Set.of(AddressFamily.IPV6_UNICAST),
        SourceRef.of("hosts/" + (vrf == null ? "w1/bird.conf" : "pve/frr.conf"), line));
  }

  record FakeDaemon(String host, String name, List<BgpNeighborConfig> neighbors) implements RoutingDaemon {
    @Override
    public void open(List<SessionContext> sessions) {}

    @Override
    public void receive(SessionContext session, AddressFamily family, List<BgpRoute> routes) {}

    @Override
    public boolean settle() {
      return false;
    }

    @Override
    public List<BgpRoute> advertise(SessionContext session, AddressFamily family) {
      return List.of();
    }

    @Override
    public List<KernelRoute> kernelRoutes() {
      return List.of();
    }

    @Override
    public List<RibEntry> rib() {
      return List.of();
    }

    @Override
    public List<Finding> findings() {
      return List.of();
    }
  }
}
