package dev.podpath.ingest;

import dev.podpath.core.Finding;
import dev.podpath.ingest.host.HostSpec;
import dev.podpath.ingest.kubernetes.KubernetesObjects;
import dev.podpath.ingest.talos.TalosFacts;
import dev.podpath.ingest.yaml.YamlDocument;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Everything read from one snapshot directory (layout: docs/snapshot.md), each object keeping its
 * file and line. Cilium inputs, daemon configs and intents are kept unparsed for their own
 * readers. {@code hostFolders} lists every {@code hosts/NAME} folder, also those without a
 * host.yaml; {@code hosts} only those with one. {@code findings} are the loader's infos and
 * warnings (errors are thrown as one InputException instead).
 */
public record Snapshot(
    Path root,
    String name,
    String ciliumVersion,
    String notes,
    List<YamlDocument> ciliumValues,
    List<YamlDocument> ciliumConfigMap,
    KubernetesObjects kubernetes,
    TalosFacts talos,
    Map<String, HostSpec> hosts,
    Set<String> hostFolders,
    List<DaemonConfigFile> daemonConfigs,
    List<YamlDocument> intents,
    List<Finding> findings,
    String birdVersion) {

  /** The Cilium version when snapshot.yaml does not name one. */
  public static final String DEFAULT_CILIUM_VERSION = "1.18";

  /** A snapshot whose snapshot.yaml names no BIRD release. */
  public Snapshot(Path root, String name, String ciliumVersion, String notes, List<YamlDocument> ciliumValues,
      List<YamlDocument> ciliumConfigMap, KubernetesObjects kubernetes, TalosFacts talos, Map<String, HostSpec> hosts,
      Set<String> hostFolders, List<DaemonConfigFile> daemonConfigs, List<YamlDocument> intents, List<Finding> findings) {
    this(root, name, ciliumVersion, notes, ciliumValues, ciliumConfigMap, kubernetes, talos, hosts, hostFolders,
        daemonConfigs, intents, findings, "");
  }

  public Snapshot {
    birdVersion = birdVersion == null ? "" : birdVersion;
    ciliumValues = List.copyOf(ciliumValues);
    ciliumConfigMap = List.copyOf(ciliumConfigMap);
    hosts = Collections.unmodifiableMap(new TreeMap<>(hosts));
    hostFolders = Collections.unmodifiableSet(new TreeSet<>(hostFolders));
    daemonConfigs = List.copyOf(daemonConfigs);
    intents = List.copyOf(intents);
    findings = List.copyOf(findings);
  }

  public List<DaemonConfigFile> daemonConfigs(String host) {
    return daemonConfigs.stream().filter(d -> d.host().equals(host)).toList();
  }

  /** True when a Kubernetes Node of this name is in the snapshot. */
  public boolean isNode(String hostName) {
    return kubernetes.node(hostName).isPresent();
  }
}
