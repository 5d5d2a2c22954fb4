package dev.podpath.ingest;

import dev.podpath.core.Finding;
import dev.podpath.core.InputException;
import dev.podpath.core.InputProblem;
import dev.podpath.core.SourceRef;
import dev.podpath.ingest.host.HostReader;
import dev.podpath.ingest.host.HostSpec;
import dev.podpath.ingest.kubernetes.KubernetesConsistency;
import dev.podpath.ingest.kubernetes.KubernetesObjects;
import dev.podpath.ingest.kubernetes.KubernetesReader;
import dev.podpath.ingest.talos.TalosExtensionService;
import dev.podpath.ingest.talos.TalosFacts;
import dev.podpath.ingest.talos.TalosReader;
import dev.podpath.ingest.yaml.YamlDocument;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Loads a snapshot directory (docs/snapshot.md). Every problem of every file is collected and
 * thrown as one {@link InputException} (the CLI prints one line each and exits 2); infos and
 * warnings become {@link Snapshot#findings()}.
 */
public final class SnapshotLoader {

  private static final Set<String> TOP_LEVEL =
      Set.of("snapshot.yaml", "cilium", "kubernetes", "talos", "hosts", "intents.yaml");

  private final Path root;
  private final List<InputProblem> problems = new ArrayList<>();
  private final List<Finding> findings = new ArrayList<>();
  private final SnapshotFiles files;

  private SnapshotLoader(Path root, Path realRoot) {
    this.root = root;
    this.files = new SnapshotFiles(root, realRoot, problems, findings);
  }

  /** Reads the snapshot at {@code root}; throws InputException listing every problem found. */
  public static Snapshot load(Path root) {
    Path abs = root.toAbsolutePath().normalize();
    if (!Files.exists(abs)) {
      throw new InputException(SourceRef.NONE, "snapshot " + root + " does not exist");
    }
    if (!Files.isDirectory(abs)) {
      throw new InputException(SourceRef.NONE, "snapshot " + root + " is not a directory");
    }
    try {
      return new SnapshotLoader(abs, abs.toRealPath()).run();
    } catch (IOException e) {
      throw new InputException(SourceRef.NONE, "cannot open snapshot " + root + ": " + e.getMessage());
    }
  }

  private Snapshot run() {
    topLevel();
    SnapshotMeta meta = SnapshotMeta.read(root.resolve("snapshot.yaml"), files, problems, findings,
        root.getFileName() == null ? "snapshot" : root.getFileName().toString());
    List<YamlDocument> values = ciliumFile("values.yaml");
    List<YamlDocument> configMap = ciliumFile("cilium-config.yaml");
    CiliumInputs.checkConfigMap(configMap, problems);
    ciliumFolderExtras();

    KubernetesReader kube = new KubernetesReader(problems, findings);
    for (Path p : yamlFiles("kubernetes")) {
      String text = files.text(p);
      List<YamlDocument> docs = text == null ? null : files.yaml(p, text);
      if (docs != null) {
        docs.forEach(kube::add);
      }
    }
    KubernetesObjects k = kube.result();

    Map<String, HostSpec> hosts = new LinkedHashMap<>();
    Set<String> hostFolders = new TreeSet<>();
    List<DaemonConfigFile> daemons = new ArrayList<>();
    readHosts(hosts, hostFolders, daemons);

    Set<String> known = new HashSet<>(hostFolders);
    k.nodes().forEach(n -> known.add(n.name()));
    TalosFacts talos = readTalos(known);
    List<String> nodeNames = k.nodes().stream().map(n -> n.name()).toList();
    talosDaemons(talos, daemons, nodeNames, false);
    talosDaemons(talos, daemons, nodeNames, true); // after the per-host ones, which win

    List<YamlDocument> intents = optionalYaml(root.resolve("intents.yaml"));
    if (configMap.isEmpty() && !k.ciliumConfigMaps().isEmpty()) {
      // the agent reads kube-system/cilium-config; another namespace only counts when it is the only one
      List<YamlDocument> kubeSystem = k.ciliumConfigMaps().stream().filter(c -> c.namespace().equals("kube-system"))
          .map(c -> c.doc()).toList();
      configMap = kubeSystem.isEmpty() ? List.of(k.ciliumConfigMaps().get(0).doc()) : kubeSystem;
    } else if (!configMap.isEmpty() && !k.ciliumConfigMaps().isEmpty()) {
      findings.add(Finding.warning("input/duplicate-cilium-config", "a cilium-config ConfigMap is also under kubernetes/;"
          + " cilium/cilium-config.yaml is used", k.ciliumConfigMaps().get(0).where()));
    }
    if (values.isEmpty() && configMap.isEmpty()) {
      findings.add(Finding.warning("input/no-cilium-config", "no cilium/values.yaml and no cilium-config ConfigMap:"
          + " Cilium settings are unknown", SourceRef.file("cilium")));
    }

    KubernetesConsistency.check(k, findings);
    HostConsistency.check(k, talos, hosts, hostFolders, daemons, findings);
    if (!problems.isEmpty()) {
      List<InputProblem> sorted = new ArrayList<>(problems);
      sorted.sort((a, b) -> a.where().compareTo(b.where()));
      throw new InputException(sorted);
    }
    List<Finding> sortedFindings = new ArrayList<>(findings);
    sortedFindings.sort(Finding.ORDER);
    return new Snapshot(root, meta.name(), meta.ciliumVersion(), meta.notes(), values, configMap, k, talos, hosts,
        hostFolders, daemons, intents, sortedFindings, meta.birdVersion());
  }

  private void topLevel() {
    try (Stream<Path> s = Files.list(root)) {
      for (Path p : s.sorted().toList()) {
        String name = p.getFileName().toString();
        if (name.startsWith(".") || name.toLowerCase(Locale.ROOT).startsWith("readme")) {
          continue; // .git, editor files, a README for people
        }
        boolean wantDir = !name.endsWith(".yaml");
        if (files.symlinkedFolder(p)) {
          continue;
        }
        if (!TOP_LEVEL.contains(name)) {
          findings.add(Finding.info("input/unknown-file", name + " is not part of the snapshot layout"
              + " (docs/snapshot.md); ignored", SourceRef.file(name)));
        } else if (wantDir != Files.isDirectory(p)) {
          problems.add(new InputProblem(SourceRef.file(name), name + " must be a " + (wantDir ? "folder" : "file")));
        }
      }
    } catch (IOException e) {
      problems.add(new InputProblem(SourceRef.NONE, "cannot list snapshot " + root + ": " + e.getMessage()));
    }
  }

  private List<YamlDocument> optionalYaml(Path p) {
    if (!Files.exists(p, java.nio.file.LinkOption.NOFOLLOW_LINKS) || Files.isDirectory(p)) {
      return List.of();
    }
    String text = files.text(p);
    List<YamlDocument> docs = text == null ? null : files.yaml(p, text);
    return docs == null ? List.of() : docs;
  }

  private List<YamlDocument> ciliumFile(String name) {
    return optionalYaml(root.resolve("cilium").resolve(name));
  }

  private void ciliumFolderExtras() {
    Path dir = root.resolve("cilium");
    if (!SnapshotFiles.isDirectory(dir)) {
      return;
    }
    for (Path p : files.walk(dir)) {
      String rel = files.rel(p);
      if (!rel.equals("cilium/values.yaml") && !rel.equals("cilium/cilium-config.yaml")) {
        findings.add(Finding.info("input/unknown-file", rel + " is not read: cilium/ holds values.yaml and"
            + " cilium-config.yaml", SourceRef.file(rel)));
      }
    }
  }

  private List<Path> yamlFiles(String folder) {
    Path dir = root.resolve(folder);
    if (!SnapshotFiles.isDirectory(dir)) {
      return List.of();
    }
    List<Path> out = new ArrayList<>();
    for (Path p : files.walk(dir)) {
      String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
      if (n.endsWith(".yaml") || n.endsWith(".yml") || n.endsWith(".json")) {
        out.add(p);
      } else if (!n.startsWith(".")) {
        findings.add(Finding.info("input/unknown-file", files.rel(p) + " is not YAML or JSON; ignored",
            SourceRef.file(files.rel(p))));
      }
    }
    return out;
  }

  private void readHosts(Map<String, HostSpec> hosts, Set<String> folders, List<DaemonConfigFile> daemons) {
    Path dir = root.resolve("hosts");
    if (!SnapshotFiles.isDirectory(dir)) {
      return;
    }
    Map<String, String> lowerCase = new HashMap<>();
    List<Path> entries;
    try (Stream<Path> s = Files.list(dir)) {
      entries = s.sorted().toList();
    } catch (IOException e) {
      problems.add(new InputProblem(SourceRef.file("hosts"), "cannot list folder: " + e.getMessage()));
      return;
    }
    for (Path hostDir : entries) {
      String name = hostDir.getFileName().toString();
      if (name.startsWith(".")) {
        continue;
      }
      if (files.symlinkedFolder(hostDir)) {
        continue;
      }
      if (!SnapshotFiles.isDirectory(hostDir)) {
        findings.add(Finding.info("input/unknown-file", "hosts/" + name + " is not a host folder; ignored",
            SourceRef.file("hosts/" + name)));
        continue;
      }
      String clash = lowerCase.putIfAbsent(name.toLowerCase(Locale.ROOT), name);
      if (clash != null) {
        // Kubernetes node names are lower-case DNS names: two folders that differ in case are one host twice
        problems.add(new InputProblem(SourceRef.file("hosts/" + name), "duplicate host: hosts/" + name
            + " and hosts/" + clash + " differ only in letter case"));
        continue;
      }
      folders.add(name);
      for (Path p : files.walk(hostDir)) {
        String rel = files.rel(p);
        String file = rel.substring(("hosts/" + name + "/").length());
        switch (file) {
          case "host.yaml" -> {
            String text = files.text(p);
            List<YamlDocument> docs = text == null ? null : files.yaml(p, text);
            HostSpec h = docs == null ? null : HostReader.read(name, docs, problems, findings);
            if (h != null) {
              hosts.put(name, h);
            }
          }
          case "bird.conf", "frr.conf" -> {
            String text = files.text(p);
            if (text != null) {
              daemons.add(new DaemonConfigFile(name, file.equals("bird.conf") ? Daemon.BIRD : Daemon.FRR, rel, text,
                  SourceRef.of(rel, 1)));
            }
          }
          default -> findings.add(Finding.info("input/unknown-file", rel + " is not read: a host folder holds"
              + " host.yaml, bird.conf and frr.conf", SourceRef.file(rel)).onHost(name));
        }
      }
    }
  }

  private TalosFacts readTalos(Set<String> knownHosts) {
    TalosReader talos = new TalosReader(knownHosts, problems, findings);
    for (Path p : yamlFiles("talos")) {
      String text = files.text(p);
      List<YamlDocument> docs = text == null ? null : files.yaml(p, text);
      if (docs != null) {
        talos.add(files.rel(p), text, docs);
      }
    }
    return talos.result();
  }

  /** bird.conf / frr.conf carried by attributed Talos ExtensionServiceConfigs; hosts/NAME files win. */
  private void talosDaemons(TalosFacts talos, List<DaemonConfigFile> daemons, List<String> nodes, boolean allNodes) {
    for (TalosExtensionService s : talos.extensionServices()) {
      if (allNodes != TalosReader.ALL_NODES.equals(s.host())) {
        continue;
      }
      for (TalosExtensionService.ConfigFile f : s.configFiles()) {
        String base = f.mountPath().substring(f.mountPath().lastIndexOf('/') + 1);
        Daemon d = base.equals("bird.conf") ? Daemon.BIRD : base.equals("frr.conf") ? Daemon.FRR : null;
        if (d == null) {
          continue;
        }
        // siderolabs/extensions network/bird2/bird2.yaml: bird runs with -f and the default config path
        if ("bird2".equals(s.name()) && d == Daemon.BIRD && !f.mountPath().equals(TalosBird.CONFIG_PATH)) {
          findings.add(Finding.warning("talos/bird-config-path", "the bird2 extension reads " + TalosBird.CONFIG_PATH
              + ", not " + f.mountPath() + "; this file is only used if that one includes it", f.where()));
        }
        if (s.host() == null) {
          continue; // reported once per file by TalosReader (talos/unattributed)
        }
        if (!f.exactLines()) {
          findings.add(Finding.warning("talos/inexact-lines", "content is not a literal block (content: |), so line"
              + " numbers inside it are approximate", f.contentStart()));
        }
        for (String host : allNodes ? nodes : List.of(s.host())) {
          DaemonConfigFile existing = daemons.stream().filter(x -> x.host().equals(host) && x.daemon() == d)
              .findFirst().orElse(null);
          if (existing != null) {
            findings.add(Finding.warning("input/duplicate-daemon-config", "host " + host + " already has " + base
                + " from " + existing.displayPath() + ", which is used; this Talos copy is ignored", f.where()).onHost(host));
            continue;
          }
          daemons.add(new DaemonConfigFile(host, d, f.contentStart().file() + ":" + f.mountPath(), f.content(),
              f.contentStart()));
        }
      }
    }
  }
}
