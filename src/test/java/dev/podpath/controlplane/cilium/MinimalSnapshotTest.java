package dev.podpath.controlplane.cilium;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.podpath.controlplane.spi.AddressFamily;
import dev.podpath.core.InputException;
import dev.podpath.core.Severity;
import dev.podpath.core.SourceRef;
import dev.podpath.core.net.IpAddr;
import dev.podpath.ingest.Snapshot;
import dev.podpath.ingest.SnapshotLoader;
import dev.podpath.ingest.cilium.CiliumConfigReader;
import dev.podpath.ingest.cilium.CiliumVersion;
import dev.podpath.model.cilium.AgentSettings;
import dev.podpath.model.cilium.AgentStartup;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** src/test/resources/snapshots/minimal through the loader: override localAddress, multihop, one family. */
class MinimalSnapshotTest {

  @Test
  void minimalSnapshotResolves() {
    Snapshot snap = SnapshotLoader.load(Path.of("src", "test", "resources", "snapshots", "minimal"));
    AgentSettings eff = AgentStartup.evaluate(CiliumConfigReader.read(snap.ciliumValues(), snap.ciliumConfigMap(),
        CiliumVersion.nearest(snap.ciliumVersion(), SourceRef.NONE))).effective();
    CiliumBgpResolution r = CiliumBgpResolver.resolve(snap, eff);
    assertThat(r.nodes().keySet()).containsExactly("w1", "w2");
    CiliumBgpNodeConfig.Peer w1 = r.nodes().get("w1").instances().get(0).peers().get(0);
    assertThat(w1.localAddress()).as("CiliumBGPNodeConfigOverride w1").isEqualTo(IpAddr.parse("::1"));
    assertThat(w1.ebgpMultihop()).isEqualTo(2);
    assertThat(w1.families()).extracting(CiliumBgpNodeConfig.Family::family).containsExactly(AddressFamily.IPV6_UNICAST);
    // the values leave ipam at its default cluster-pool: the pod CIDR is CiliumNode spec.ipam.podCIDRs, and there is
    // no CiliumNode, so the Node's spec.podCIDRs (fd00:10:244:1::/64) are not what Cilium advertises
    assertThat(eff.ipamMode()).isEqualTo("cluster-pool");
    assertThat(CiliumBgpResolverTest.prefixes(w1, AddressFamily.IPV6_UNICAST)).isEmpty();
    assertThat(r.findings()).anyMatch(f -> f.code().equals("cilium-bgp/no-pod-cidr") && f.host().equals("w1"));
    assertThat(r.nodes().get("w1").instances().get(0).routerId()).isEqualTo(IpAddr.parse("10.0.0.1"));
    CiliumBgpNodeConfig.Peer w2 = r.nodes().get("w2").instances().get(0).peers().get(0);
    assertThat(w2.localAddress()).isNull();
    assertThat(r.nodes().get("w2").instances().get(0).routerId()).as("IPv6-only node, no override").isNull();
    assertThat(r.findings()).anyMatch(f -> f.code().equals("cilium-bgp/router-id-unknown") && f.host().equals("w2"));
    assertThat(r.findings()).noneMatch(f -> f.severity() == Severity.ERROR);
  }

  @Test
  void aPeerAddressThatIsNotAnIpIsAnInputErrorAtItsLine() {
    String bad = CiliumBgpResolverTest.cluster("all", null, null).replace("\"fd00::ff\"", "\"fd00::zz\"");
    assertThatThrownBy(() -> BgpFixture.resolve(BgpFixture.NODES, bad))
        .isInstanceOf(InputException.class).hasMessageContaining("k.yaml:").hasMessageContaining("peerAddress");
  }
}
