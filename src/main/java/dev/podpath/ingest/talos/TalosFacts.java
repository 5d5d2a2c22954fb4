package dev.podpath.ingest.talos;

import dev.podpath.core.net.IpPrefix;
import java.util.ArrayList;
import java.util.List;

/** Everything read from a snapshot's {@code talos/} folder. */
public record TalosFacts(
    List<TalosMachineConfig> machineConfigs, List<TalosLink> links, List<TalosExtensionService> extensionServices) {

  public TalosFacts {
    machineConfigs = List.copyOf(machineConfigs);
    links = List.copyOf(links);
    extensionServices = List.copyOf(extensionServices);
  }

  public static TalosFacts empty() {
    return new TalosFacts(List.of(), List.of(), List.of());
  }

  /** The pod subnets of every document, deduplicated in order (cluster-wide, attributed or not). */
  public List<IpPrefix> podSubnets() {
    List<IpPrefix> out = new ArrayList<>();
    machineConfigs.forEach(m -> m.podSubnets().stream().filter(p -> !out.contains(p)).forEach(out::add));
    return out;
  }

  public List<IpPrefix> serviceSubnets() {
    List<IpPrefix> out = new ArrayList<>();
    machineConfigs.forEach(m -> m.serviceSubnets().stream().filter(p -> !out.contains(p)).forEach(out::add));
    return out;
  }

  /** Links of a host, including those of talos/all-nodes/ (host {@link TalosReader#ALL_NODES}). */
  public List<TalosLink> linksOf(String host) {
    return links.stream().filter(l -> host.equals(l.host()) || TalosReader.ALL_NODES.equals(l.host())).toList();
  }
}
