package dev.podpath.dataplane;

import static dev.podpath.dataplane.EastWest.aToWeb;
import static dev.podpath.dataplane.EastWest.kpr;
import static dev.podpath.dataplane.EastWest.network;
import static dev.podpath.dataplane.EastWest.webToB;
import static dev.podpath.dataplane.Fixtures.ip;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** kube-proxy-replacement=false: kube-proxy's iptables for host clients; bpf_lxc still per packet for pods. */
class KubeProxyTest {

  private final DatapathSettings kpOff = kpr().withoutKubeProxyReplacement();

  @Test
  void hostClientsAreDnatedByKubeProxyAndConntrackReversesTheReply() {
    TestNetwork net = network();
    FlowSpec f = FlowSpec.tcp(new FlowSpec.Source.HostProcess("w1", ip("fd00:101::21")), ip("fd00:101:96::10"), 80);
    FlowTrace t = PacketWalk.trace(f, kpOff, net, webToB(), net);

    assertThat(t.works()).as(t.toString()).isTrue();
    assertThat(t.forward().get(0).actor()).isEqualTo("iptables KUBE-SERVICES (nat OUTPUT, kube-proxy)");
    assertThat(t.forward()).noneMatch(s -> s.actor().startsWith("bpf_sock"));
    Step rev = t.reply().stream().filter(s -> s.kind() == Step.Kind.REVERSE_NAT).findFirst().orElseThrow();
    assertThat(rev.host()).isEqualTo("w1");
    assertThat(rev.actor()).startsWith("conntrack (kube-proxy DNAT");
  }

  @Test
  void podsAreStillTranslatedPerPacketInBpfLxc() {
    // cilium bpf/bpf_lxc.c: !ENABLE_SOCKET_LB_FULL => ENABLE_PER_PACKET_LB (socket LB off with KPR off).
    TestNetwork net = network();
    FlowTrace t = PacketWalk.trace(aToWeb(), kpOff, net, webToB(), net);

    assertThat(t.works()).as(t.toString()).isTrue();
    assertThat(t.forward().get(0).actor()).isEqualTo("bpf_lxc from-container (__per_packet_lb_svc_xlate_6)");
  }

  @Test
  void withoutKprThereIsNoBpfHostRoutingEvenIfLegacyRoutingIsOff() {
    // cilium pkg/datapath/linux/config/config.go WriteNodeConfig: ENABLE_HOST_ROUTING only under KPR.
    DatapathSettings s = new DatapathSettings(false, false, false, false, false, false, false, false, null, null,
        false, LbMode.SNAT, false, java.util.Map.of());
    assertThat(s.bpfHostRouting()).isFalse();
    assertThat(s.perPacketLb()).isTrue();
    assertThat(s.socketLbTranslates(true)).isFalse();
  }
}
