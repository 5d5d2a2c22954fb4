package dev.podpath.ingest.talos;

import dev.podpath.core.net.IpPrefix;
import dev.podpath.ingest.yaml.YamlDocument;
import java.util.List;

/**
 * The facts podpath takes from one v1alpha1 machine config document (or patch):
 * cluster.network.podSubnets / serviceSubnets and machine.network.hostname. Its interfaces are
 * {@link TalosLink}s in {@link TalosFacts#links()}. {@code host} is null when unattributed.
 */
public record TalosMachineConfig(
    String host, String hostname, List<IpPrefix> podSubnets, List<IpPrefix> serviceSubnets, YamlDocument doc) {

  public TalosMachineConfig {
    podSubnets = List.copyOf(podSubnets);
    serviceSubnets = List.copyOf(serviceSubnets);
  }
}
