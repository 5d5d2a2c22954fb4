package dev.podpath.ingest;

import dev.podpath.core.Finding;
import dev.podpath.core.SourceRef;
import dev.podpath.core.net.IpAddr;
import dev.podpath.ingest.host.AddressSpec;
import dev.podpath.ingest.host.HostSpec;
import dev.podpath.ingest.talos.TalosFacts;
import dev.podpath.ingest.talos.TalosLink;
import dev.podpath.ingest.talos.TalosReader;
import io.fabric8.kubernetes.api.model.NodeAddress;
import java.util.HashSet;
import dev.podpath.ingest.kubernetes.KubeObject;
import dev.podpath.ingest.kubernetes.KubernetesObjects;
import io.fabric8.kubernetes.api.model.Node;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Missing pieces between Nodes, host folders and daemon configs. A missing piece is a finding,
 * never a silent default (docs/design.md "Snapshot format"): without host.yaml a host's routes
 * are unknown and every verdict through it says so.
 */
final class HostConsistency {

  private HostConsistency() {}

  /**
   * A Node's InternalIP/ExternalIP and a Talos machine's addresses are facts about the same host as
   * its host.yaml: one missing there means host.yaml is stale or incomplete, and every path
   * through that address would be judged on the wrong interfaces.
   */
  private static void addressesAgree(KubernetesObjects k, TalosFacts talos, Map<String, HostSpec> hosts,
      List<Finding> findings) {
    for (HostSpec h : hosts.values()) {
      Set<IpAddr> onHost = new HashSet<>();
      h.interfaces().forEach(i -> i.addresses().forEach(a -> onHost.add(a.address().address())));
      k.node(h.name()).ifPresent(n -> {
        List<NodeAddress> addrs = n.object().getStatus() == null || n.object().getStatus().getAddresses() == null
            ? List.of() : n.object().getStatus().getAddresses();
        for (int i = 0; i < addrs.size(); i++) {
          NodeAddress a = addrs.get(i);
          if (!"InternalIP".equals(a.getType()) && !"ExternalIP".equals(a.getType()) || a.getAddress() == null) {
            continue;
          }
          IpAddr ip = IpAddr.parse(a.getAddress()); // a written address was validated by the Kubernetes reader
          if (!onHost.contains(ip)) {
            findings.add(Finding.warning("input/node-address-not-on-host", "Node " + h.name() + " " + a.getType() + " "
                + ip + " is on no interface of hosts/" + h.name() + "/host.yaml", n.refOf("status.addresses[" + i + "]"))
                .onHost(h.name()));
          }
        }
      });
      for (TalosLink l : talos.linksOf(h.name())) {
        if (TalosReader.ALL_NODES.equals(l.host())) {
          continue; // shared patches (lo addresses and such) are not per-host facts
        }
        for (AddressSpec a : l.addresses()) {
          if (!onHost.contains(a.address().address())) {
            findings.add(Finding.warning("talos/address-not-in-host-yaml", "Talos gives " + h.name() + " the address "
                + a.address() + ", which is on no interface of hosts/" + h.name() + "/host.yaml", a.where())
                .onHost(h.name()));
          }
        }
      }
    }
  }

  static void check(KubernetesObjects k, TalosFacts talos, Map<String, HostSpec> hosts, Set<String> folders,
      List<DaemonConfigFile> daemons, List<Finding> findings) {
    addressesAgree(k, talos, hosts, findings);
    for (KubeObject<Node> n : k.nodes()) {
      if (!folders.contains(n.name())) {
        findings.add(Finding.warning("input/missing-host", "no host folder for node " + n.name()
            + " (hosts/" + n.name() + "/host.yaml): its interfaces and routes are unknown", n.where()).onHost(n.name()));
      }
    }
    Set<String> withoutHostYaml = new TreeSet<>();
    folders.stream().filter(f -> !hosts.containsKey(f)).forEach(withoutHostYaml::add);
    daemons.stream().map(DaemonConfigFile::host).filter(h -> !hosts.containsKey(h)).forEach(withoutHostYaml::add);
    for (String h : withoutHostYaml) {
      String what = k.node(h).isPresent() ? "node" : "host";
      SourceRef where = folders.contains(h) ? SourceRef.file("hosts/" + h)
          : daemons.stream().filter(d -> d.host().equals(h)).findFirst().map(DaemonConfigFile::origin).orElse(SourceRef.NONE);
      findings.add(Finding.warning("input/missing-host-yaml", "no host.yaml for " + what + " " + h
          + ": its routes are unknown", where).onHost(h));
    }
  }
}
