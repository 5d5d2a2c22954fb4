package dev.podpath.controlplane.cilium;

import static org.assertj.core.api.Assertions.assertThat;

import dev.podpath.controlplane.ControlPlane;
import dev.podpath.controlplane.ControlPlaneResult;
import dev.podpath.controlplane.FakeBgpDaemon;
import dev.podpath.controlplane.Hosts;
import dev.podpath.controlplane.Nbr;
import dev.podpath.controlplane.SessionDownReason;
import dev.podpath.controlplane.SessionResult;
import dev.podpath.controlplane.spi.AddressFamily;
import dev.podpath.controlplane.spi.RoutingDaemon;
import dev.podpath.core.SourceRef;
import dev.podpath.core.net.IpAddr;
import dev.podpath.core.net.IpPrefix;
import dev.podpath.ingest.host.HostSpec;
import dev.podpath.model.network.Network;
import dev.podpath.model.routing.AsPath;
import dev.podpath.model.routing.BgpRoute;
import dev.podpath.model.routing.Origin;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class CiliumBgpSpeakerTest {

  static final HostSpec W1 = Hosts.host("w1").iface("eth0", "fd00:101::21/64").build();
  static final IpPrefix POD = IpPrefix.parse("fd00:224:1::/80");
  static final IpPrefix LB = IpPrefix.parse("fd00:101:ff::10/128");

  static CiliumBgpNodeConfig.Advertisement ad(CiliumBgpNodeConfig.AdvertisementType t, IpPrefix p) {
    return new CiliumBgpNodeConfig.Advertisement("ad", t, List.of(p), new TreeSet<>(), null, SourceRef.of("kubernetes/bgp.yaml", 30));
  }

  static CiliumBgpSpeaker cilium(long peerAsn, Integer localPort, List<CiliumBgpNodeConfig.Family> fams) {
    var peer = new CiliumBgpNodeConfig.Peer("bird", IpAddr.parse("::1"), peerAsn, 179, null, 1, null, fams, SourceRef.of("kubernetes/bgp.yaml", 10));
    var inst = new CiliumBgpNodeConfig.Instance("i65001", 65001, localPort, IpAddr.parse("10.0.0.21"), List.of(peer), SourceRef.NONE);
    return new CiliumBgpSpeaker(new CiliumBgpNodeConfig("w1", List.of(inst), SourceRef.NONE));
  }

  static FakeBgpDaemon bird(long as, Nbr n) {
    return new FakeBgpDaemon("w1", "bird", List.of(n.build()), List.of(IpPrefix.parse("fd00:9::/64")), false);
  }

  static ControlPlaneResult run(RoutingDaemon... ds) {
    return ControlPlane.compute(Network.of(List.of(W1)), List.of(ds), List.of());
  }

  static final List<CiliumBgpNodeConfig.Family> V6_POD = List.of(new CiliumBgpNodeConfig.Family(AddressFamily.IPV6_UNICAST,
      List.of(ad(CiliumBgpNodeConfig.AdvertisementType.POD_CIDR, POD))));

  @Test
  void advertisesPodCidrWithNextHopLoopbackToALocalBird() {
    FakeBgpDaemon b = bird(65000, Nbr.to("cilium", 65000, 65001, "::1").ttl(2));
    ControlPlaneResult r = run(cilium(65000, null, V6_POD), b);
    assertThat(r.sessions()).allMatch(SessionResult::established);
    BgpRoute got = b.bestRoutes().get(POD);
    assertThat(got.attributes().nextHop()).isEqualTo(IpAddr.parse("::1")); // PR cilium/cilium#19402
    assertThat(got.attributes().origin()).isEqualTo(Origin.IGP);
    assertThat(got.attributes().asPath()).isEqualTo(AsPath.of(65001));
    assertThat(got.attributes().localPref()).isNull();
  }

  @Test
  void ibgpGetsEmptyAsPathAndLocalPref100() {
    FakeBgpDaemon b = bird(65001, Nbr.to("cilium", 65001, 65001, "::1"));
    run(cilium(65001, null, V6_POD), b);
    BgpRoute got = b.bestRoutes().get(POD);
    assertThat(got.attributes().asPath()).isEqualTo(AsPath.EMPTY);
    assertThat(got.attributes().localPref()).isEqualTo(100L);
  }

  @Test
  void rejectsEverythingItReceivesAndInstallsNothing() {
    CiliumBgpSpeaker c = cilium(65000, null, V6_POD);
    FakeBgpDaemon b = bird(65000, Nbr.to("cilium", 65000, 65001, "::1").ttl(2));
    ControlPlaneResult r = run(c, b);
    assertThat(c.kernelRoutes()).isEmpty();
    assertThat(r.ribs().get("w1/cilium")).anyMatch(e -> e.prefix().equals(IpPrefix.parse("fd00:9::/64")) && !e.best()
        && e.status().contains("#33035"));
    assertThat(r.fib("w1").routes()).noneMatch(k -> k.prefix().equals(IpPrefix.parse("fd00:9::/64")));
  }

  @Test
  void onlyAdvertisementsReferencedByThePeersFamilySelectionAreSent() {
    // the LB address is selected for ipv4 unicast only: an IPv6 prefix there is never sent
    List<CiliumBgpNodeConfig.Family> fams = List.of(
        new CiliumBgpNodeConfig.Family(AddressFamily.IPV6_UNICAST, List.of(ad(CiliumBgpNodeConfig.AdvertisementType.POD_CIDR, POD))),
        new CiliumBgpNodeConfig.Family(AddressFamily.IPV4_UNICAST, List.of(ad(CiliumBgpNodeConfig.AdvertisementType.SERVICE_LOAD_BALANCER_IP, LB))));
    FakeBgpDaemon b = bird(65000, Nbr.to("cilium", 65000, 65001, "::1").ttl(2));
    run(cilium(65000, null, fams), b);
    assertThat(b.bestRoutes()).containsKey(POD).doesNotContainKey(LB);
  }

  @Test
  void withoutLocalPortCiliumDoesNotListen() {
    // the local bird is passive: only Cilium could connect, and it does; then bird cannot listen-only towards a non-listening Cilium
    FakeBgpDaemon passiveBird = bird(65000, Nbr.to("cilium", 65000, 65001, "::1").ttl(2).passive());
    assertThat(run(cilium(65000, null, V6_POD), passiveBird).sessions()).allMatch(SessionResult::established);
    FakeBgpDaemon deafBird = bird(65000, Nbr.to("cilium", 65000, 65001, "::1").ttl(2).notListening());
    ControlPlaneResult down = run(cilium(65000, null, V6_POD), deafBird);
    assertThat(down.sessions()).allMatch(s -> s.reason() == SessionDownReason.NO_LISTENER);
    ControlPlaneResult up = run(cilium(65000, 179, V6_POD), deafBird);
    assertThat(up.sessions()).allMatch(SessionResult::established);
    assertThat(cilium(65000, 1790, V6_POD).listenPort(cilium(65000, 1790, V6_POD).neighbors().get(0))).isEqualTo(1790);
  }

  @Test
  void nothingSelectedIsAnInfo() {
    CiliumBgpSpeaker c = cilium(65000, null, List.of());
    assertThat(c.neighbors().get(0).families()).containsExactlyInAnyOrder(AddressFamily.IPV4_UNICAST, AddressFamily.IPV6_UNICAST);
    assertThat(c.findings()).extracting(f -> f.code()).containsExactly("cilium/bgp-nothing-advertised");
  }
}
