package dev.podpath.ingest.kubernetes;

import dev.podpath.ingest.yaml.YamlDocument;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Endpoints;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointSlice;
import java.util.List;
import java.util.Optional;

/**
 * Every Kubernetes object of a snapshot's {@code kubernetes/} folder, by kind, in file order.
 * {@code ciliumConfigMaps} holds ConfigMaps named cilium-config (an input for the Cilium reader).
 */
public record KubernetesObjects(
    List<KubeObject<Node>> nodes,
    List<KubeObject<Service>> services,
    List<KubeObject<EndpointSlice>> endpointSlices,
    List<KubeObject<Endpoints>> endpoints,
    List<KubeObject<Pod>> pods,
    List<KubeObject<Namespace>> namespaces,
    List<KubeObject<ConfigMap>> ciliumConfigMaps,
    List<CiliumNode> ciliumNodes,
    List<CiliumBGPClusterConfig> bgpClusterConfigs,
    List<CiliumBGPPeerConfig> bgpPeerConfigs,
    List<CiliumBGPAdvertisement> bgpAdvertisements,
    List<CiliumBGPNodeConfigOverride> bgpNodeConfigOverrides,
    List<CiliumBGPPeeringPolicy> bgpPeeringPolicies,
    List<CiliumLoadBalancerIPPool> lbIPPools,
    List<YamlDocument> unknown) {

  public KubernetesObjects {
    nodes = List.copyOf(nodes);
    services = List.copyOf(services);
    endpointSlices = List.copyOf(endpointSlices);
    endpoints = List.copyOf(endpoints);
    pods = List.copyOf(pods);
    namespaces = List.copyOf(namespaces);
    ciliumConfigMaps = List.copyOf(ciliumConfigMaps);
    ciliumNodes = List.copyOf(ciliumNodes);
    bgpClusterConfigs = List.copyOf(bgpClusterConfigs);
    bgpPeerConfigs = List.copyOf(bgpPeerConfigs);
    bgpAdvertisements = List.copyOf(bgpAdvertisements);
    bgpNodeConfigOverrides = List.copyOf(bgpNodeConfigOverrides);
    bgpPeeringPolicies = List.copyOf(bgpPeeringPolicies);
    lbIPPools = List.copyOf(lbIPPools);
    unknown = List.copyOf(unknown);
  }

  public static KubernetesObjects empty() {
    return new KubernetesObjects(List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(),
        List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of());
  }

  public Optional<KubeObject<Node>> node(String name) {
    return nodes.stream().filter(n -> name.equals(n.name())).findFirst();
  }

  public Optional<KubeObject<Service>> service(String namespace, String name) {
    return services.stream().filter(s -> namespace.equals(s.namespace()) && name.equals(s.name())).findFirst();
  }

  public Optional<CiliumBGPPeerConfig> bgpPeerConfig(String name) {
    return bgpPeerConfigs.stream().filter(p -> name.equals(p.name())).findFirst();
  }

  public Optional<CiliumBGPNodeConfigOverride> bgpNodeConfigOverride(String nodeName) {
    return bgpNodeConfigOverrides.stream().filter(o -> nodeName.equals(o.name())).findFirst();
  }

  public Optional<CiliumNode> ciliumNode(String name) {
    return ciliumNodes.stream().filter(n -> name.equals(n.name())).findFirst();
  }
}
