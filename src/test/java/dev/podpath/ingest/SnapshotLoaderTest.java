package dev.podpath.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.podpath.core.Finding;
import dev.podpath.core.Severity;
import dev.podpath.core.SourceRef;
import dev.podpath.core.net.IpPrefix;
import dev.podpath.ingest.kubernetes.CiliumBGPClusterConfig;
import dev.podpath.ingest.kubernetes.KubeObject;
import io.fabric8.kubernetes.api.model.Node;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Loads src/test/resources/snapshots/minimal and checks what every reader made of it, lines included. */
class SnapshotLoaderTest {

  static final Path MINIMAL = Path.of("src", "test", "resources", "snapshots", "minimal");
  static Snapshot snap;

  @BeforeAll
  static void load() {
    snap = SnapshotLoader.load(MINIMAL);
  }

  @Test
  void metaFromSnapshotYaml() {
    assertThat(snap.name()).isEqualTo("minimal");
    assertThat(snap.ciliumVersion()).isEqualTo("1.18");
    assertThat(snap.notes()).startsWith("two nodes");
  }

  @Test
  void nodesFromAListKeepTheirOwnLines() {
    List<KubeObject<Node>> nodes = snap.kubernetes().nodes();
    assertThat(nodes).extracting(KubeObject::name).containsExactly("w1", "w2");
    KubeObject<Node> w2 = nodes.get(1);
    assertThat(w2.where()).isEqualTo(SourceRef.of("kubernetes/nodes.yaml", 17));
    assertThat(w2.refOf("metadata.name")).isEqualTo(SourceRef.of("kubernetes/nodes.yaml", 20));
    assertThat(w2.refOf("spec.podCIDRs[0]")).isEqualTo(SourceRef.of("kubernetes/nodes.yaml", 25));
    assertThat(w2.object().getSpec().getPodCIDRs()).containsExactly("fd00:10:244:2::/64");
  }

  @Test
  void ciliumBgpResourcesAreTypedAndLocated() {
    CiliumBGPClusterConfig cc = snap.kubernetes().bgpClusterConfigs().get(0);
    CiliumBGPClusterConfig.Peer peer = cc.bgpInstances().get(0).peers().get(0);
    assertThat(peer.peerAddress().toString()).isEqualTo("::1");
    assertThat(peer.peerAsn()).isEqualTo(65001L);
    assertThat(cc.refOf("spec.bgpInstances[0].peers[0].peerAddress"))
        .isEqualTo(SourceRef.of("kubernetes/cilium-bgp.yaml", 14));
    assertThat(cc.selectsNode(Map.of("bgp", "true"))).isTrue();
    assertThat(cc.selectsNode(Map.of())).isFalse();
    var family = snap.kubernetes().bgpPeerConfig("local-bird").orElseThrow().families().get(0);
    var advert = snap.kubernetes().bgpAdvertisements().get(0);
    assertThat(family.selectsAdvertisement(advert.labels())).isTrue();
    assertThat(advert.advertisements().get(0).selects(Map.of())).as("nil selector selects nothing").isFalse();
    assertThat(advert.advertisements().get(1).selects(Map.of("app", "x"))).isTrue();
    assertThat(snap.kubernetes().bgpNodeConfigOverride("w1").orElseThrow().bgpInstances().get(0).routerId())
        .hasToString("10.0.0.1");
    assertThat(snap.kubernetes().lbIPPools().get(0).blocks()).hasSize(2);
  }

  @Test
  void hostsAndTheirRoutes() {
    assertThat(snap.hosts().keySet()).containsExactly("r1", "w1", "w2");
    assertThat(snap.hostFolders()).containsExactly("r1", "w1", "w2");
    assertThat(snap.hosts().get("w2").routes()).extracting(r -> r.type()).containsExactly("unicast", "blackhole");
    assertThat(snap.hosts().get("r1").interfaces().get(0).vrf()).isEqualTo("vrf_evpnz1");
    assertThat(snap.isNode("w1")).isTrue();
    assertThat(snap.isNode("r1")).isFalse();
  }

  @Test
  void daemonConfigsFromHostFoldersAndTalos() throws Exception {
    assertThat(snap.daemonConfigs()).extracting(DaemonConfigFile::host, DaemonConfigFile::daemon)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple("w1", Daemon.BIRD),
            org.assertj.core.groups.Tuple.tuple("r1", Daemon.FRR),
            org.assertj.core.groups.Tuple.tuple("w2", Daemon.BIRD));
    DaemonConfigFile w1 = snap.daemonConfigs("w1").get(0);
    assertThat(w1.origin()).isEqualTo(SourceRef.of("hosts/w1/bird.conf", 1));
    DaemonConfigFile w2 = snap.daemonConfigs("w2").get(0);
    assertThat(w2.origin()).isEqualTo(SourceRef.of("talos/w2.yaml", 18));
    // line 4 of the embedded text must be the Talos file line lineRef(4) names
    String line4 = w2.text().split("\n")[3];
    List<String> talosLines = Files.readAllLines(MINIMAL.resolve("talos/w2.yaml"));
    assertThat(talosLines.get(w2.lineRef(4).line() - 1).strip()).isEqualTo(line4.strip());
    assertThat(line4).contains("local ::1 as 65002");
  }

  @Test
  void talosSubnetsAndLinks() {
    assertThat(snap.talos().podSubnets()).containsExactly(IpPrefix.parse("fd00:10:244::/56"));
    assertThat(snap.talos().serviceSubnets()).containsExactly(IpPrefix.parse("fd00:10:96::/108"));
    assertThat(snap.talos().linksOf("w2")).extracting(l -> l.name()).containsExactly("eth0");
  }

  @Test
  void ciliumInputsAndIntentsStayRaw() {
    assertThat(snap.ciliumValues()).hasSize(1);
    assertThat(snap.ciliumValues().get(0).get("routingMode")).isEqualTo("native");
    assertThat(snap.ciliumConfigMap()).isEmpty();
    assertThat(snap.intents()).hasSize(1);
  }

  @Test
  void aConsistentSnapshotHasNoWarnings() {
    assertThat(snap.findings()).filteredOn(f -> f.severity() != Severity.INFO).extracting(Finding::toString).isEmpty();
  }
}
