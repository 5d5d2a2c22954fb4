package dev.podpath.controlplane.cilium;

import static dev.podpath.controlplane.cilium.BgpFixture.NODES;
import static dev.podpath.controlplane.cilium.BgpFixture.resolve;
import static dev.podpath.controlplane.cilium.BgpFixture.settings;
import static dev.podpath.controlplane.cilium.CiliumBgpResolverTest.PEER_CONFIG;
import static dev.podpath.controlplane.cilium.CiliumBgpResolverTest.cluster;
import static dev.podpath.controlplane.cilium.CiliumBgpResolverTest.codes;
import static dev.podpath.controlplane.cilium.CiliumBgpResolverTest.finding;
import static dev.podpath.controlplane.cilium.CiliumBgpResolverTest.onlyPeer;
import static dev.podpath.controlplane.cilium.CiliumBgpResolverTest.pfx;
import static org.assertj.core.api.Assertions.assertThat;

import dev.podpath.controlplane.cilium.CiliumBgpNodeConfig.AdvertisementType;
import dev.podpath.controlplane.spi.AddressFamily;
import dev.podpath.core.Severity;
import dev.podpath.core.net.IpPrefix;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** Service advertisements: selectors, address types, traffic policies, LB classes, LB-IPAM. */
class ServiceAdvertisementTest {

  static final String SERVICES = """
      apiVersion: v1
      kind: Service
      metadata: {name: lb-local, namespace: app, labels: {expose: "yes"}}
      spec:
        type: LoadBalancer
        clusterIP: fd00:96::10
        clusterIPs: [fd00:96::10]
        externalTrafficPolicy: Local
        ports: [{port: 80}]
      status:
        loadBalancer: {ingress: [{ip: "fd00:1b::10"}]}
      ---
      apiVersion: v1
      kind: Service
      metadata: {name: lb-cluster, namespace: app}
      spec:
        type: LoadBalancer
        clusterIP: fd00:96::11
        externalTrafficPolicy: Cluster
        externalIPs: ["fd00:e::11"]
        ports: [{port: 80}]
      status:
        loadBalancer: {ingress: [{ip: "fd00:1b::11"}]}
      ---
      apiVersion: v1
      kind: Service
      metadata: {name: lb-metallb, namespace: app}
      spec:
        type: LoadBalancer
        loadBalancerClass: metallb.io/metallb
        clusterIP: fd00:96::12
        ports: [{port: 80}]
      status:
        loadBalancer: {ingress: [{ip: "fd00:1b::12"}]}
      ---
      apiVersion: v1
      kind: Service
      metadata: {name: internal-local, namespace: app}
      spec:
        type: ClusterIP
        clusterIP: 10.96.0.13
        internalTrafficPolicy: Local
        ports: [{port: 80}]
      ---
      apiVersion: v1
      kind: Service
      metadata: {name: headless, namespace: app}
      spec:
        clusterIP: None
        ports: [{port: 80}]
      ---
      apiVersion: discovery.k8s.io/v1
      kind: EndpointSlice
      metadata: {name: lb-local-1, namespace: app, labels: {kubernetes.io/service-name: lb-local}}
      addressType: IPv6
      endpoints:
        - addresses: ["fd00:1:2::5"]
          nodeName: n2
          conditions: {ready: true}
        - addresses: ["fd00:1:1::6"]
          nodeName: n1
          conditions: {ready: false, terminating: true}
      ---
      apiVersion: discovery.k8s.io/v1
      kind: EndpointSlice
      metadata: {name: internal-local-1, namespace: app, labels: {kubernetes.io/service-name: internal-local}}
      addressType: IPv4
      endpoints:
        - addresses: ["10.1.1.7"]
          nodeName: n1
      """;

  static String advert(String selector, String addresses) {
    return """
        apiVersion: cilium.io/v2
        kind: CiliumBGPAdvertisement
        metadata: {name: svc, labels: {advertise: bgp}}
        spec:
          advertisements:
            - advertisementType: Service
              service: {addresses: [%s]}
        %s
        """.formatted(addresses, selector == null ? "" : "      selector: " + selector);
  }

  static List<IpPrefix> of(CiliumBgpResolution r, String node, AdvertisementType type) {
    TreeSet<IpPrefix> out = new TreeSet<>();
    for (CiliumBgpNodeConfig.Family f : onlyPeer(r, node).families()) {
      f.advertisements().stream().filter(a -> a.type() == type).forEach(a -> out.addAll(a.prefixes()));
    }
    return List.copyOf(out);
  }

  @Test
  void loadBalancerIpsFollowExternalTrafficPolicyAndTheLbClass() {
    CiliumBgpResolution r = resolve(NODES, SERVICES, PEER_CONFIG, advert("{}", "LoadBalancerIP"), cluster("all", null, "pc"));
    // lb-local: only n2 has a (non-terminating) endpoint; lb-cluster: everywhere; metallb class: nowhere
    assertThat(of(r, "n1", AdvertisementType.SERVICE_LOAD_BALANCER_IP)).isEqualTo(pfx("fd00:1b::11/128"));
    assertThat(of(r, "n2", AdvertisementType.SERVICE_LOAD_BALANCER_IP)).isEqualTo(pfx("fd00:1b::10/128", "fd00:1b::11/128"));
    assertThat(r.findings()).isEmpty();
  }

  @Test
  void clusterIpsFollowInternalTrafficPolicyAndSkipHeadless() {
    CiliumBgpResolution r = resolve(NODES, SERVICES, PEER_CONFIG, advert("{}", "ClusterIP"), cluster("all", null, "pc"));
    assertThat(of(r, "n1", AdvertisementType.SERVICE_CLUSTER_IP))
        .isEqualTo(pfx("fd00:96::10/128", "fd00:96::11/128", "fd00:96::12/128", "10.96.0.13/32"));
    assertThat(of(r, "n2", AdvertisementType.SERVICE_CLUSTER_IP)).as("internal-local has its endpoint on n1 only")
        .isEqualTo(pfx("fd00:96::10/128", "fd00:96::11/128", "fd00:96::12/128"));
    // each family carries only its own addresses
    CiliumBgpNodeConfig.Family v4 = onlyPeer(r, "n1").families().stream().filter(f -> f.family() == AddressFamily.IPV4_UNICAST).findFirst().orElseThrow();
    assertThat(v4.advertisements().get(0).prefixes()).isEqualTo(pfx("10.96.0.13/32"));
  }

  @Test
  void externalIpsFollowExternalTrafficPolicy() {
    CiliumBgpResolution r = resolve(NODES, SERVICES, PEER_CONFIG, advert("{matchLabels: {io.kubernetes.service.name: lb-cluster}}", "ExternalIP"),
        cluster("all", null, "pc"));
    assertThat(of(r, "n1", AdvertisementType.SERVICE_EXTERNAL_IP)).isEqualTo(pfx("fd00:e::11/128"));
  }

  @Test
  void aSelectorMatchesServiceLabels() {
    CiliumBgpResolution r = resolve(NODES, SERVICES, PEER_CONFIG, advert("{matchLabels: {expose: \"yes\"}}", "LoadBalancerIP, ClusterIP"),
        cluster("all", null, "pc"));
    assertThat(of(r, "n2", AdvertisementType.SERVICE_LOAD_BALANCER_IP)).isEqualTo(pfx("fd00:1b::10/128"));
    assertThat(of(r, "n2", AdvertisementType.SERVICE_CLUSTER_IP)).isEqualTo(pfx("fd00:96::10/128"));
  }

  @Test
  void aNilSelectorSelectsNothing() {
    CiliumBgpResolution r = resolve(NODES, SERVICES, PEER_CONFIG, advert(null, "LoadBalancerIP"), cluster("all", null, "pc"));
    assertThat(of(r, "n2", AdvertisementType.SERVICE_LOAD_BALANCER_IP)).isEmpty();
    assertThat(finding(r, "cilium-bgp/service-selector-nil").severity()).isEqualTo(Severity.WARNING);
  }

  @Test
  void aSelectorThatMatchesNoService() {
    CiliumBgpResolution r = resolve(NODES, SERVICES, PEER_CONFIG, advert("{matchLabels: {team: nobody}}", "LoadBalancerIP"),
        cluster("all", null, "pc"));
    assertThat(of(r, "n2", AdvertisementType.SERVICE_LOAD_BALANCER_IP)).isEmpty();
    assertThat(finding(r, "cilium-bgp/service-selector-selects-nothing").severity()).isEqualTo(Severity.WARNING);
  }

  @Test
  void aNotReadyLocalEndpointCountsIn118ButNotBefore() {
    String svc = """
        apiVersion: v1
        kind: Service
        metadata: {name: s, namespace: app}
        spec:
          type: LoadBalancer
          clusterIP: fd00:96::20
          externalTrafficPolicy: Local
          ports: [{port: 80}]
        status:
          loadBalancer: {ingress: [{ip: "fd00:1b::20"}]}
        ---
        apiVersion: discovery.k8s.io/v1
        kind: EndpointSlice
        metadata: {name: s-1, namespace: app, labels: {kubernetes.io/service-name: s}}
        addressType: IPv6
        endpoints:
          - addresses: ["fd00:1:1::9"]
            nodeName: n1
            conditions: {ready: false}
        """;
    String[] docs = {NODES, svc, PEER_CONFIG, advert("{}", "LoadBalancerIP"), cluster("all", null, "pc")};
    CiliumBgpResolution v118 = CiliumBgpResolver.resolve(BgpFixture.versioned("1.18", docs), settings());
    CiliumBgpResolution v117 = CiliumBgpResolver.resolve(BgpFixture.versioned("1.17", docs), settings());
    assertThat(of(v118, "n1", AdvertisementType.SERVICE_LOAD_BALANCER_IP)).isEqualTo(pfx("fd00:1b::20/128"));
    assertThat(of(v117, "n1", AdvertisementType.SERVICE_LOAD_BALANCER_IP)).isEmpty();
  }

  @Test
  void lbIpamAssumesTheRequestedOrTheFirstFreeAddress() {
    String svcs = """
        apiVersion: v1
        kind: Service
        metadata: {name: taken, namespace: app}
        spec: {type: LoadBalancer, ipFamilies: [IPv6], ports: [{port: 80}]}
        status:
          loadBalancer: {ingress: [{ip: "fd00:1b::1"}]}
        ---
        apiVersion: v1
        kind: Service
        metadata: {name: fresh, namespace: app}
        spec: {type: LoadBalancer, ipFamilies: [IPv6], ports: [{port: 80}]}
        ---
        apiVersion: v1
        kind: Service
        metadata: {name: asks, namespace: app, annotations: {lbipam.cilium.io/ips: "fd00:1b::99"}}
        spec: {type: LoadBalancer, ipFamilies: [IPv6], ports: [{port: 80}]}
        ---
        apiVersion: v1
        kind: Service
        metadata: {name: elsewhere, namespace: other, labels: {pool: none}}
        spec: {type: LoadBalancer, ports: [{port: 80}]}
        ---
        apiVersion: cilium.io/v2
        kind: CiliumLoadBalancerIPPool
        metadata: {name: pool}
        spec:
          blocks: [{cidr: "fd00:1b::/120"}]
          serviceSelector: {matchLabels: {io.kubernetes.service.namespace: app}}
        """;
    CiliumBgpResolution r = resolve(NODES, svcs, PEER_CONFIG, advert("{}", "LoadBalancerIP"), cluster("all", null, "pc"));
    // fd00:1b:: is the reserved first address, ::1 is taken (status): the first free one is ::2
    assertThat(of(r, "n1", AdvertisementType.SERVICE_LOAD_BALANCER_IP))
        .isEqualTo(pfx("fd00:1b::1/128", "fd00:1b::2/128", "fd00:1b::99/128"));
    assertThat(r.findings().stream().filter(f -> f.code().equals("cilium-bgp/lb-ip-assumed"))).hasSize(2)
        .allMatch(f -> f.severity() == Severity.INFO);
    assertThat(r.findings().stream().filter(f -> f.code().equals("cilium-bgp/lb-ip-assumed")))
        .anyMatch(f -> f.message().contains("fd00:1b::2") && f.message().contains("UNCONFIRMED"));
    assertThat(codes(r)).contains("cilium-bgp/lb-ip-no-pool");
  }
}
