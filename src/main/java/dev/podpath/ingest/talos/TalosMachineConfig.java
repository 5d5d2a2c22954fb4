package dev.podpath.ingest.talos;

import dev.podpath.core.net.IpPrefix;
import dev.podpath.ingest.yaml.YamlDocument;
import java.util.List;

/**
 * The facts podpath takes from one v1alpha1 machine config document (or patch):
 * cluster.network.podSubnets / serviceSubnets, machine.network.hostname, and the settings that
 * meet Cilium: cluster.network.cni.name, cluster.proxy.disabled (kube-proxy replacement) and
 * machine.features.kubePrism (the node-local API endpoint, 127.0.0.1:7445 by default, that
 * {@code k8sServiceHost: localhost} relies on; routing-facts §5.3). Null = not written in this
 * document (patches are partial; nothing is defaulted). Interfaces are {@link TalosLink}s in
 * {@link TalosFacts#links()}. {@code host} is null when unattributed.
 */
public record TalosMachineConfig(
    String host, String hostname, List<IpPrefix> podSubnets, List<IpPrefix> serviceSubnets, String cniName,
    Boolean proxyDisabled, Boolean kubePrismEnabled, Integer kubePrismPort, YamlDocument doc) {

  public TalosMachineConfig {
    podSubnets = List.copyOf(podSubnets);
    serviceSubnets = List.copyOf(serviceSubnets);
  }
}
