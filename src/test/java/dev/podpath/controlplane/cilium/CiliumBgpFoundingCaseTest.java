package dev.podpath.controlplane.cilium;

import static org.assertj.core.api.Assertions.assertThat;

import dev.podpath.controlplane.cilium.CiliumBgpNodeConfig.AdvertisementType;
import dev.podpath.controlplane.spi.AddressFamily;
import dev.podpath.core.Severity;
import dev.podpath.core.SourceRef;
import dev.podpath.core.net.IpAddr;
import dev.podpath.core.net.IpPrefix;
import dev.podpath.ingest.Snapshot;
import dev.podpath.ingest.SnapshotLoader;
import dev.podpath.ingest.cilium.CiliumConfigReader;
import dev.podpath.ingest.cilium.CiliumVersion;
import dev.podpath.model.cilium.AgentSettings;
import dev.podpath.model.cilium.AgentStartup;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** examples/cluster-101 (the founding case) through the real loader, Cilium settings and resolver. */
class CiliumBgpFoundingCaseTest {

  static Snapshot snap;
  static AgentSettings effective;
  static CiliumBgpResolution r;

  /** node -> {bird AS, pod /80, pod /24, router id}, from the example's nodes.yaml, bird.conf and cilium-bgp.yaml. */
  static final Map<String, List<String>> NODES = Map.of(
      "solcp01", List.of("4210101011", "fd00:101:224::/80", "10.101.224.0/24", "10.101.1.11"),
      "solcp02", List.of("4210101012", "fd00:101:224:0:1::/80", "10.101.225.0/24", "10.101.1.12"),
      "solcp03", List.of("4210101013", "fd00:101:224:0:2::/80", "10.101.226.0/24", "10.101.1.13"),
      "solwk01", List.of("4210101021", "fd00:101:224:0:3::/80", "10.101.227.0/24", "10.101.1.21"),
      "solwk02", List.of("4210101022", "fd00:101:224:0:4::/80", "10.101.228.0/24", "10.101.1.22"),
      "solwk03", List.of("4210101023", "fd00:101:224:0:5::/80", "10.101.229.0/24", "10.101.1.23"));

  @BeforeAll
  static void load() {
    snap = SnapshotLoader.load(Path.of("examples", "cluster-101"));
    CiliumVersion v = CiliumVersion.nearest(snap.ciliumVersion(), SourceRef.NONE);
    effective = AgentStartup.evaluate(CiliumConfigReader.read(snap.ciliumValues(), snap.ciliumConfigMap(), v)).effective();
    r = CiliumBgpResolver.resolve(snap, effective);
  }

  @Test
  void sixNodesEachOneInstanceWithItsBirdAsPeer() {
    assertThat(r.nodes().keySet()).containsExactlyInAnyOrderElementsOf(NODES.keySet());
    NODES.forEach((node, facts) -> {
      CiliumBgpNodeConfig c = r.nodes().get(node);
      assertThat(c.instances()).hasSize(1);
      CiliumBgpNodeConfig.Instance i = c.instances().get(0);
      assertThat(i.localAsn()).isEqualTo(4220101000L);
      assertThat(i.localPort()).as("no localPort: Cilium does not listen").isNull();
      assertThat(i.routerId()).as("router ID from the node's override").isEqualTo(IpAddr.parse(facts.get(3)));
      assertThat(i.peers()).hasSize(1);
      CiliumBgpNodeConfig.Peer p = i.peers().get(0);
      assertThat(p.peerAddress()).isEqualTo(IpAddr.parse("::1"));
      assertThat(p.peerAsn()).isEqualTo(Long.parseLong(facts.get(0)));
      assertThat(p.peerPort()).isEqualTo(179);
      assertThat(p.ebgpMultihop()).isEqualTo(1);
      assertThat(p.localAddress()).isNull();
      assertThat(p.passwordDigest()).isNull();
      assertThat(p.families()).extracting(CiliumBgpNodeConfig.Family::family)
          .containsExactly(AddressFamily.IPV6_UNICAST, AddressFamily.IPV4_UNICAST);
      assertThat(prefixes(p, AddressFamily.IPV6_UNICAST))
          .as("own /80 and the LB IP (echo has externalTrafficPolicy Cluster: every node)")
          .containsExactlyInAnyOrder(IpPrefix.parse(facts.get(1)), IpPrefix.parse("fd00:101:1b::10/128"));
      assertThat(prefixes(p, AddressFamily.IPV4_UNICAST)).containsExactly(IpPrefix.parse(facts.get(2)));
      assertThat(p.families().get(0).advertisements()).extracting(CiliumBgpNodeConfig.Advertisement::type)
          .containsExactly(AdvertisementType.POD_CIDR, AdvertisementType.SERVICE_LOAD_BALANCER_IP);
    });
  }

  @Test
  void theEnginesSpeakerTakesTheResolvedConfig() {
    CiliumBgpSpeaker sp = new CiliumBgpSpeaker(r.nodes().get("solwk01"));
    assertThat(sp.neighbors()).singleElement().satisfies(n -> {
      assertThat(n.localAs()).isEqualTo(4220101000L);
      assertThat(n.peerAddress()).isEqualTo(IpAddr.parse("::1"));
    });
    assertThat(sp.listenPort(sp.neighbors().get(0))).isEqualTo(-1);
    assertThat(sp.routerId()).isEqualTo(IpAddr.parse("10.101.1.21"));
  }

  @Test
  void noFindingsAtAll() {
    assertThat(r.findings()).noneMatch(f -> f.severity() == Severity.ERROR);
    assertThat(r.findings()).as("a consistent example: every resource is used and selects something").isEmpty();
    assertThat(r.findings()).noneMatch(f -> f.code().equals("cilium-bgp/lb-ip-assumed"))
        .as("echo's status holds its LB IP: nothing assumed");
  }

  @Test
  void localTrafficPolicyMovesTheVipToTheBackendsNode() {
    // the same example with echo switched to externalTrafficPolicy Local: only solwk03 (its backend) advertises the VIP
    Snapshot local = new Snapshot(snap.root(), snap.name(), snap.ciliumVersion(), snap.notes(), snap.ciliumValues(),
        snap.ciliumConfigMap(), withLocalPolicy(snap), snap.talos(), snap.hosts(), snap.hostFolders(), snap.daemonConfigs(),
        snap.intents(), snap.findings());
    CiliumBgpResolution l = CiliumBgpResolver.resolve(local, effective);
    NODES.keySet().forEach(node -> {
      List<IpPrefix> v6 = prefixes(l.nodes().get(node).instances().get(0).peers().get(0), AddressFamily.IPV6_UNICAST);
      assertThat(v6.contains(IpPrefix.parse("fd00:101:1b::10/128"))).as(node).isEqualTo(node.equals("solwk03"));
    });
  }

  static dev.podpath.ingest.kubernetes.KubernetesObjects withLocalPolicy(Snapshot s) {
    var k = s.kubernetes();
    var services = k.services().stream().map(ko -> {
      if (!ko.name().equals("echo")) {
        return ko;
      }
      var copy = new io.fabric8.kubernetes.api.model.ServiceBuilder(ko.object()).editSpec().withExternalTrafficPolicy("Local").endSpec().build();
      return new dev.podpath.ingest.kubernetes.KubeObject<>(copy, ko.doc());
    }).toList();
    return new dev.podpath.ingest.kubernetes.KubernetesObjects(k.nodes(), services, k.endpointSlices(), k.endpoints(), k.pods(),
        k.namespaces(), k.ciliumConfigMaps(), k.ciliumNodes(), k.bgpClusterConfigs(), k.bgpPeerConfigs(), k.bgpAdvertisements(),
        k.bgpNodeConfigOverrides(), k.bgpPeeringPolicies(), k.lbIPPools(), k.unknown());
  }

  static List<IpPrefix> prefixes(CiliumBgpNodeConfig.Peer p, AddressFamily fam) {
    TreeSet<IpPrefix> out = new TreeSet<>();
    p.families().stream().filter(f -> f.family() == fam)
        .forEach(f -> f.advertisements().forEach(a -> out.addAll(a.prefixes())));
    return List.copyOf(out);
  }
}
