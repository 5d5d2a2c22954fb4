package dev.podpath.ingest.collect;

import dev.podpath.core.InputException;
import dev.podpath.core.SourceRef;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Reads the cluster's objects that a snapshot models and writes them as snapshot files. Only
 * get and list calls (the same a `kubectl get -o yaml` would make); Secrets are never asked for.
 * The files appear all at once: they are written to a hidden sibling folder that is renamed to
 * the target at the end, so a failed or interrupted run leaves nothing half-written.
 */
public final class LiveCollector {

  /** Annotation kubectl writes with the whole previous object: noise, and it may carry values the operator did not mean to share. */
  static final String LAST_APPLIED = "kubectl.kubernetes.io/last-applied-configuration";

  private final KubernetesClient client;
  private final Consumer<String> progress;

  public LiveCollector(KubernetesClient client, Consumer<String> progress) {
    this.client = client;
    this.progress = progress;
  }

  /** Collects into {@code target}, which must not exist yet or be an empty folder. */
  public CollectedSnapshot collect(Path target, String name) {
    requireFree(target);
    Path parent = target.toAbsolutePath().normalize().getParent();
    Path work = parent.resolve("." + target.getFileName() + ".podpath-" + ProcessHandle.current().pid());
    try {
      Files.createDirectories(work.resolve("cilium"));
      Files.createDirectories(work.resolve("kubernetes"));
      CollectedSnapshot result = collectInto(work, name);
      Files.deleteIfExists(target);
      Files.move(work, target);
      return result;
    } catch (IOException e) {
      throw new InputException(SourceRef.file(target.toString()), "cannot write the snapshot: " + e.getMessage());
    } catch (KubernetesClientException e) {
      throw new InputException(SourceRef.file(client.getConfiguration().getMasterUrl()), "cannot read from the cluster: " + reason(e));
    } finally {
      deleteTree(work);
    }
  }

  private CollectedSnapshot collectInto(Path dir, String name) throws IOException {
    Map<String, Integer> counts = new LinkedHashMap<>();
    List<String> notes = new ArrayList<>();

    progress.accept("reading kube-system/cilium-config");
    ConfigMap config = client.configMaps().inNamespace("kube-system").withName("cilium-config").get();
    if (config == null) {
      notes.add("no ConfigMap kube-system/cilium-config: add cilium/values.yaml (the Helm values) by hand");
    } else {
      write(dir.resolve("cilium/cilium-config.yaml"), List.of(config));
      counts.put("ConfigMap", 1);
    }

    progress.accept("reading Nodes, Namespaces, Services, EndpointSlices, Pods");
    core(dir, "nodes.yaml", "Node", client.nodes().list().getItems(), counts);
    core(dir, "namespaces.yaml", "Namespace", client.namespaces().list().getItems(), counts);
    core(dir, "services.yaml", "Service", client.services().inAnyNamespace().list().getItems(), counts);
    core(dir, "endpointslices.yaml", "EndpointSlice", client.discovery().v1().endpointSlices().inAnyNamespace().list().getItems(), counts);
    core(dir, "pods.yaml", "Pod", client.pods().inAnyNamespace().list().getItems(), counts);

    Map<String, List<HasMetadata>> byFile = new LinkedHashMap<>();
    for (CiliumKind kind : CiliumKind.ALL) {
      progress.accept("reading " + kind.kind());
      Optional<List<GenericKubernetesResource>> items = cilium(kind);
      if (items.isEmpty()) {
        notes.add(kind.kind() + ": not installed in this cluster (no cilium.io " + String.join("/", kind.versions()) + " resource)");
        continue;
      }
      counts.put(kind.kind(), items.get().size());
      byFile.computeIfAbsent(kind.file(), k -> new ArrayList<>()).addAll(items.get());
    }
    for (Map.Entry<String, List<HasMetadata>> e : byFile.entrySet()) {
      if (!e.getValue().isEmpty()) {
        write(dir.resolve("kubernetes").resolve(e.getKey()), e.getValue());
      }
    }

    Optional<String> version = ciliumVersion();
    if (version.isEmpty()) {
      notes.add("Cilium version not found (no kube-system/cilium DaemonSet with a cilium image tag): set ciliumVersion in snapshot.yaml");
    }
    Files.writeString(dir.resolve("snapshot.yaml"), SnapshotYaml.of(name, version, client.getConfiguration().getMasterUrl()));
    notes.add("hosts/NAME/host.yaml, bird.conf and frr.conf live on the hosts, not in the API: add them (docs/snapshot.md)");
    return new CollectedSnapshot(counts, version, notes);
  }

  private void core(Path dir, String file, String kind, List<? extends HasMetadata> items, Map<String, Integer> counts) throws IOException {
    counts.put(kind, items.size());
    if (!items.isEmpty()) {
      write(dir.resolve("kubernetes").resolve(file), items);
    }
  }

  /** The kind's objects at the newest served version, or empty when no version is served (CRD absent). */
  private Optional<List<GenericKubernetesResource>> cilium(CiliumKind kind) {
    for (String v : kind.versions()) {
      ResourceDefinitionContext ctx = new ResourceDefinitionContext.Builder()
          .withGroup("cilium.io").withVersion(v).withKind(kind.kind()).withPlural(kind.plural()).withNamespaced(false).build();
      try {
        List<GenericKubernetesResource> items = client.genericKubernetesResources(ctx).list().getItems();
        // list items come without apiVersion/kind (the API server sets them on the list only)
        items.forEach(r -> {
          r.setApiVersion("cilium.io/" + v);
          r.setKind(kind.kind());
        });
        return Optional.of(items);
      } catch (KubernetesClientException e) {
        if (e.getCode() != 404) {
          throw e;
        }
      }
    }
    return Optional.empty();
  }

  /** MAJOR.MINOR.PATCH from the agent image tag, e.g. quay.io/cilium/cilium:v1.18.6@sha256:... -> 1.18.6. */
  private Optional<String> ciliumVersion() {
    DaemonSet ds = client.apps().daemonSets().inNamespace("kube-system").withName("cilium").get();
    if (ds == null || ds.getSpec() == null || ds.getSpec().getTemplate().getSpec() == null) {
      return Optional.empty();
    }
    return ds.getSpec().getTemplate().getSpec().getContainers().stream()
        .map(c -> ImageTag.version(c.getImage()))
        .flatMap(Optional::stream)
        .findFirst();
  }

  private void write(Path file, List<? extends HasMetadata> objects) throws IOException {
    StringBuilder sb = new StringBuilder();
    objects.stream().sorted(Comparator.comparing((HasMetadata o) -> String.valueOf(o.getMetadata().getNamespace()))
        .thenComparing(o -> o.getMetadata().getName())).forEach(o -> {
          clean(o.getMetadata());
          String yaml = client.getKubernetesSerialization().asYaml(o);
          sb.append(yaml.startsWith("---") ? yaml : "---\n" + yaml);
          if (!yaml.endsWith("\n")) {
            sb.append('\n');
          }
        });
    Files.writeString(file, sb.toString());
  }

  private static void clean(ObjectMeta meta) {
    meta.setManagedFields(null);
    if (meta.getAnnotations() != null) {
      meta.getAnnotations().remove(LAST_APPLIED);
    }
  }

  private static void requireFree(Path target) {
    if (Files.isRegularFile(target)) {
      throw new InputException(SourceRef.file(target.toString()), "is a file: give a folder that does not exist yet");
    }
    if (Files.isDirectory(target)) {
      try (Stream<Path> s = Files.list(target)) {
        if (s.findAny().isPresent()) {
          throw new InputException(SourceRef.file(target.toString()), "is not empty: podpath snapshot never writes into an existing snapshot");
        }
      } catch (IOException e) {
        throw new InputException(SourceRef.file(target.toString()), "cannot read: " + e.getMessage());
      }
    }
  }

  private static String reason(KubernetesClientException e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String m = e.getCode() > 0 ? "HTTP " + e.getCode() + " " + e.getMessage() : e.getMessage();
    if (root == e) {
      return m;
    }
    return m + " (" + root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + root.getMessage()) + ")";
  }

  private static void deleteTree(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> s = Files.walk(dir)) {
      s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // best effort: the folder is hidden and named after this process
    }
  }
}
