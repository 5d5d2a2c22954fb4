package dev.podpath.controlplane.cilium;

import dev.podpath.core.Finding;
import dev.podpath.core.SourceRef;
import dev.podpath.ingest.Snapshot;
import dev.podpath.ingest.cilium.CiliumVersion;
import dev.podpath.ingest.kubernetes.CiliumBGPClusterConfig;
import dev.podpath.ingest.kubernetes.CiliumBGPNodeConfigOverride;
import dev.podpath.ingest.kubernetes.CiliumBGPPeerConfig;
import dev.podpath.ingest.kubernetes.CiliumBGPPeeringPolicy;
import dev.podpath.ingest.kubernetes.KubernetesObjects;
import dev.podpath.ingest.kubernetes.Located;
import dev.podpath.model.cilium.AgentSettings;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Resolves the Cilium BGP resources of a snapshot to each node's {@link CiliumBgpNodeConfig}: what
 * the operator writes into CiliumBGPNodeConfig (operator/pkg/bgpv2/cluster.go, read at commit
 * 344d90ba, the 1.18 cilium.io/v2 code) and what the agent's reconcilers make of it
 * (pkg/bgpv1/manager/reconcilerv2/{neighbor,peer_advertisements,pod_cidr,service}.go), or, for a
 * node a legacy CiliumBGPPeeringPolicy selects, what BGPv1 makes of that ({@link PeeringPolicyResolver}).
 */
public final class CiliumBgpResolver {

  private final KubernetesObjects k;
  private final CiliumVersion version;
  private final AdvertisementPrefixes prefixes;
  private final Set<Finding> findings = new LinkedHashSet<>();

  private CiliumBgpResolver(Snapshot snapshot, AgentSettings settings, CiliumVersion version, List<Finding> lbFindings) {
    this.k = snapshot.kubernetes();
    this.version = version;
    LocalEndpoints local = LocalEndpoints.of(k, version);
    LoadBalancerIps lb = LoadBalancerIps.of(k, settings.ipv4(), settings.ipv6(), lbFindings);
    this.prefixes = new AdvertisementPrefixes(k, settings.ipamMode(), local, lb);
  }

  /** The BGP configuration of every node whose agent runs a BGP speaker, with the findings. */
  public static CiliumBgpResolution resolve(Snapshot snapshot, AgentSettings effective) {
    KubernetesObjects k = snapshot.kubernetes();
    List<Located> resources = Stream.of(k.bgpClusterConfigs(), k.bgpPeerConfigs(), k.bgpAdvertisements(),
        k.bgpNodeConfigOverrides(), k.bgpPeeringPolicies()).flatMap(List::stream).map(Located.class::cast).toList();
    if (!effective.bgpControlPlane()) {
      // Helm bgpControlPlane.enabled / agent enable-bgp-control-plane (default false): no BGP cells at all
      List<Finding> f = resources.isEmpty() ? List.of() : List.of(Finding.warning("cilium-bgp/control-plane-disabled",
          resources.size() + " Cilium BGP resource(s) in the snapshot, but the agents run with enable-bgp-control-plane=false"
              + " (Helm bgpControlPlane.enabled): no node runs a BGP speaker and nothing is advertised", resources.get(0).where()));
      return new CiliumBgpResolution(Map.of(), f);
    }
    CiliumVersion version = CiliumVersion.nearest(snapshot.ciliumVersion(), SourceRef.file("snapshot.yaml"));
    List<Finding> lbFindings = new ArrayList<>();
    CiliumBgpResolver r = new CiliumBgpResolver(snapshot, effective, version, lbFindings);
    Map<String, CiliumBgpNodeConfig> out = r.run(NodeFacts.of(snapshot, effective.ipamMode()), !resources.isEmpty());
    List<Finding> all = new ArrayList<>(r.findings);
    all.addAll(lbFindings);
    all.sort(Finding.ORDER);
    return new CiliumBgpResolution(out, all);
  }

  private Map<String, CiliumBgpNodeConfig> run(Map<String, NodeFacts> nodes, boolean anyResource) {
    checkPeerConfigRefs();
    Map<String, CiliumBgpNodeConfig> out = new LinkedHashMap<>();
    Set<CiliumBGPClusterConfig> used = new LinkedHashSet<>();
    for (NodeFacts node : nodes.values()) {
      List<CiliumBGPPeeringPolicy> policies = k.bgpPeeringPolicies().stream().filter(p -> p.selectsNode(node.labels())).toList();
      List<CiliumBGPClusterConfig> configs = k.bgpClusterConfigs().stream().filter(c -> c.selectsNode(node.labels())).toList();
      used.addAll(configs);
      if (!policies.isEmpty()) {
        if (!configs.isEmpty()) {
          // Documentation/network/bgp-control-plane/bgp-control-plane-v2.rst: "CiliumBGPPeeringPolicy will take precedence"
          findings.add(Finding.warning("cilium-bgp/v1-and-v2", "node " + node.name() + " is selected by CiliumBGPPeeringPolicy "
              + policies.get(0).name() + " and CiliumBGPClusterConfig " + configs.get(0).name()
              + ": they should not be used together; the agent applies the CiliumBGPPeeringPolicy", configs.get(0).where())
              .onHost(node.name()));
        }
        if (policies.size() > 1) {
          // Documentation/network/bgp-control-plane.rst: "if more than one does, it will apply no policy at all"
          findings.add(Finding.error("cilium-bgp/multiple-peering-policies", "node " + node.name()
              + " is selected by CiliumBGPPeeringPolicies " + policies.stream().map(CiliumBGPPeeringPolicy::name).toList()
              + ": a node may only have one, so the agent applies none (no BGP on this node)", policies.get(1).where())
              .onHost(node.name()));
          continue;
        }
        out.put(node.name(), new PeeringPolicyResolver(version, prefixes, findings).resolve(policies.get(0), node));
        continue;
      }
      if (configs.isEmpty()) {
        if (anyResource) {
          findings.add(Finding.info("cilium-bgp/node-not-selected", "no CiliumBGPClusterConfig or CiliumBGPPeeringPolicy selects node "
              + node.name() + " (labels " + new java.util.TreeMap<>(node.labels()) + "): its agent runs no BGP speaker", node.where())
              .onHost(node.name()));
        }
        continue;
      }
      if (configs.size() > 1) {
        // operator/pkg/bgpv2/cluster.go upsertNodeConfigs: the CiliumBGPNodeConfig is owned by the cluster config that created it;
        // the others skip the node and get condition ConflictingClusterConfigs. Which one came first is not in a snapshot.
        for (CiliumBGPClusterConfig other : configs.subList(1, configs.size())) {
          findings.add(Finding.error("cilium-bgp/conflicting-cluster-config", "CiliumBGPClusterConfigs " + configs.get(0).name()
              + " and " + other.name() + " both select node " + node.name() + ": the operator keeps the node with whichever"
              + " created its CiliumBGPNodeConfig first and reports ConflictingClusterConfigs on the other; podpath assumes "
              + configs.get(0).name() + " (the first in the snapshot)", other.where()).onHost(node.name()));
        }
      }
      out.put(node.name(), new ClusterConfigResolver(k, version, prefixes, findings).nodeConfig(configs.get(0), node));
    }
    for (CiliumBGPClusterConfig c : k.bgpClusterConfigs()) {
      if (!used.contains(c)) {
        // cluster.go updateNoMatchingNodeCondition: "No node matches spec.nodeSelector"
        findings.add(Finding.warning("cilium-bgp/no-matching-node", "CiliumBGPClusterConfig " + c.name()
            + ": no node matches spec.nodeSelector (condition NoMatchingNode)", c.nodeSelector() == null ? c.where() : c.nodeSelector().where()));
      }
    }
    for (CiliumBGPNodeConfigOverride o : k.bgpNodeConfigOverrides()) {
      if (!out.containsKey(o.name()) || !nodes.containsKey(o.name())) {
        findings.add(Finding.info("cilium-bgp/override-unused", "CiliumBGPNodeConfigOverride " + o.name()
            + " applies to the node of that name, which " + (nodes.containsKey(o.name()) ? "no CiliumBGPClusterConfig selects" : "is not in the snapshot"),
            o.where()));
      }
    }
    return out;
  }

  /** cluster.go missingPeerConfigs / condition MissingPeerConfigs; neighbor.go: such a peer is skipped (no session). */
  private void checkPeerConfigRefs() {
    for (CiliumBGPClusterConfig c : k.bgpClusterConfigs()) {
      for (CiliumBGPClusterConfig.Instance i : c.bgpInstances()) {
        for (CiliumBGPClusterConfig.Peer p : i.peers()) {
          if (p.peerConfigRef() != null && !p.peerConfigRef().isEmpty() && k.bgpPeerConfig(p.peerConfigRef()).isEmpty()) {
            findings.add(Finding.error("cilium-bgp/missing-peer-config", "peer " + p.name() + " of CiliumBGPClusterConfig " + c.name()
                + " refers to CiliumBGPPeerConfig '" + p.peerConfigRef() + "', which does not exist (condition MissingPeerConfigs):"
                + " the agent skips this peer, so no session is made", p.where()));
          }
        }
      }
    }
  }
}
