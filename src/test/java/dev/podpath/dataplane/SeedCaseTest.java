package dev.podpath.dataplane;

import static dev.podpath.dataplane.Fixtures.corednsToKubernetes;
import static dev.podpath.dataplane.Fixtures.kubernetesService;
import static dev.podpath.dataplane.Fixtures.seedNetwork;
import static dev.podpath.dataplane.Fixtures.seedSettings;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The founding case in miniature (docs/seed/coredns-clusterip-bgp.md): CoreDNS on a worker dials
 * the kubernetes ClusterIP whose backend is the apiserver on a control-plane node
 * (hostNetwork). The control-plane node has no route for the worker's pod /80, only a default
 * route to an upstream outside the model. Every verdict here is derived by the walk.
 */
class SeedCaseTest {

  private final ServiceTable services = ServiceTable.of(List.of(kubernetesService()));

  @Test
  void replyLeavesTheModelAtTheControlPlaneNode() {
    TestNetwork net = seedNetwork();
    FlowTrace t = PacketWalk.trace(corednsToKubernetes(), seedSettings(), net, services, net);

    assertThat(t.works()).isFalse();
    PathTrace p = t.representative();
    // The request arrives: per-packet LB in bpf_lxc (hostns-only socket LB skipped the pod).
    assertThat(p.forward()).anySatisfy(s -> {
      assertThat(s.actor()).startsWith("bpf_sock connect6");
      assertThat(s.kind()).isEqualTo(Step.Kind.SKIP);
      assertThat(s.where()).isEqualTo(dev.podpath.core.SourceRef.of(Fixtures.VALUES, 20));
    });
    assertThat(p.forward()).anySatisfy(s -> {
      assertThat(s.actor()).startsWith("bpf_lxc from-container (__per_packet_lb_svc_xlate_6");
      assertThat(s.kind()).isEqualTo(Step.Kind.DNAT);
      assertThat(s.after().dst()).isEqualTo(Fixtures.ip("fd00:101::11"));
      assertThat(s.after().src()).isEqualTo(Fixtures.ip("fd00:101:224:1::10"));
    });
    assertThat(p.forward().get(p.forward().size() - 1).kind()).isEqualTo(Step.Kind.DELIVER);
    assertThat(p.forward().get(p.forward().size() - 1).host()).isEqualTo("cp1");
    // ... and the reply dies at cp1: the default route leads out of the model.
    assertThat(p.endedIn()).isEqualTo(Direction.REPLY);
    assertThat(p.endedAt()).isEqualTo("cp1");
    assertThat(t.disposition()).isEqualTo(Disposition.EXITS_NETWORK);
    assertThat(p.lastStep().rule()).contains("fd00:101::fffe");
    assertThat(p.reply()).anySatisfy(s -> {
      assertThat(s.actor()).isEqualTo("kernel FIB main");
      assertThat(s.rule()).startsWith("::/0 via fd00:101::fffe");
      assertThat(s.where().file()).isEqualTo("hosts/cp1/host.yaml");
    });
    assertThat(t.summary()).contains("0 of 1 backend works").contains("reply dies at cp1");
  }

  @Test
  void aRouteToTheWorkersPodCidrOnTheControlPlaneFixesIt() {
    // What autoDirectNodeRoutes (or a BGP-learned route) would install on cp1.
    TestNetwork net = seedNetwork().route("cp1", "fd00:101:224:1::/80 via fd00:101::21 dev eth0 proto bird");
    FlowTrace t = PacketWalk.trace(corednsToKubernetes(), seedSettings(), net, services, net);

    assertThat(t.works()).as(t.toString()).isTrue();
    assertThat(t.disposition()).isEqualTo(Disposition.ACCEPTED);
    // The reply re-enters w1 and is reverse-NATed by the client pod's bpf_lxc.
    assertThat(t.reply()).anySatisfy(s -> {
      assertThat(s.host()).isEqualTo("w1");
      assertThat(s.kind()).isEqualTo(Step.Kind.REVERSE_NAT);
      assertThat(s.actor()).startsWith("bpf_lxc to-container");
      assertThat(s.after().src()).isEqualTo(Fixtures.ip("fd00:101:96::1"));
      assertThat(s.after().srcPort()).isEqualTo(443);
    });
  }

  @Test
  void optionA_socketLbForPodsStillFails() {
    TestNetwork net = seedNetwork();
    FlowTrace t = PacketWalk.trace(corednsToKubernetes(), seedSettings().withSocketLbHostnsOnly(false), net, services, net);

    assertThat(t.works()).isFalse();
    // Translation moves to connect() ...
    assertThat(t.forward().get(0).actor()).isEqualTo("bpf_sock connect6");
    assertThat(t.forward().get(0).kind()).isEqualTo(Step.Kind.DNAT);
    assertThat(t.forward()).noneMatch(s -> s.actor().startsWith("bpf_lxc from-container (__per_packet"));
    // ... but the reply needs the same route back, which cp1 lacks.
    assertThat(t.representative().endedAt()).isEqualTo("cp1");
    assertThat(t.representative().endedIn()).isEqualTo(Direction.REPLY);
    assertThat(t.disposition()).isEqualTo(Disposition.EXITS_NETWORK);
  }

  @Test
  void optionB_bpfMasqueradeStillFailsBecauseTheNodeIsInsideTheNativeRoutingCidr() {
    TestNetwork net = seedNetwork();
    FlowTrace t = PacketWalk.trace(corednsToKubernetes(), seedSettings().withBpfMasquerade(true), net, services, net);

    assertThat(t.works()).isFalse();
    assertThat(t.forward()).anySatisfy(s -> {
      assertThat(s.actor()).startsWith("bpf_host to-netdev eth0 (snat_v6_needs_masquerade)");
      assertThat(s.kind()).isEqualTo(Step.Kind.SKIP);
      assertThat(s.rule()).contains("fd00:101::/48");
    });
    assertThat(t.forward()).noneMatch(s -> s.kind() == Step.Kind.SNAT);
    assertThat(t.representative().endedAt()).isEqualTo("cp1");
    assertThat(t.disposition()).isEqualTo(Disposition.EXITS_NETWORK);
  }

  @Test
  void withIptablesMasqueradeTheNodeIpsetExcludesTheApiserverNode() {
    TestNetwork net = seedNetwork();
    FlowTrace t = PacketWalk.trace(corednsToKubernetes(), seedSettings(), net, services, net);
    // cilium iptables.go: node ipset ACCEPT comes before MASQUERADE (NodeIpsetNeeded).
    assertThat(t.forward()).anySatisfy(s -> {
      assertThat(s.actor()).isEqualTo("iptables CILIUM_POST_nat");
      assertThat(s.kind()).isEqualTo(Step.Kind.SKIP);
      assertThat(s.rule()).contains("cilium_node_set_v6");
    });
  }

  @Test
  void aPodOnTheApiserversOwnNodeIsNotAffected() {
    // bpf_lxc handle_ipv6_from_lxc: the backend is the local host endpoint; the reply is routed by
    // cp1's kernel to its own pod CIDR via cilium_host, so no route to another node is needed.
    TestNetwork net = seedNetwork().pod("kube-system/coredns-1", "fd00:101:224::20", "cp1");
    FlowSpec f = FlowSpec.tcp(new FlowSpec.Source.Pod(Fixtures.ip("fd00:101:224::20")), Fixtures.ip("fd00:101:96::1"), 443);
    FlowTrace t = PacketWalk.trace(f, seedSettings(), net, services, net);

    assertThat(t.works()).as(t.toString()).isTrue();
    assertThat(t.forward()).anySatisfy(s -> assertThat(s.rule()).contains("host endpoint"));
  }

  @Test
  void aModelledUpstreamThatKnowsThePodCidrCarriesTheReply() {
    // The upstream (PVE FRR in VRF vrf_evpnz1) is now in the model and has learned w1's pod /80.
    TestNetwork net = new TestNetwork()
        .node("w1").iface("w1", "eth0", "lan101", "fd00:101::21/64")
        .node("cp1").iface("cp1", "eth0", "lan101", "fd00:101::11/64")
        .router("pve").vrfIface("pve", "vrfbr101", "lan101", "vrf_evpnz1", "fd00:101::fffe/64")
        .route("w1", "fd00:101:224:1::/80 dev cilium_host proto kernel")
        .route("w1", "default via fd00:101::fffe dev eth0")
        .route("cp1", "fd00:101:224::/80 dev cilium_host proto kernel")
        .route("cp1", "default via fd00:101::fffe dev eth0")
        .route("pve", "fd00:101:224:1::/80 via fd00:101::21 proto bgp table vrf_evpnz1")
        .podCidr("w1", "fd00:101:224:1::/80").podCidr("cp1", "fd00:101:224::/80")
        .pod("kube-system/coredns-0", "fd00:101:224:1::10", "w1");
    FlowTrace t = PacketWalk.trace(corednsToKubernetes(), seedSettings(), net, services, net);

    assertThat(t.works()).as(t.toString()).isTrue();
    assertThat(t.reply()).extracting(Step::host).contains("cp1", "pve", "w1");
    assertThat(t.reply()).anySatisfy(s -> assertThat(s.actor()).isEqualTo("kernel FIB vrf_evpnz1"));
  }
}
