package dev.podpath.controlplane.cilium;

import static dev.podpath.controlplane.cilium.BgpFixture.NODES;
import static dev.podpath.controlplane.cilium.BgpFixture.resolve;
import static dev.podpath.controlplane.cilium.CiliumBgpResolverTest.PEER_CONFIG;
import static dev.podpath.controlplane.cilium.CiliumBgpResolverTest.POD_ADVERT;
import static dev.podpath.controlplane.cilium.CiliumBgpResolverTest.cluster;
import static dev.podpath.controlplane.cilium.CiliumBgpResolverTest.finding;
import static dev.podpath.controlplane.cilium.CiliumBgpResolverTest.onlyPeer;
import static dev.podpath.controlplane.cilium.CiliumBgpResolverTest.pfx;
import static dev.podpath.controlplane.cilium.CiliumBgpResolverTest.prefixes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.podpath.controlplane.spi.AddressFamily;
import dev.podpath.core.InputException;
import dev.podpath.core.Severity;
import dev.podpath.core.net.IpAddr;
import org.junit.jupiter.api.Test;

/** Legacy CiliumBGPPeeringPolicy (BGPv1) resolved to the same per-node shape. */
class PeeringPolicyTest {

  static String policy(String name, String selector, String peerAddress) {
    return """
        apiVersion: cilium.io/v2alpha1
        kind: CiliumBGPPeeringPolicy
        metadata: {name: %s}
        spec:
        %s
          virtualRouters:
            - localASN: 65010
              exportPodCIDR: true
              serviceSelector: {matchExpressions: [{key: never, operator: NotIn, values: [x]}]}
              neighbors:
                - peerAddress: "%s"
                  peerASN: 65000
                  eBGPMultihopTTL: 2
                  families: [{afi: ipv6, safi: unicast}]
        """.formatted(name, selector == null ? "" : "  nodeSelector: " + selector, peerAddress);
  }

  static final String LB = """
      apiVersion: v1
      kind: Service
      metadata: {name: web, namespace: app}
      spec: {type: LoadBalancer, clusterIP: "fd00:96::5", ports: [{port: 80}]}
      status:
        loadBalancer: {ingress: [{ip: "fd00:1b::5"}]}
      """;

  @Test
  void aPolicyBecomesOneInstancePerVirtualRouter() {
    CiliumBgpResolution r = resolve(NODES, LB, policy("p", "{matchLabels: {rack: a}}", "fd00::ff/128"));
    assertThat(r.nodes().keySet()).containsExactly("n1");
    CiliumBgpNodeConfig.Instance i = r.nodes().get("n1").instances().get(0);
    assertThat(i.localAsn()).isEqualTo(65010);
    assertThat(i.localPort()).isNull();
    assertThat(i.routerId()).isEqualTo(IpAddr.parse("10.0.0.1"));
    CiliumBgpNodeConfig.Peer p = onlyPeer(r, "n1");
    assertThat(p.peerAddress()).isEqualTo(IpAddr.parse("fd00::ff"));
    assertThat(p.peerAsn()).isEqualTo(65000);
    assertThat(p.peerPort()).isEqualTo(179);
    assertThat(p.ebgpMultihop()).isEqualTo(2);
    assertThat(p.families()).extracting(CiliumBgpNodeConfig.Family::family).containsExactly(AddressFamily.IPV6_UNICAST);
    // exportPodCIDR + serviceSelector with the default serviceAdvertisements [LoadBalancerIP]
    assertThat(prefixes(p, AddressFamily.IPV6_UNICAST)).isEqualTo(pfx("fd00:1:1::/80", "fd00:1b::5/128"));
  }

  @Test
  void anEmptyServiceSelectorSelectsEveryServiceAndNilNone() {
    String all = policy("p", null, "fd00::ff/128").replace("serviceSelector: {matchExpressions: [{key: never, operator: NotIn, values: [x]}]}",
        "serviceSelector: {}");
    assertThat(prefixes(onlyPeer(resolve(NODES, LB, all), "n1"), AddressFamily.IPV6_UNICAST)).isEqualTo(pfx("fd00:1:1::/80", "fd00:1b::5/128"));
    assertThat(all).contains("serviceSelector: {}");
    String none = policy("p", null, "fd00::ff/128").replace("      serviceSelector: {matchExpressions: [{key: never, operator: NotIn, values: [x]}]}\n", "");
    assertThat(none).doesNotContain("serviceSelector");
    assertThat(prefixes(onlyPeer(resolve(NODES, LB, none), "n1"), AddressFamily.IPV6_UNICAST)).isEqualTo(pfx("fd00:1:1::/80"));
  }

  @Test
  void aBareNeighborAddressIsRefusedWhenReading() {
    assertThatThrownBy(() -> resolve(NODES, policy("p", null, "fd00::ff")))
        .isInstanceOf(InputException.class).hasMessageContaining("CIDR notation");
  }

  @Test
  void twoPoliciesOnOneNodeApplyNone() {
    CiliumBgpResolution r = resolve(NODES, policy("p1", null, "fd00::ff/128"), policy("p2", "{matchLabels: {rack: b}}", "fd00::fe/128"));
    assertThat(r.nodes().keySet()).containsExactly("n1");
    assertThat(finding(r, "cilium-bgp/multiple-peering-policies").host()).isEqualTo("n2");
    assertThat(finding(r, "cilium-bgp/multiple-peering-policies").severity()).isEqualTo(Severity.ERROR);
  }

  @Test
  void aPolicyTakesPrecedenceOverAClusterConfig() {
    CiliumBgpResolution r = resolve(NODES, PEER_CONFIG, POD_ADVERT, cluster("all", null, "pc"),
        policy("p", "{matchLabels: {rack: a}}", "fd00::fe/128"));
    assertThat(onlyPeer(r, "n1").peerAddress()).as("v1 wins on n1").isEqualTo(IpAddr.parse("fd00::fe"));
    assertThat(onlyPeer(r, "n2").peerAddress()).as("v2 on n2").isEqualTo(IpAddr.parse("fd00::ff"));
    assertThat(finding(r, "cilium-bgp/v1-and-v2").host()).isEqualTo("n1");
  }

  @Test
  void routerIdAnnotationOverridesTheNodeAddress() {
    String annotated = NODES.replace("name: n1\n", "name: n1\n  annotations: {cilium.io/bgp-virtual-router.65010: \"router-id=192.0.2.1,local-port=1790\"}\n");
    CiliumBgpResolution r = resolve(annotated, policy("p", null, "fd00::ff/128"));
    CiliumBgpNodeConfig.Instance i = r.nodes().get("n1").instances().get(0);
    assertThat(i.routerId()).isEqualTo(IpAddr.parse("192.0.2.1"));
    assertThat(i.localPort()).isEqualTo(1790);
    assertThat(r.nodes().get("n2").instances().get(0).routerId()).isEqualTo(IpAddr.parse("10.0.0.2"));
  }
}
