package dev.podpath.ingest.collect;

import java.util.List;

/**
 * The Cilium custom resources a snapshot models (docs/snapshot.md), with the API versions to try,
 * newest first: the BGP v2 resources and LB IP pools were v2alpha1 before Cilium 1.18
 * (cilium pkg/k8s/apis/cilium.io/v2 and v2alpha1 register them; 1.17 serves both).
 *
 * @param file the snapshot file (under kubernetes/) the objects of this kind go to
 */
record CiliumKind(String kind, String plural, List<String> versions, String file) {

  static final List<CiliumKind> ALL = List.of(
      new CiliumKind("CiliumNode", "ciliumnodes", List.of("v2"), "cilium-nodes.yaml"),
      new CiliumKind("CiliumBGPClusterConfig", "ciliumbgpclusterconfigs", List.of("v2", "v2alpha1"), "cilium-bgp.yaml"),
      new CiliumKind("CiliumBGPPeerConfig", "ciliumbgppeerconfigs", List.of("v2", "v2alpha1"), "cilium-bgp.yaml"),
      new CiliumKind("CiliumBGPAdvertisement", "ciliumbgpadvertisements", List.of("v2", "v2alpha1"), "cilium-bgp.yaml"),
      new CiliumKind("CiliumBGPNodeConfigOverride", "ciliumbgpnodeconfigoverrides", List.of("v2", "v2alpha1"), "cilium-bgp.yaml"),
      new CiliumKind("CiliumBGPPeeringPolicy", "ciliumbgppeeringpolicies", List.of("v2alpha1"), "cilium-bgp.yaml"),
      new CiliumKind("CiliumLoadBalancerIPPool", "ciliumloadbalancerippools", List.of("v2", "v2alpha1"), "cilium-lb-pools.yaml"));
}
