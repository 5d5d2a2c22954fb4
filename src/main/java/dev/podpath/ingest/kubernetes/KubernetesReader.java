package dev.podpath.ingest.kubernetes;

import static dev.podpath.ingest.DocFields.item;

import dev.podpath.core.Finding;
import dev.podpath.core.InputException;
import dev.podpath.core.InputProblem;
import dev.podpath.core.SourceRef;
import dev.podpath.ingest.DocFields;
import dev.podpath.ingest.yaml.YamlDocument;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Endpoints;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointSlice;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the documents of {@code kubernetes/}: built-in kinds through fabric8's model, Cilium CRDs
 * into podpath's own records, {@code kind: List} (and {@code FooList}) expanded item by item.
 * Problems and findings go to the lists the caller gives, so one run reports all of them.
 */
public final class KubernetesReader {

  private static final Set<String> KNOWN_KINDS = Set.of("Node", "Service", "Endpoints", "Pod", "Namespace",
      "EndpointSlice", "ConfigMap", "CiliumNode", "CiliumBGPClusterConfig", "CiliumBGPPeerConfig",
      "CiliumBGPAdvertisement", "CiliumBGPNodeConfigOverride", "CiliumBGPPeeringPolicy", "CiliumLoadBalancerIPPool");

  private static final Set<String> CILIUM_V2_AND_ALPHA = Set.of("cilium.io/v2", "cilium.io/v2alpha1");

  private final List<InputProblem> problems;
  private final List<Finding> findings;
  private final Map<String, SourceRef> seen = new HashMap<>();

  private final List<KubeObject<Node>> nodes = new ArrayList<>();
  private final List<KubeObject<Service>> services = new ArrayList<>();
  private final List<KubeObject<EndpointSlice>> slices = new ArrayList<>();
  private final List<KubeObject<Endpoints>> endpoints = new ArrayList<>();
  private final List<KubeObject<Pod>> pods = new ArrayList<>();
  private final List<KubeObject<Namespace>> namespaces = new ArrayList<>();
  private final List<KubeObject<ConfigMap>> ciliumConfigMaps = new ArrayList<>();
  private final List<CiliumNode> ciliumNodes = new ArrayList<>();
  private final List<CiliumBGPClusterConfig> clusterConfigs = new ArrayList<>();
  private final List<CiliumBGPPeerConfig> peerConfigs = new ArrayList<>();
  private final List<CiliumBGPAdvertisement> advertisements = new ArrayList<>();
  private final List<CiliumBGPNodeConfigOverride> overrides = new ArrayList<>();
  private final List<CiliumBGPPeeringPolicy> policies = new ArrayList<>();
  private final List<CiliumLoadBalancerIPPool> pools = new ArrayList<>();
  private final List<YamlDocument> unknown = new ArrayList<>();

  public KubernetesReader(List<InputProblem> problems, List<Finding> findings) {
    this.problems = problems;
    this.findings = findings;
  }

  /** Reads documents and throws one InputException with every problem (tests, small inputs). */
  public static KubernetesObjects readAll(List<YamlDocument> docs, List<Finding> findings) {
    List<InputProblem> problems = new ArrayList<>();
    KubernetesReader r = new KubernetesReader(problems, findings);
    docs.forEach(r::add);
    if (!problems.isEmpty()) {
      throw new InputException(problems);
    }
    return r.result();
  }

  public void add(YamlDocument doc) {
    DocFields f = new DocFields(doc, problems);
    if (!(doc.root() instanceof Map<?, ?>)) {
      findings.add(Finding.warning("input/not-a-kubernetes-object",
          "document is not a mapping with apiVersion and kind; ignored", doc.ref()));
      return;
    }
    String apiVersion = f.string("apiVersion");
    String kind = f.string("kind");
    if (apiVersion == null || kind == null) {
      findings.add(Finding.warning("input/not-a-kubernetes-object",
          "document has no apiVersion/kind; ignored (is this a values file in kubernetes/?)", doc.ref()));
      return;
    }
    if (kind.endsWith("List") && f.has("items")) {
      expandList(f);
      return;
    }
    String name = f.string("metadata.name");
    if (!KNOWN_KINDS.contains(kind)) {
      unknown.add(doc);
      findings.add(Finding.info("input/unknown-kind", apiVersion + " " + kind
          + (name == null ? "" : " '" + name + "'") + " is not modelled by podpath; ignored", doc.ref()));
      return;
    }
    if (name == null || name.isBlank()) {
      f.problem(f.has("metadata") ? "metadata" : "", kind + " has no metadata.name");
      return;
    }
    switch (kind) {
      case "Node" -> core(f, apiVersion, "v1", Node.class, nodes, kind, name, true);
      case "Service" -> core(f, apiVersion, "v1", Service.class, services, kind, name, false);
      case "Endpoints" -> core(f, apiVersion, "v1", Endpoints.class, endpoints, kind, name, false);
      case "Pod" -> core(f, apiVersion, "v1", Pod.class, pods, kind, name, false);
      case "Namespace" -> core(f, apiVersion, "v1", Namespace.class, namespaces, kind, name, true);
      case "EndpointSlice" -> core(f, apiVersion, "discovery.k8s.io/v1", EndpointSlice.class, slices, kind, name, false);
      case "ConfigMap" -> configMap(f, apiVersion, name);
      case "CiliumNode" -> crd(f, apiVersion, Set.of("cilium.io/v2"), kind, name,
          () -> ciliumNodes.add(CrdReader.ciliumNode(f, name)));
      case "CiliumBGPClusterConfig" -> crd(f, apiVersion, CILIUM_V2_AND_ALPHA, kind, name,
          () -> clusterConfigs.add(CrdReader.clusterConfig(f, apiVersion, name)));
      case "CiliumBGPPeerConfig" -> crd(f, apiVersion, CILIUM_V2_AND_ALPHA, kind, name,
          () -> peerConfigs.add(CrdReader.peerConfig(f, apiVersion, name)));
      case "CiliumBGPAdvertisement" -> crd(f, apiVersion, CILIUM_V2_AND_ALPHA, kind, name,
          () -> advertisements.add(CrdReader.advertisement(f, apiVersion, name)));
      case "CiliumBGPNodeConfigOverride" -> crd(f, apiVersion, CILIUM_V2_AND_ALPHA, kind, name,
          () -> overrides.add(CrdReader.nodeOverride(f, apiVersion, name)));
      // cilium pkg/k8s/apis/cilium.io/v2alpha1/bgpp_types.go: the legacy policy only exists in v2alpha1
      case "CiliumBGPPeeringPolicy" -> crd(f, apiVersion, Set.of("cilium.io/v2alpha1"), kind, name,
          () -> policies.add(CrdReader.peeringPolicy(f, apiVersion, name)));
      case "CiliumLoadBalancerIPPool" -> crd(f, apiVersion, CILIUM_V2_AND_ALPHA, kind, name,
          () -> pools.add(CrdReader.lbPool(f, apiVersion, name, findings)));
      default -> throw new IllegalStateException("kind in KNOWN_KINDS without a reader: " + kind);
    }
  }

  private void expandList(DocFields f) {
    YamlDocument doc = f.doc();
    int n = f.size("items");
    for (int i = 0; i < n; i++) {
      add(subDocument(doc, item("items", i)));
    }
  }

  /** The document rooted at {@code path}, with the lines of its own keys (for List items). */
  static YamlDocument subDocument(YamlDocument doc, String path) {
    Map<String, Integer> lines = new HashMap<>();
    for (Map.Entry<String, Integer> e : doc.lines().entrySet()) {
      String k = e.getKey();
      if (k.equals(path)) {
        lines.put("", e.getValue());
      } else if (k.startsWith(path + ".")) {
        lines.put(k.substring(path.length() + 1), e.getValue());
      } else if (k.startsWith(path + "[")) {
        lines.put(k.substring(path.length()), e.getValue());
      }
    }
    Object root = new DocFields(doc, new ArrayList<>()).at(path);
    return new YamlDocument(doc.file(), doc.lineOf(path), root, lines);
  }

  private <T extends HasMetadata> void core(DocFields f, String apiVersion, String expected, Class<T> type,
      List<KubeObject<T>> into, String kind, String name, boolean clusterScoped) {
    if (!expected.equals(apiVersion)) {
      findings.add(Finding.warning("input/unsupported-api-version",
          kind + " '" + name + "' has apiVersion " + apiVersion + ", podpath reads " + expected + "; ignored",
          f.ref("apiVersion")));
      return;
    }
    int before = problems.size();
    T obj = FabricConversion.convert(f, type, kind);
    if (obj == null) {
      return;
    }
    BuiltinChecks.check(f, kind);
    if (problems.size() > before) {
      return;
    }
    KubeObject<T> ko = new KubeObject<>(obj, f.doc());
    if (unique(f, kind, clusterScoped ? "" : ko.namespace(), name)) {
      into.add(ko);
    }
  }

  private void configMap(DocFields f, String apiVersion, String name) {
    if (!"cilium-config".equals(name)) {
      return; // other ConfigMaps (coredns, ...) do not change the network
    }
    ConfigMap cm = FabricConversion.convert(f, ConfigMap.class, "ConfigMap");
    if (cm == null || !"v1".equals(apiVersion)) {
      return;
    }
    KubeObject<ConfigMap> ko = new KubeObject<>(cm, f.doc());
    if (!"kube-system".equals(ko.namespace()) && f.has("metadata.namespace")) {
      findings.add(Finding.warning("input/cilium-config-namespace", "ConfigMap cilium-config is in namespace "
          + ko.namespace() + ", not kube-system; read as the Cilium ConfigMap anyway", f.ref("metadata.namespace")));
    }
    if (unique(f, "ConfigMap", ko.namespace(), name)) {
      ciliumConfigMaps.add(ko);
    }
  }

  private void crd(DocFields f, String apiVersion, Set<String> versions, String kind, String name, Runnable read) {
    if (!versions.contains(apiVersion)) {
      findings.add(Finding.warning("input/unsupported-api-version",
          kind + " '" + name + "' has apiVersion " + apiVersion + ", Cilium serves " + String.join(" / ", versions.stream().sorted().toList()) + "; ignored",
          f.ref("apiVersion")));
      return;
    }
    int before = problems.size();
    read.run();
    KnownFields.check(f, kind, findings);
    if (problems.size() == before) {
      unique(f, kind, "", name); // Cilium BGP and IPAM kinds are cluster-scoped
    }
  }

  private boolean unique(DocFields f, String kind, String namespace, String name) {
    String key = kind + "/" + namespace + "/" + name;
    SourceRef first = seen.putIfAbsent(key, f.ref(""));
    if (first != null) {
      String what = namespace.isEmpty() ? "'" + name + "'" : "'" + namespace + "/" + name + "'";
      f.problem("metadata.name", "duplicate " + kind + " " + what + " (first at " + first + ")");
      return false;
    }
    return true;
  }

  public KubernetesObjects result() {
    return new KubernetesObjects(nodes, services, slices, endpoints, pods, namespaces, ciliumConfigMaps, ciliumNodes,
        clusterConfigs, peerConfigs, advertisements, overrides, policies, pools, unknown);
  }
}
