package dev.podpath.controlplane.cilium;

import static dev.podpath.controlplane.cilium.BgpFixture.NODES;
import static dev.podpath.controlplane.cilium.BgpFixture.settings;
import static dev.podpath.controlplane.cilium.BgpFixture.snapshot;
import static org.assertj.core.api.Assertions.assertThat;

import dev.podpath.core.SourceRef;
import dev.podpath.core.net.IpAddr;
import dev.podpath.core.net.IpPrefix;
import dev.podpath.ingest.Snapshot;
import dev.podpath.ingest.SnapshotLoader;
import dev.podpath.ingest.cilium.AgentFlag;
import dev.podpath.ingest.cilium.CiliumConfigReader;
import dev.podpath.ingest.cilium.CiliumVersion;
import dev.podpath.model.cilium.AgentSettings;
import dev.podpath.model.cilium.AgentStartup;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CiliumNodeRoutingResolverTest {

  static final String POD = """
      apiVersion: v1
      kind: Pod
      metadata: {name: web, namespace: app}
      spec:
        nodeName: n2
        containers: [{name: c, image: x}]
      status:
        podIPs: [{ip: "fd00:1:2::7"}, {ip: 10.1.2.7}]
      ---
      apiVersion: v1
      kind: Pod
      metadata: {name: agent, namespace: kube-system}
      spec:
        nodeName: n2
        hostNetwork: true
        containers: [{name: c, image: x}]
      status:
        podIPs: [{ip: "fd00::2"}]
      """;

  @Test
  void settingsNodesAndEndpointsFillEachNodesInput() {
    AgentSettings s = settings(Map.of(AgentFlag.AUTO_DIRECT_NODE_ROUTES, true, AgentFlag.ENABLE_ENDPOINT_ROUTES, true));
    CiliumNodeRoutingResolution r = CiliumNodeRoutingResolver.resolve(snapshot(NODES, POD), s);
    assertThat(r.nodes().keySet()).containsExactly("n1", "n2");
    CiliumNodeRouting n2 = r.nodes().get("n2");
    assertThat(n2.routingMode()).isEqualTo(CiliumNodeRouting.RoutingMode.NATIVE);
    assertThat(n2.ipv4Enabled()).isTrue();
    assertThat(n2.ipv6Enabled()).isTrue();
    assertThat(n2.autoDirectNodeRoutes()).isTrue();
    assertThat(n2.endpointRoutes()).isTrue();
    assertThat(n2.localPodCidrs()).containsExactly(IpPrefix.parse("fd00:1:2::/80"), IpPrefix.parse("10.1.2.0/24"));
    assertThat(n2.remoteNodes()).singleElement().satisfies(o -> {
      assertThat(o.name()).isEqualTo("n1");
      assertThat(o.ipv4()).isEqualTo(IpAddr.parse("10.0.0.1"));
      assertThat(o.ipv6()).isEqualTo(IpAddr.parse("fd00::1"));
      assertThat(o.podCidrs()).containsExactly(IpPrefix.parse("fd00:1:1::/80"), IpPrefix.parse("10.1.1.0/24"));
    });
    // the hostNetwork pod is no endpoint; both IPs of the other share one lxc device
    assertThat(n2.endpoints()).extracting(CiliumNodeRouting.Endpoint::ip)
        .containsExactly(IpAddr.parse("fd00:1:2::7"), IpAddr.parse("10.1.2.7"));
    assertThat(n2.endpoints()).extracting(CiliumNodeRouting.Endpoint::device).allMatch(d -> d.startsWith("lxc") && d.length() == 15)
        .containsOnly(n2.endpoints().get(0).device());
    assertThat(r.nodes().get("n1").endpoints()).isEmpty();
    // no CiliumNode: the cilium_host address is assumed, and said so
    assertThat(n2.ciliumHostIpv6()).isEqualTo(IpAddr.parse("fd00:1:2::1"));
    assertThat(n2.ciliumHostIpv4()).isEqualTo(IpAddr.parse("10.1.2.1"));
    assertThat(r.findings()).filteredOn(f -> f.code().equals("cilium/cilium-host-address-assumed")).hasSize(4);
  }

  @Test
  void theCiliumNodesInternalIpIsTheHostAddress() {
    String cn = """
        apiVersion: cilium.io/v2
        kind: CiliumNode
        metadata: {name: n1}
        spec:
          addresses:
            - {type: CiliumInternalIP, ip: 10.1.1.77}
            - {type: CiliumInternalIP, ip: "fd00:1:1::77"}
        """;
    CiliumNodeRoutingResolution r = CiliumNodeRoutingResolver.resolve(snapshot(NODES, cn), settings(Map.of(AgentFlag.ENABLE_IPV4, false)));
    CiliumNodeRouting n1 = r.nodes().get("n1");
    assertThat(n1.ciliumHostIpv6()).isEqualTo(IpAddr.parse("fd00:1:1::77"));
    assertThat(n1.ciliumHostIpv4()).as("IPv4 disabled").isNull();
    assertThat(n1.ipv4Enabled()).isFalse();
    assertThat(r.findings()).noneMatch(f -> f.host().equals("n1"));
  }

  @Test
  void foundingCaseNodes() {
    Snapshot snap = SnapshotLoader.load(Path.of("examples", "cluster-101"));
    CiliumVersion v = CiliumVersion.nearest(snap.ciliumVersion(), SourceRef.NONE);
    AgentSettings eff = AgentStartup.evaluate(CiliumConfigReader.read(snap.ciliumValues(), snap.ciliumConfigMap(), v)).effective();
    CiliumNodeRoutingResolution r = CiliumNodeRoutingResolver.resolve(snap, eff);
    assertThat(r.nodes()).hasSize(6);
    CiliumNodeRouting wk1 = r.nodes().get("solwk01");
    assertThat(wk1.routingMode()).isEqualTo(CiliumNodeRouting.RoutingMode.NATIVE);
    assertThat(wk1.autoDirectNodeRoutes()).isFalse();
    assertThat(wk1.endpointRoutes()).isFalse();
    assertThat(wk1.localPodCidrs()).containsExactly(IpPrefix.parse("fd00:101:224:0:3::/80"), IpPrefix.parse("10.101.227.0/24"));
    assertThat(wk1.remoteNodes()).hasSize(5);
    assertThat(wk1.endpoints()).extracting(CiliumNodeRouting.Endpoint::ip).contains(IpAddr.parse("fd00:101:224:0:3::6c1a"));
  }
}
