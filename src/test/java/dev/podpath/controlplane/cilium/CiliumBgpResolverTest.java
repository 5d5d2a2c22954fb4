package dev.podpath.controlplane.cilium;

import static dev.podpath.controlplane.cilium.BgpFixture.NODES;
import static dev.podpath.controlplane.cilium.BgpFixture.resolve;
import static dev.podpath.controlplane.cilium.BgpFixture.settings;
import static dev.podpath.controlplane.cilium.BgpFixture.snapshot;
import static org.assertj.core.api.Assertions.assertThat;

import dev.podpath.controlplane.cilium.CiliumBgpNodeConfig.AdvertisementType;
import dev.podpath.controlplane.spi.AddressFamily;
import dev.podpath.core.Finding;
import dev.podpath.core.Severity;
import dev.podpath.core.SourceRef;
import dev.podpath.core.net.IpAddr;
import dev.podpath.core.net.IpPrefix;
import dev.podpath.ingest.cilium.AgentFlag;
import dev.podpath.model.routing.Community;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** One small snapshot per rule of {@link CiliumBgpResolver}, read through the real Kubernetes reader. */
class CiliumBgpResolverTest {

  static final String PEER_CONFIG = """
      apiVersion: cilium.io/v2
      kind: CiliumBGPPeerConfig
      metadata: {name: pc}
      spec:
        families:
          - afi: ipv6
            safi: unicast
            advertisements: {matchLabels: {advertise: bgp}}
          - afi: ipv4
            safi: unicast
            advertisements: {matchLabels: {advertise: bgp}}
      """;

  static final String POD_ADVERT = """
      apiVersion: cilium.io/v2
      kind: CiliumBGPAdvertisement
      metadata: {name: pods, labels: {advertise: bgp}}
      spec:
        advertisements:
          - advertisementType: PodCIDR
            attributes:
              communities: {standard: ["65000:100"], wellKnown: [no-export]}
              localPreference: 200
      """;

  static String cluster(String name, String selector, String peerRef) {
    return """
        apiVersion: cilium.io/v2
        kind: CiliumBGPClusterConfig
        metadata: {name: %s}
        spec:
        %s
          bgpInstances:
            - name: inst
              localASN: 65010
              peers:
                - name: tor
                  peerAddress: "fd00::ff"
                  peerASN: 65000
        %s
        """.formatted(name, selector == null ? "" : "  nodeSelector: " + selector,
        peerRef == null ? "" : "          peerConfigRef: {name: " + peerRef + "}");
  }

  static CiliumBgpNodeConfig.Peer onlyPeer(CiliumBgpResolution r, String node) {
    CiliumBgpNodeConfig c = r.nodes().get(node);
    assertThat(c).as("config of " + node).isNotNull();
    assertThat(c.instances()).hasSize(1);
    assertThat(c.instances().get(0).peers()).hasSize(1);
    return c.instances().get(0).peers().get(0);
  }

  static List<IpPrefix> prefixes(CiliumBgpNodeConfig.Peer p, AddressFamily fam) {
    TreeSet<IpPrefix> out = new TreeSet<>();
    p.families().stream().filter(f -> f.family() == fam).forEach(f -> f.advertisements().forEach(a -> out.addAll(a.prefixes())));
    return List.copyOf(out);
  }

  static List<IpPrefix> pfx(String... s) {
    return java.util.Arrays.stream(s).map(IpPrefix::parse).sorted().toList();
  }

  static List<String> codes(CiliumBgpResolution r) {
    return r.findings().stream().map(Finding::code).toList();
  }

  static Finding finding(CiliumBgpResolution r, String code) {
    return r.findings().stream().filter(f -> f.code().equals(code)).findFirst()
        .orElseThrow(() -> new AssertionError("no " + code + " in " + r.findings()));
  }

  @Test
  void nilNodeSelectorSelectsEveryNodeAndAdvertisesEachNodesOwnPodCidrs() {
    CiliumBgpResolution r = resolve(NODES, PEER_CONFIG, POD_ADVERT, cluster("all", null, "pc"));
    assertThat(r.nodes().keySet()).containsExactly("n1", "n2");
    CiliumBgpNodeConfig.Peer p1 = onlyPeer(r, "n1");
    assertThat(p1.peerAddress()).isEqualTo(IpAddr.parse("fd00::ff"));
    assertThat(p1.peerAsn()).isEqualTo(65000);
    assertThat(prefixes(p1, AddressFamily.IPV6_UNICAST)).isEqualTo(pfx("fd00:1:1::/80"));
    assertThat(prefixes(p1, AddressFamily.IPV4_UNICAST)).isEqualTo(pfx("10.1.1.0/24"));
    assertThat(prefixes(onlyPeer(r, "n2"), AddressFamily.IPV6_UNICAST)).isEqualTo(pfx("fd00:1:2::/80"));
    // router ID from the node's IPv4 InternalIP when no override sets it
    assertThat(r.nodes().get("n1").instances().get(0).routerId()).isEqualTo(IpAddr.parse("10.0.0.1"));
    assertThat(r.findings()).isEmpty();
  }

  @Test
  void nodeSelectorMatchesLabelsAndAnUnselectedNodeIsReported() {
    CiliumBgpResolution r = resolve(NODES, PEER_CONFIG, POD_ADVERT, cluster("rack-a", "{matchLabels: {rack: a}}", "pc"));
    assertThat(r.nodes().keySet()).containsExactly("n1");
    Finding f = finding(r, "cilium-bgp/node-not-selected");
    assertThat(f.severity()).isEqualTo(Severity.INFO);
    assertThat(f.host()).isEqualTo("n2");
    assertThat(f.where()).isEqualTo(SourceRef.of("kubernetes/k.yaml", 13));
  }

  @Test
  void attributesAreCarriedThrough() {
    CiliumBgpResolution r = resolve(NODES, PEER_CONFIG, POD_ADVERT, cluster("all", null, "pc"));
    CiliumBgpNodeConfig.Advertisement a = onlyPeer(r, "n1").families().get(0).advertisements().get(0);
    assertThat(a.type()).isEqualTo(AdvertisementType.POD_CIDR);
    assertThat(a.localPreference()).isEqualTo(200L);
    assertThat(a.communities()).containsExactly(Community.of(65000, 100), new Community(0xffffff01L));
  }

  @Test
  void withoutPeerConfigRefTheDefaultsApplyAndNothingIsAdvertised() {
    CiliumBgpResolution r = resolve(NODES, POD_ADVERT, cluster("all", null, null));
    CiliumBgpNodeConfig.Peer p = onlyPeer(r, "n1");
    assertThat(p.peerPort()).isEqualTo(179);
    assertThat(p.ebgpMultihop()).isEqualTo(1);
    assertThat(p.families()).extracting(CiliumBgpNodeConfig.Family::family)
        .containsExactly(AddressFamily.IPV6_UNICAST, AddressFamily.IPV4_UNICAST);
    assertThat(p.families()).allMatch(f -> f.advertisements().isEmpty());
    Finding f = finding(r, "cilium-bgp/family-without-advertisements");
    assertThat(f.severity()).isEqualTo(Severity.WARNING);
    assertThat(f.where()).as("at the peer").isEqualTo(p.where());
  }

  @Test
  void peerConfigSettingsAndFamiliesWithoutAdvertisementsPointAtThePeerConfigLine() {
    String pc = """
        apiVersion: cilium.io/v2
        kind: CiliumBGPPeerConfig
        metadata: {name: pc}
        spec:
          transport: {peerPort: 1179}
          ebgpMultihop: 3
          authSecretRef: bgp-auth
          families:
            - afi: ipv6
              safi: unicast
        """;
    CiliumBgpResolution r = resolve(NODES, pc, cluster("all", null, "pc"));
    CiliumBgpNodeConfig.Peer p = onlyPeer(r, "n1");
    assertThat(p.peerPort()).isEqualTo(1179);
    assertThat(p.ebgpMultihop()).isEqualTo(3);
    assertThat(p.passwordDigest()).isNotNull().isEqualTo(PeerPassword.digestOfSecretName("bgp-auth"))
        .isNotEqualTo(PeerPassword.digestOfSecretName("other"));
    assertThat(p.families()).extracting(CiliumBgpNodeConfig.Family::family).containsExactly(AddressFamily.IPV6_UNICAST);
    assertThat(finding(r, "cilium-bgp/family-without-advertisements").where()).isEqualTo(SourceRef.of("kubernetes/k.yaml", 34));
    assertThat(finding(r, "cilium-bgp/auth-secret-not-in-snapshot").where()).isEqualTo(SourceRef.of("kubernetes/k.yaml", 32));
  }

  @Test
  void missingPeerConfigIsAnErrorAndThePeerIsSkipped() {
    CiliumBgpResolution r = resolve(NODES, POD_ADVERT, cluster("all", null, "nope"));
    assertThat(r.nodes().get("n1").instances().get(0).peers()).isEmpty();
    Finding f = finding(r, "cilium-bgp/missing-peer-config");
    assertThat(f.severity()).isEqualTo(Severity.ERROR);
    assertThat(f.message()).contains("'nope'");
    assertThat(r.findings().stream().filter(x -> x.code().equals("cilium-bgp/missing-peer-config"))).as("once, not per node").hasSize(1);
  }

  @Test
  void advertisementSelectorThatSelectsNothing() {
    String pc = PEER_CONFIG.replace("advertise: bgp}}\n    - afi: ipv4", "advertise: typo}}\n    - afi: ipv4");
    CiliumBgpResolution r = resolve(NODES, pc, POD_ADVERT, cluster("all", null, "pc"));
    CiliumBgpNodeConfig.Peer p = onlyPeer(r, "n1");
    assertThat(prefixes(p, AddressFamily.IPV6_UNICAST)).isEmpty();
    assertThat(prefixes(p, AddressFamily.IPV4_UNICAST)).isEqualTo(pfx("10.1.1.0/24"));
    Finding f = finding(r, "cilium-bgp/advertisement-selector-selects-nothing");
    assertThat(f.severity()).isEqualTo(Severity.WARNING);
    assertThat(f.where()).isEqualTo(SourceRef.of("kubernetes/k.yaml", 33));
  }

  @Test
  void nodeOverrideSetsRouterIdAsnPortAndLocalAddress() {
    String override = """
        apiVersion: cilium.io/v2
        kind: CiliumBGPNodeConfigOverride
        metadata: {name: n2}
        spec:
          bgpInstances:
            - name: inst
              routerID: 192.0.2.2
              localASN: 65099
              localPort: 1790
              peers:
                - {name: tor, localAddress: "fd00::2"}
            - name: ghost
        """;
    CiliumBgpResolution r = resolve(NODES, PEER_CONFIG, POD_ADVERT, cluster("all", null, "pc"), override);
    CiliumBgpNodeConfig.Instance i2 = r.nodes().get("n2").instances().get(0);
    assertThat(i2.routerId()).isEqualTo(IpAddr.parse("192.0.2.2"));
    assertThat(i2.localAsn()).isEqualTo(65099);
    assertThat(i2.localPort()).isEqualTo(1790);
    assertThat(i2.peers().get(0).localAddress()).isEqualTo(IpAddr.parse("fd00::2"));
    CiliumBgpNodeConfig.Instance i1 = r.nodes().get("n1").instances().get(0);
    assertThat(i1.localAsn()).as("the override is per node").isEqualTo(65010);
    assertThat(i1.peers().get(0).localAddress()).isNull();
    assertThat(finding(r, "cilium-bgp/override-unknown-instance").message()).contains("'ghost'");
  }

  @Test
  void twoClusterConfigsForOneNodeConflict() {
    String second = cluster("second", "{matchLabels: {rack: a}}", "pc").replace("65010", "65020");
    CiliumBgpResolution r = resolve(NODES, PEER_CONFIG, POD_ADVERT, cluster("first", null, "pc"), second);
    assertThat(r.nodes().get("n1").instances().get(0).localAsn()).as("the first in the snapshot").isEqualTo(65010);
    Finding f = finding(r, "cilium-bgp/conflicting-cluster-config");
    assertThat(f.severity()).isEqualTo(Severity.ERROR);
    assertThat(f.host()).isEqualTo("n1");
    assertThat(f.message()).contains("first", "second");
    assertThat(codes(r)).doesNotContain("cilium-bgp/no-matching-node");
  }

  @Test
  void controlPlaneDisabledMeansNoSpeakerAndAWarningWhenResourcesExist() {
    var off = settings(Map.of(AgentFlag.ENABLE_BGP_CONTROL_PLANE, false));
    CiliumBgpResolution r = CiliumBgpResolver.resolve(snapshot(NODES, PEER_CONFIG, cluster("all", null, "pc")), off);
    assertThat(r.nodes()).isEmpty();
    assertThat(codes(r)).containsExactly("cilium-bgp/control-plane-disabled");
    assertThat(CiliumBgpResolver.resolve(snapshot(NODES), off).findings()).isEmpty();
    assertThat(CiliumBgpResolver.resolve(snapshot(NODES), settings()).findings()).as("no BGP resources: nothing to say").isEmpty();
  }

  @Test
  void podCidrComesFromTheCiliumNodeWithClusterPoolAndIsOffForOtherIpamModes() {
    String ciliumNode = """
        apiVersion: cilium.io/v2
        kind: CiliumNode
        metadata: {name: n1, labels: {rack: a}}
        spec:
          ipam: {podCIDRs: ["10.200.1.0/24"]}
        """;
    var pool = settings(Map.of(AgentFlag.IPAM, "cluster-pool"));
    CiliumBgpResolution r = CiliumBgpResolver.resolve(snapshot(NODES, ciliumNode, PEER_CONFIG, POD_ADVERT, cluster("all", null, "pc")), pool);
    assertThat(prefixes(onlyPeer(r, "n1"), AddressFamily.IPV4_UNICAST)).isEqualTo(pfx("10.200.1.0/24"));
    assertThat(prefixes(onlyPeer(r, "n2"), AddressFamily.IPV4_UNICAST)).as("cluster-pool: Node spec.podCIDRs are not used").isEmpty();
    assertThat(finding(r, "cilium-bgp/no-pod-cidr").host()).isEqualTo("n2");

    var multi = settings(Map.of(AgentFlag.IPAM, "multi-pool"));
    CiliumBgpResolution m = CiliumBgpResolver.resolve(snapshot(NODES, PEER_CONFIG, POD_ADVERT, cluster("all", null, "pc")), multi);
    assertThat(prefixes(onlyPeer(m, "n1"), AddressFamily.IPV6_UNICAST)).isEmpty();
    assertThat(codes(m)).contains("cilium-bgp/pod-cidr-ipam-unsupported");
  }

  @Test
  void peerAsnZeroIsAnErrorBefore117() {
    String c = cluster("all", null, "pc").replace("          peerASN: 65000\n", "");
    CiliumBgpResolution old = CiliumBgpResolver.resolve(BgpFixture.versioned("1.16", NODES, PEER_CONFIG, POD_ADVERT, c), settings());
    assertThat(old.nodes().get("n1").instances().get(0).peers()).isEmpty();
    assertThat(finding(old, "cilium-bgp/peer-asn-zero-unsupported").severity()).isEqualTo(Severity.ERROR);
    CiliumBgpResolution now = CiliumBgpResolver.resolve(BgpFixture.versioned("1.18", NODES, PEER_CONFIG, POD_ADVERT, c), settings());
    assertThat(onlyPeer(now, "n1").peerAsn()).as("0 = accept the peer's AS").isZero();
    assertThat(codes(now)).doesNotContain("cilium-bgp/peer-asn-zero-unsupported");
  }

  @Test
  void anUnusedClusterConfigIsReported() {
    CiliumBgpResolution r = resolve(NODES, PEER_CONFIG, POD_ADVERT, cluster("none", "{matchLabels: {rack: z}}", "pc"));
    assertThat(r.nodes()).isEmpty();
    assertThat(finding(r, "cilium-bgp/no-matching-node").severity()).isEqualTo(Severity.WARNING);
  }
}
