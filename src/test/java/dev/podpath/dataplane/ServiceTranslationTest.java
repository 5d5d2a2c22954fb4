package dev.podpath.dataplane;

import static dev.podpath.dataplane.EastWest.aToWeb;
import static dev.podpath.dataplane.EastWest.backend;
import static dev.podpath.dataplane.EastWest.kpr;
import static dev.podpath.dataplane.EastWest.network;
import static dev.podpath.dataplane.EastWest.web;
import static dev.podpath.dataplane.EastWest.webToB;
import static dev.podpath.dataplane.Fixtures.ip;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Where a ClusterIP is translated: bpf_sock at connect(), bpf_lxc per packet, or not at all. */
class ServiceTranslationTest {

  @Test
  void socketLbForAllNamespacesTranslatesAtConnectAndNeedsNoReverseNat() {
    // cilium bpf/bpf_sock.c __sock6_xlate_fwd (ENABLE_SOCKET_LB_FULL); bpf_lxc.c: no ENABLE_PER_PACKET_LB.
    TestNetwork net = network();
    FlowTrace t = PacketWalk.trace(aToWeb(), kpr().withSocketLbHostnsOnly(false), net, webToB(), net);

    assertThat(t.works()).as(t.toString()).isTrue();
    Step first = t.forward().get(0);
    assertThat(first.actor()).isEqualTo("bpf_sock connect6");
    assertThat(first.kind()).isEqualTo(Step.Kind.DNAT);
    assertThat(first.after().dst()).isEqualTo(ip("fd00:101:224:2::10"));
    assertThat(t.reply()).noneMatch(s -> s.kind() == Step.Kind.REVERSE_NAT);
  }

  @Test
  void hostnsOnlyLeavesPodsToPerPacketLbWhichReverseNatsInTheClientsBpfLxc() {
    // cilium bpf/bpf_lxc.c: ENABLE_SOCKET_LB_HOST_ONLY => ENABLE_PER_PACKET_LB; ipv6_policy lb6_rev_nat.
    TestNetwork net = network();
    FlowTrace t = PacketWalk.trace(aToWeb(), kpr().withSocketLbHostnsOnly(true), net, webToB(), net);

    assertThat(t.works()).as(t.toString()).isTrue();
    assertThat(t.forward()).extracting(Step::actor)
        .contains("bpf_sock connect6", "bpf_lxc from-container (__per_packet_lb_svc_xlate_6)");
    Step rev = t.reply().stream().filter(s -> s.kind() == Step.Kind.REVERSE_NAT).findFirst().orElseThrow();
    assertThat(rev.host()).isEqualTo("w1");
    assertThat(rev.after().src()).isEqualTo(ip("fd00:101:96::10"));
  }

  @Test
  void hostNamespaceClientsAreTranslatedBySocketLbEvenWhenHostnsOnly() {
    // cilium bpf/bpf_sock.c __sock6_xlate_fwd: the -ENXIO applies only to !in_hostns.
    TestNetwork net = network();
    FlowSpec f = FlowSpec.tcp(new FlowSpec.Source.HostProcess("w1", ip("fd00:101::21")), ip("fd00:101:96::10"), 80);
    FlowTrace t = PacketWalk.trace(f, kpr().withSocketLbHostnsOnly(true), net, webToB(), net);

    assertThat(t.works()).as(t.toString()).isTrue();
    assertThat(t.forward().get(0).actor()).isEqualTo("bpf_sock connect6");
    assertThat(t.forward().get(0).kind()).isEqualTo(Step.Kind.DNAT);
  }

  @Test
  void aHostClientWithoutAGivenAddressSendsFromTheAddressTowardsTheBackend() {
    TestNetwork net = network();
    FlowSpec f = FlowSpec.tcp(new FlowSpec.Source.HostProcess("w1", null), ip("fd00:101:96::10"), 80);
    FlowTrace t = PacketWalk.trace(f, kpr(), net, webToB(), net);

    assertThat(t.works()).as(t.toString()).isTrue();
    assertThat(t.forward().get(0).before().src()).isEqualTo(ip("fd00:101::21"));
  }

  @Test
  void aServiceWithoutBackendsIsServiceBackendNotFound() {
    TestNetwork net = network();
    FlowTrace t = PacketWalk.trace(aToWeb(), kpr().withSocketLbHostnsOnly(true), net,
        ServiceTable.of(List.of(web())), net);

    assertThat(t.disposition()).isEqualTo(Disposition.SERVICE_BACKEND_NOT_FOUND);
    assertThat(t.summary()).contains("no backends");
    assertThat(t.representative().lastStep().actor()).startsWith("bpf_lxc from-container");
  }

  @Test
  void everyBackendIsTracedAndOneWithoutAReturnPathShowsAsPartialFailure() {
    // w3 has pod c but no route back to w1's pod CIDR: one of three backends fails.
    TestNetwork net = network()
        .node("w3").iface("w3", "eth0", "lan", "fd00:101::23/64")
        .route("w3", "fd00:101:224:3::/80 dev cilium_host proto kernel")
        .route("w1", "fd00:101:224:3::/80 via fd00:101::23 proto bird")
        .podCidr("w3", "fd00:101:224:3::/80")
        .pod("default/c", "fd00:101:224:3::10", "w3")
        .pod("default/d", "fd00:101:224:2::11", "w2");
    ServiceTable svc = ServiceTable.of(List.of(web(
        backend("default/b", "fd00:101:224:2::10", 8080, "w2"),
        backend("default/c", "fd00:101:224:3::10", 8080, "w3"),
        backend("default/d", "fd00:101:224:2::11", 8080, "w2"))));
    FlowTrace t = PacketWalk.trace(aToWeb(), kpr().withSocketLbHostnsOnly(true), net, svc, net);

    assertThat(t.paths()).hasSize(3);
    assertThat(t.workingPaths()).isEqualTo(2);
    assertThat(t.works()).isFalse();
    PathTrace bad = t.failingPaths().get(0);
    assertThat(bad.backend().name()).isEqualTo("default/c");
    assertThat(bad.endedIn()).isEqualTo(Direction.REPLY);
    assertThat(bad.endedAt()).isEqualTo("w3");
    assertThat(bad.disposition()).isEqualTo(Disposition.NO_ROUTE);
    assertThat(t.summary()).contains("2 of 3 backends work").contains("default/c");
  }
}
