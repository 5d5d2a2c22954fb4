package dev.podpath.ingest.talos;

import dev.podpath.core.SourceRef;
import dev.podpath.ingest.host.AddressSpec;
import java.util.List;
import java.util.Map;

/**
 * A network link of a Talos machine: a v1alpha1 {@code machine.network.interfaces[]} entry or one
 * of its {@code vlans[]}, or a multi-doc LinkConfig / BondConfig / VLANConfig / BridgeConfig /
 * DummyLinkConfig document. {@code name} is null when the interface is chosen by
 * {@code deviceSelector} (the kernel name is then unknown offline). {@code host} is null when the
 * document could not be attributed to a host (docs/snapshot.md "Talos").
 */
public record TalosLink(
    String host, String source, String name, Map<String, String> deviceSelector, String parent, Integer vlanId,
    List<AddressSpec> addresses, List<TalosRoute> routes, Integer mtu, Boolean dhcp, SourceRef where) {

  public TalosLink {
    deviceSelector = Map.copyOf(deviceSelector);
    addresses = List.copyOf(addresses);
    routes = List.copyOf(routes);
  }
}
