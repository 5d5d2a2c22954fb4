package dev.podpath.controlplane.cilium;

import dev.podpath.core.Finding;
import dev.podpath.ingest.Snapshot;
import dev.podpath.ingest.cilium.AgentFlag;
import dev.podpath.ingest.cilium.CiliumVersion;
import dev.podpath.ingest.kubernetes.KubernetesObjects;
import dev.podpath.ingest.kubernetes.KubernetesReader;
import dev.podpath.ingest.talos.TalosFacts;
import dev.podpath.ingest.yaml.YamlReader;
import dev.podpath.model.cilium.AgentSettings;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Small snapshots from YAML text through the real Kubernetes reader, and agent settings from flags. */
final class BgpFixture {

  /** Two dual-stack nodes (IPAM kubernetes): n1 (rack a) and n2 (rack b). */
  static final String NODES = """
      apiVersion: v1
      kind: Node
      metadata:
        name: n1
        labels: {rack: a, bgp: "on"}
      spec:
        podCIDRs: [fd00:1:1::/80, 10.1.1.0/24]
      status:
        addresses:
          - {type: InternalIP, address: "fd00::1"}
          - {type: InternalIP, address: 10.0.0.1}
      ---
      apiVersion: v1
      kind: Node
      metadata:
        name: n2
        labels: {rack: b, bgp: "on"}
      spec:
        podCIDRs: [fd00:1:2::/80, 10.1.2.0/24]
      status:
        addresses:
          - {type: InternalIP, address: "fd00::2"}
          - {type: InternalIP, address: 10.0.0.2}
      """;

  private BgpFixture() {}

  static Snapshot versioned(String version, String... yamlDocs) {
    List<Finding> findings = new ArrayList<>();
    KubernetesObjects k = KubernetesReader.readAll(YamlReader.read(String.join("\n---\n", yamlDocs), "kubernetes/k.yaml"), findings);
    return new Snapshot(Path.of("."), "fixture", version, "", List.of(), List.of(), k, TalosFacts.empty(), Map.of(), Set.of(),
        List.of(), List.of(), findings);
  }

  static Snapshot snapshot(String... yamlDocs) {
    return versioned("1.18", yamlDocs);
  }

  static AgentSettings settings(Map<AgentFlag, Object> overrides) {
    Map<AgentFlag, Object> m = new EnumMap<>(AgentFlag.class);
    for (AgentFlag f : AgentFlag.values()) {
      Object d = f.agentDefault(CiliumVersion.V1_18);
      if (d != null) {
        m.put(f, d);
      }
    }
    m.put(AgentFlag.ENABLE_BGP_CONTROL_PLANE, true);
    m.put(AgentFlag.IPAM, "kubernetes");
    m.put(AgentFlag.ENABLE_IPV6, true);
    m.put(AgentFlag.ROUTING_MODE, "native");
    m.putAll(overrides);
    return AgentSettings.of(m);
  }

  static AgentSettings settings() {
    return settings(Map.of());
  }

  static CiliumBgpResolution resolve(String... docs) {
    return CiliumBgpResolver.resolve(snapshot(docs), settings());
  }
}
