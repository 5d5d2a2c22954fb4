package dev.podpath.ingest.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.podpath.core.Finding;
import dev.podpath.core.InputException;
import dev.podpath.core.InputProblem;
import dev.podpath.core.SourceRef;
import dev.podpath.ingest.yaml.YamlReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class KubernetesReaderTest {

  final List<Finding> findings = new ArrayList<>();

  KubernetesObjects read(String yaml) {
    return KubernetesReader.readAll(YamlReader.read(yaml, "k.yaml"), findings);
  }

  List<String> problems(String yaml) {
    InputException e = catchThrowableOfType(InputException.class, () -> read(yaml));
    assertThat(e).isNotNull();
    return e.problems().stream().map(InputProblem::toString).toList();
  }

  @Test
  void legacyPeeringPolicyV2alpha1() {
    CiliumBGPPeeringPolicy p = read("""
        apiVersion: cilium.io/v2alpha1
        kind: CiliumBGPPeeringPolicy
        metadata:
          name: default
        spec:
          virtualRouters:
            - localASN: 4220101000
              exportPodCIDR: true
              serviceSelector:
                matchExpressions:
                  - {key: somekey, operator: NotIn, values: [never-used-value]}
              neighbors:
                - peerAddress: fd00:101::fffe/128
                  peerASN: 4200001000
                  eBGPMultihopTTL: 2
        """).bgpPeeringPolicies().get(0);
    var vr = p.virtualRouters().get(0);
    assertThat(vr.localAsn()).isEqualTo(4220101000L);
    assertThat(vr.effectiveExportPodCIDR()).isTrue();
    assertThat(p.nodeSelector()).isNull();
    assertThat(p.selectsNode(Map.of())).as("nil nodeSelector = all nodes").isTrue();
    var n = vr.neighbors().get(0);
    assertThat(n.peerAddress()).hasToString("fd00:101::fffe/128");
    assertThat(n.effectivePeerPort()).isEqualTo(179);
    assertThat(n.effectiveFamilies()).containsExactly("ipv4/unicast", "ipv6/unicast");
    assertThat(n.where()).isEqualTo(SourceRef.of("k.yaml", 13));
  }

  @Test
  void peeringPolicyPeerAddressNeedsCidrNotation() {
    assertThat(problems("""
        apiVersion: cilium.io/v2alpha1
        kind: CiliumBGPPeeringPolicy
        metadata: {name: p}
        spec:
          virtualRouters:
            - localASN: 65001
              neighbors:
                - {peerAddress: 10.0.0.1, peerASN: 65000}
        """)).containsExactly("k.yaml:8: 'spec.virtualRouters[0].neighbors[0].peerAddress' must be in CIDR notation"
        + " (e.g. 10.0.0.1/32)");
  }

  @Test
  void v2alpha1ClusterConfigAndPeerConfigDefaults() {
    KubernetesObjects k = read("""
        apiVersion: cilium.io/v2alpha1
        kind: CiliumBGPClusterConfig
        metadata: {name: c}
        spec:
          nodeSelector: {}
          bgpInstances:
            - name: i
              peers:
                - {name: p, peerAddress: "fe80::1%eth0"}
        ---
        apiVersion: cilium.io/v2alpha1
        kind: CiliumBGPPeerConfig
        metadata: {name: d}
        spec: {}
        """);
    var peer = k.bgpClusterConfigs().get(0).bgpInstances().get(0).peers().get(0);
    assertThat(peer.zone()).isEqualTo("eth0");
    assertThat(peer.effectivePeerAsn()).isZero();
    assertThat(peer.peerConfigRef()).isNull();
    assertThat(k.bgpClusterConfigs().get(0).nodeSelector().isEmpty()).isTrue();
    CiliumBGPPeerConfig pc = k.bgpPeerConfigs().get(0);
    assertThat(pc.effectivePeerPort()).isEqualTo(179);
    assertThat(pc.effectiveHoldTimeSeconds()).isEqualTo(90);
    assertThat(pc.effectiveEbgpMultihop()).isEqualTo(1);
    assertThat(pc.effectiveFamilies()).extracting(CiliumBGPPeerConfig.Family::afi).containsExactly("ipv6", "ipv4");
    assertThat(pc.effectiveFamilies().get(0).selectsAdvertisement(Map.of("a", "b"))).isFalse();
  }

  @Test
  void crdValuesTheApiServerWouldRefuse() {
    assertThat(problems("""
        apiVersion: cilium.io/v2
        kind: CiliumBGPClusterConfig
        metadata: {name: c}
        spec:
          bgpInstances:
            - name: i
              localASN: "65001"
              peers:
                - {name: p, peerAddress: 10.0.0.300, peerASN: 4294967296}
        ---
        apiVersion: cilium.io/v2
        kind: CiliumBGPNodeConfigOverride
        metadata: {name: w1}
        spec:
          bgpInstances:
            - {name: i, routerID: "fd00::1"}
        """)).containsExactly(
        "k.yaml:9: 'spec.bgpInstances[0].peers[0].peerAddress': invalid IP address: '10.0.0.300' is not an IP address (IPv4 is four decimal numbers, like 10.0.0.1)",
        "k.yaml:9: 'spec.bgpInstances[0].peers[0].peerASN' is out of range (0..4294967295): 4294967296",
        "k.yaml:7: 'spec.bgpInstances[0].localASN' must be an integer, got text '65001'",
        "k.yaml:16: routerID must be an IPv4-format address, got fd00::1");
  }

  @Test
  void lbPoolBlocks() {
    var pools = read("""
        apiVersion: cilium.io/v2alpha1
        kind: CiliumLoadBalancerIPPool
        metadata: {name: p}
        spec:
          disabled: true
          serviceSelector: {matchLabels: {pool: blue}}
          blocks:
            - cidr: 10.0.20.0/24
            - {start: 10.1.21.10, stop: 10.1.21.100}
        """).lbIPPools();
    assertThat(pools.get(0).disabled()).isTrue();
    assertThat(pools.get(0).blocks().get(1).stop()).hasToString("10.1.21.100");
    // damacus/home-ops in the corpus: an IPv4-mapped /112 with host bits, which the API server accepts
    var mapped = read("""
        apiVersion: cilium.io/v2alpha1
        kind: CiliumLoadBalancerIPPool
        metadata: {name: m}
        spec:
          blocks: [{cidr: "::ffff:192.168.3.0/112"}]
        """).lbIPPools().get(0);
    assertThat(mapped.blocks().get(0).cidr()).hasToString("::ffff:c0a8:0/112");
    assertThat(findings).extracting(Finding::code).containsExactly("k8s/cidr-host-bits");
    assertThat(problems("""
        apiVersion: cilium.io/v2
        kind: CiliumLoadBalancerIPPool
        metadata: {name: p}
        spec:
          blocks:
            - {cidr: 10.0.20.0/40}
            - {start: 10.1.21.100, stop: 10.1.21.10}
            - {}
        """)).containsExactly(
        "k.yaml:6: 'spec.blocks[0].cidr': invalid CIDR: '10.0.20.0/40': prefix length out of range",
        "k.yaml:7: stop 10.1.21.10 is before start 10.1.21.100 or of another family",
        "k.yaml:8: an IP pool block needs either cidr or start/stop");
  }

  @Test
  void ciliumNode() {
    CiliumNode n = read("""
        apiVersion: cilium.io/v2
        kind: CiliumNode
        metadata: {name: w1}
        spec:
          addresses: [{type: InternalIP, ip: "fd00:101::21"}]
          ipam: {podCIDRs: ["fd00:101:224::/80"]}
        """).ciliumNode("w1").orElseThrow();
    assertThat(n.podCIDRs()).hasSize(1);
    assertThat(n.addresses().get(0).ip()).hasToString("fd00:101::21");
  }

  @Test
  void unknownKindIsInfoAndWrongVersionIsWarning() {
    KubernetesObjects k = read("""
        apiVersion: helm.toolkit.fluxcd.io/v2
        kind: HelmRelease
        metadata: {name: cilium}
        ---
        apiVersion: cilium.io/v2
        kind: CiliumBGPPeeringPolicy
        metadata: {name: p}
        ---
        a: values-not-an-object
        """);
    assertThat(k.unknown()).hasSize(1);
    assertThat(findings).extracting(Finding::code, f -> f.where().line()).containsExactly(
        org.assertj.core.groups.Tuple.tuple("input/unknown-kind", 1),
        org.assertj.core.groups.Tuple.tuple("input/unsupported-api-version", 5),
        org.assertj.core.groups.Tuple.tuple("input/not-a-kubernetes-object", 9));
  }

  @Test
  void consistencyFindings() {
    KubernetesObjects k = read("""
        apiVersion: v1
        kind: Node
        metadata: {name: w1}
        ---
        apiVersion: v1
        kind: Service
        metadata: {name: lonely, namespace: app}
        spec: {clusterIP: 10.96.0.10, ports: [{port: 53}]}
        ---
        apiVersion: discovery.k8s.io/v1
        kind: EndpointSlice
        metadata:
          name: ghost-abc
          namespace: app
          labels: {kubernetes.io/service-name: ghost}
        addressType: IPv4
        endpoints: [{addresses: [10.244.0.5]}]
        ---
        apiVersion: cilium.io/v2
        kind: CiliumBGPNodeConfigOverride
        metadata: {name: w9}
        spec: {bgpInstances: [{name: i}]}
        ---
        apiVersion: cilium.io/v2
        kind: CiliumBGPClusterConfig
        metadata: {name: c}
        spec:
          bgpInstances: [{name: i, peers: [{name: p, peerAddress: 10.0.0.1, peerConfigRef: {name: missing}}]}]
        """);
    KubernetesConsistency.check(k, findings);
    assertThat(findings).extracting(Finding::code, f -> f.where().line()).containsExactlyInAnyOrder(
        org.assertj.core.groups.Tuple.tuple("k8s/endpointslice-without-service", 15),
        org.assertj.core.groups.Tuple.tuple("k8s/service-without-endpoints", 5),
        org.assertj.core.groups.Tuple.tuple("k8s/bgp-override-unknown-node", 21),
        org.assertj.core.groups.Tuple.tuple("k8s/missing-peer-config", 28));
  }

  @Test
  void builtInAddressesAreValidated() {
    assertThat(problems("""
        apiVersion: v1
        kind: Service
        metadata: {name: s}
        spec:
          clusterIP: 10.96.0.300
          externalIPs: [not-an-ip]
        ---
        apiVersion: v1
        kind: Service
        metadata: {name: headless}
        spec: {clusterIP: None}
        ---
        apiVersion: discovery.k8s.io/v1
        kind: EndpointSlice
        metadata: {name: e}
        addressType: IPv4
        endpoints: [{addresses: ["10.0.0.1/32"]}]
        """)).containsExactly(
        "k.yaml:5: 'spec.clusterIP': invalid IP address: '10.96.0.300' is not an IP address (IPv4 is four decimal numbers, like 10.0.0.1)",
        "k.yaml:6: 'spec.externalIPs[0]': invalid IP address: 'not-an-ip' is not an IP address (IPv4 is four decimal numbers, like 10.0.0.1)",
        "k.yaml:17: 'endpoints[0].addresses[0]': invalid IP address: '10.0.0.1/32' is a prefix, not an address");
  }

  @Test
  void namespacedDuplicatesOnlyClashInTheSameNamespace() {
    KubernetesObjects k = read("""
        {apiVersion: v1, kind: Service, metadata: {name: dns, namespace: a}}
        ---
        {apiVersion: v1, kind: Service, metadata: {name: dns, namespace: b}}
        """);
    assertThat(k.services()).hasSize(2);
    assertThat(problems("""
        {apiVersion: v1, kind: Service, metadata: {name: dns}}
        ---
        {apiVersion: v1, kind: Service, metadata: {name: dns, namespace: default}}
        """)).containsExactly("k.yaml:3: duplicate Service 'default/dns' (first at k.yaml:1)");
  }

  @Test
  void misspeltCrdFieldsAreWarnings() {
    var cc = read("""
        apiVersion: cilium.io/v2
        kind: CiliumBGPClusterConfig
        metadata: {name: c}
        spec:
          bgpInstances:
            - name: i
              peers:
                - name: p
                  peerAdress: 10.0.0.1
        """).bgpClusterConfigs().get(0);
    assertThat(cc.bgpInstances().get(0).peers().get(0).peerAddress()).isNull();
    assertThat(findings).extracting(Finding::code, Finding::where).containsExactly(
        org.assertj.core.groups.Tuple.tuple("k8s/unknown-field", SourceRef.of("k.yaml", 9)));
  }

  @Test
  void advertisementDetailsAreRead() {
    var ad = read("""
        apiVersion: cilium.io/v2
        kind: CiliumBGPAdvertisement
        metadata: {name: a, labels: {advertise: bgp}}
        spec:
          advertisements:
            - advertisementType: Service
              service:
                addresses: [ClusterIP, LoadBalancerIP]
                aggregationLengthIPv6: 64
              selector: {}
              attributes:
                communities: {standard: ["65000:100"], wellKnown: [no-export]}
                localPreference: 200
        """).bgpAdvertisements().get(0).advertisements().get(0);
    assertThat(ad.serviceAddresses()).containsExactly("ClusterIP", "LoadBalancerIP");
    assertThat(ad.aggregationLengthIPv6()).isEqualTo(64);
    assertThat(ad.standardCommunities()).containsExactly("65000:100");
    assertThat(ad.wellKnownCommunities()).containsExactly("no-export");
    assertThat(ad.localPreference()).isEqualTo(200L);
    assertThat(ad.selects(Map.of("any", "thing"))).as("empty selector selects all").isTrue();
    assertThat(findings).isEmpty();
  }
}
