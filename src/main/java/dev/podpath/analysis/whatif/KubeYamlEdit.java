package dev.podpath.analysis.whatif;

import dev.podpath.core.InputException;
import dev.podpath.core.SourceRef;
import dev.podpath.ingest.Snapshot;
import dev.podpath.ingest.kubernetes.KubernetesObjects;
import dev.podpath.ingest.kubernetes.KubernetesReader;
import dev.podpath.ingest.yaml.YamlDocument;
import dev.podpath.ingest.yaml.YamlReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Replaces lines {@code fromLine..toLine} (1-based, inclusive) of a YAML file under kubernetes/
 * holding Cilium BGP resources with {@code newText}; {@code toLine == fromLine - 1} inserts. The
 * edited file is read again in memory and the snapshot's Cilium BGP resources
 * (CiliumBGPClusterConfig, PeerConfig, Advertisement, NodeConfigOverride) are replaced by what the
 * edited files hold; no file is written.
 */
public record KubeYamlEdit(String file, int fromLine, int toLine, String newText, String why) implements Edit {

  public KubeYamlEdit {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(newText, "newText");
    new LineSplice(fromLine, toLine, newText); // validates the range
  }

  @Override
  public String text() {
    return LineSplice.describe(file, fromLine, toLine) + " " + why;
  }

  /** Applies every edit of one file, bottom-up so that line numbers stay valid. */
  public static String applyAll(String text, List<KubeYamlEdit> edits) {
    return LineSplice.applyAll(text, edits.stream().map(e -> new LineSplice(e.fromLine(), e.toLine(), e.newText())).toList());
  }

  static Snapshot applyAll(Snapshot s, List<KubeYamlEdit> edits) {
    Map<String, List<KubeYamlEdit>> byFile = new TreeMap<>();
    edits.forEach(e -> byFile.computeIfAbsent(e.file(), f -> new ArrayList<>()).add(e));
    List<YamlDocument> docs = new ArrayList<>();
    Path dir = s.root().resolve("kubernetes");
    // the loader's order (SnapshotLoader reads kubernetes/ files sorted by path): "first wins" rules stay the same
    try (Stream<Path> walk = Files.exists(dir) ? Files.walk(dir) : Stream.empty()) {
      for (Path p : walk.filter(Files::isRegularFile).filter(p -> p.toString().matches("(?i).*\\.(yaml|yml|json)$"))
          .sorted().toList()) {
        String rel = s.root().relativize(p).toString().replace('\\', '/');
        String text = Files.readString(p);
        List<KubeYamlEdit> mine = byFile.get(rel);
        docs.addAll(YamlReader.read(mine == null ? text : applyAll(text, mine), rel));
      }
    } catch (IOException e) {
      throw new InputException(SourceRef.file("kubernetes"), "cannot read kubernetes/: " + e.getMessage());
    }
    KubernetesObjects read = KubernetesReader.readAll(docs, new ArrayList<>());
    KubernetesObjects k = s.kubernetes();
    KubernetesObjects out = new KubernetesObjects(k.nodes(), k.services(), k.endpointSlices(), k.endpoints(), k.pods(),
        k.namespaces(), k.ciliumConfigMaps(), k.ciliumNodes(), read.bgpClusterConfigs(), read.bgpPeerConfigs(),
        read.bgpAdvertisements(), read.bgpNodeConfigOverrides(), k.bgpPeeringPolicies(), k.lbIPPools(), k.unknown());
    return new Snapshot(s.root(), s.name(), s.ciliumVersion(), s.notes(), s.ciliumValues(), s.ciliumConfigMap(), out,
        s.talos(), s.hosts(), s.hostFolders(), s.daemonConfigs(), s.intents(), s.findings(), s.birdVersion());
  }
}
