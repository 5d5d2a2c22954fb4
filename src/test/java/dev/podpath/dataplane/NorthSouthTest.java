package dev.podpath.dataplane;

import static dev.podpath.dataplane.Fixtures.ip;
import static org.assertj.core.api.Assertions.assertThat;

import dev.podpath.core.SourceRef;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A LoadBalancer VIP reached from outside through router r1, which learned the VIP from w1 only;
 * the backend pod runs on w2. SNAT mode brings the reply back through w1; DSR lets w2 answer the
 * client directly (cilium bpf/lib/nodeport.h).
 */
class NorthSouthTest {

  private static TestNetwork net() {
    return new TestNetwork()
        .router("r1").iface("r1", "eth0", "lan", "10.101.0.1/24").iface("r1", "eth1", "wan", "198.51.100.1/24")
        .outside("wan", "internet")
        .node("w1").iface("w1", "eth0", "lan", "10.101.0.21/24")
        .node("w2").iface("w2", "eth0", "lan", "10.101.0.22/24")
        .route("r1", "default via 198.51.100.254 dev eth1")
        .route("r1", "10.101.250.10/32 via 10.101.0.21 proto bgp")
        .route("r1", "10.96.0.0/12 via 10.101.0.21 proto bgp")
        .route("w1", "10.101.1.0/24 dev cilium_host proto kernel")
        .route("w1", "10.101.2.0/24 via 10.101.0.22 proto bird")
        .route("w1", "default via 10.101.0.1")
        .route("w2", "10.101.2.0/24 dev cilium_host proto kernel")
        .route("w2", "10.101.1.0/24 via 10.101.0.21 proto bird")
        .route("w2", "default via 10.101.0.1")
        .podCidr("w1", "10.101.1.0/24").podCidr("w2", "10.101.2.0/24")
        .pod("default/b", "10.101.2.10", "w2");
  }

  private static Service lb(Protocol proto, LbMode annotation) {
    return new Service("default/web", List.of(
        new Service.Frontend(Service.FrontendKind.LOAD_BALANCER, ip("10.101.250.10"), 80, proto),
        new Service.Frontend(Service.FrontendKind.CLUSTER_IP, ip("10.96.0.10"), 80, proto)),
        List.of(new Service.Backend("default/b", ip("10.101.2.10"), 8080, "w2", false, SourceRef.NONE)),
        annotation, SourceRef.of("kubernetes/web.yaml", 1));
  }

  private static FlowSpec fromInternet(String dst) {
    return FlowSpec.tcp(new FlowSpec.Source.Outside(ip("203.0.113.7"), "r1", "eth1"), ip(dst), 80);
  }

  private static FlowTrace trace(FlowSpec f, DatapathSettings s, TestNetwork n, Service svc) {
    return PacketWalk.trace(f, s, n, ServiceTable.of(List.of(svc)), n);
  }

  private static DatapathSettings mode(LbMode m, boolean externalClusterIp) {
    return DatapathSettings.kprDefaults().withLbMode(m, externalClusterIp);
  }

  @Test
  void snatModeSendsTheReplyBackThroughTheIngressNode() {
    FlowTrace t = trace(fromInternet("10.101.250.10"), mode(LbMode.SNAT, false), net(), lb(Protocol.TCP, null));

    assertThat(t.works()).as(t.toString()).isTrue();
    assertThat(t.forward()).anySatisfy(s -> {
      assertThat(s.host()).isEqualTo("w1");
      assertThat(s.kind()).isEqualTo(Step.Kind.SNAT);
      assertThat(s.after().src()).isEqualTo(ip("10.101.0.21"));
    });
    assertThat(t.reply()).filteredOn(s -> s.kind() == Step.Kind.REVERSE_NAT).extracting(Step::host)
        .containsExactly("w1", "w1");
    assertThat(t.reply().get(t.reply().size() - 1).after().src()).isEqualTo(ip("10.101.250.10"));
  }

  @Test
  void dsrKeepsTheClientAddressAndTheBackendsNodeAnswersDirectly() {
    FlowTrace t = trace(fromInternet("10.101.250.10"), mode(LbMode.DSR, false), net(), lb(Protocol.TCP, null));

    assertThat(t.works()).as(t.toString()).isTrue();
    assertThat(t.forward()).noneMatch(s -> s.kind() == Step.Kind.SNAT);
    Step rev = t.reply().get(0);
    assertThat(rev.host()).isEqualTo("w2");
    assertThat(rev.kind()).isEqualTo(Step.Kind.REVERSE_NAT);
    assertThat(rev.after().src()).isEqualTo(ip("10.101.250.10"));
    assertThat(t.reply()).noneMatch(s -> s.host().equals("w1"));
  }

  @Test
  void dsrNeedsAReturnRouteOnTheBackendsNodeWhereSnatDoesNot() {
    // w2 knows nothing but the LAN and pod CIDRs: no way to the internet client.
    TestNetwork noDefault = new TestNetwork()
        .router("r1").iface("r1", "eth0", "lan", "10.101.0.1/24").iface("r1", "eth1", "wan", "198.51.100.1/24")
        .outside("wan", "internet")
        .node("w1").iface("w1", "eth0", "lan", "10.101.0.21/24")
        .node("w2").iface("w2", "eth0", "lan", "10.101.0.22/24")
        .route("r1", "default via 198.51.100.254 dev eth1")
        .route("r1", "10.101.250.10/32 via 10.101.0.21 proto bgp")
        .route("w1", "10.101.2.0/24 via 10.101.0.22 proto bird")
        .route("w1", "default via 10.101.0.1")
        .route("w2", "10.101.2.0/24 dev cilium_host proto kernel")
        .podCidr("w1", "10.101.1.0/24").podCidr("w2", "10.101.2.0/24")
        .pod("default/b", "10.101.2.10", "w2");
    FlowTrace dsr = trace(fromInternet("10.101.250.10"), mode(LbMode.DSR, false), noDefault, lb(Protocol.TCP, null));
    assertThat(dsr.works()).isFalse();
    assertThat(dsr.representative().endedAt()).isEqualTo("w2");
    assertThat(dsr.representative().endedIn()).isEqualTo(Direction.REPLY);
    // BPF host routing (kprDefaults): the backend's bpf_lxc does the lookup, so Hubble's name applies.
    assertThat(dsr.disposition()).isEqualTo(Disposition.FIB_LOOKUP_FAILED);

    FlowTrace snat = trace(fromInternet("10.101.250.10"), mode(LbMode.SNAT, false), noDefault, lb(Protocol.TCP, null));
    assertThat(snat.works()).as(snat.toString()).isTrue();
  }

  @Test
  void hybridIsDsrForTcpAndSnatForUdpAndTheAnnotationWins() {
    FlowTrace udp = trace(fromInternet("10.101.250.10").withProtocol(Protocol.UDP), mode(LbMode.HYBRID, false), net(),
        lb(Protocol.UDP, null));
    assertThat(udp.forward()).anyMatch(s -> s.kind() == Step.Kind.SNAT);
    FlowTrace tcp = trace(fromInternet("10.101.250.10"), mode(LbMode.HYBRID, false), net(), lb(Protocol.TCP, null));
    assertThat(tcp.forward()).noneMatch(s -> s.kind() == Step.Kind.SNAT);
    FlowTrace annotated = trace(fromInternet("10.101.250.10"), mode(LbMode.SNAT, false), net(), lb(Protocol.TCP, LbMode.DSR));
    assertThat(annotated.forward()).noneMatch(s -> s.kind() == Step.Kind.SNAT);
  }

  @Test
  void externalClusterIpIsServedOnlyWithLbExternalClusterIp() {
    // bpf/lib/lb.h lb4_svc_is_routable: SVC_FLAG_ROUTABLE, set for ClusterIPs only with bpf-lb-external-clusterip.
    FlowTrace on = trace(fromInternet("10.96.0.10"), mode(LbMode.SNAT, true), net(), lb(Protocol.TCP, null));
    assertThat(on.works()).as(on.toString()).isTrue();
    assertThat(on.forward()).anyMatch(s -> s.kind() == Step.Kind.DNAT && s.host().equals("w1"));

    FlowTrace off = trace(fromInternet("10.96.0.10"), mode(LbMode.SNAT, false), net(), lb(Protocol.TCP, null));
    assertThat(off.works()).isFalse();
    // cilium bpf/lib/nodeport.h nodeport_lb4: !lb4_svc_is_routable(svc) => DROP_IS_CLUSTER_IP at the ingress node.
    assertThat(off.disposition()).isEqualTo(Disposition.IS_A_CLUSTERIP);
    assertThat(off.representative().endedAt()).isEqualTo("w1");
    assertThat(off.representative().lastStep().rule()).contains("bpf-lb-external-clusterip=false");
  }

  @Test
  void kubeProxyServesTheVipWithDnatAndMasquerade() {
    FlowTrace t = trace(fromInternet("10.101.250.10"), DatapathSettings.kprDefaults().withoutKubeProxyReplacement(),
        net(), lb(Protocol.TCP, null));
    assertThat(t.works()).as(t.toString()).isTrue();
    assertThat(t.forward()).extracting(Step::actor)
        .contains("iptables KUBE-SERVICES (nat PREROUTING, kube-proxy)", "iptables KUBE-POSTROUTING (kube-proxy)");
  }
}
