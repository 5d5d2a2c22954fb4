package dev.podpath.ingest.collect;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.apps.DaemonSetBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Fills a (mock) API server with an example snapshot's objects, as the live cluster would hold
 * them: its cilium-config ConfigMap, everything under kubernetes/, the cilium DaemonSet (whose
 * image tag gives the version) and a Secret that podpath must never read.
 */
public final class ExampleApiServer {

  public static final String SECRET_VALUE = "do-not-collect";

  private ExampleApiServer() {}

  public static void load(KubernetesClient client, Path example) throws IOException {
    List<Path> files = new ArrayList<>(List.of(example.resolve("cilium/cilium-config.yaml")));
    try (Stream<Path> s = Files.list(example.resolve("kubernetes"))) {
      s.sorted().forEach(files::add);
    }
    for (Path f : files) {
      try (InputStream in = Files.newInputStream(f)) {
        for (HasMetadata o : client.load(in).items()) {
          create(client, o);
        }
      }
    }
    client.apps().daemonSets().inNamespace("kube-system").resource(new DaemonSetBuilder()
        .withNewMetadata().withName("cilium").withNamespace("kube-system").endMetadata()
        .withNewSpec().withNewTemplate().withNewSpec().addNewContainer().withName("cilium-agent")
        .withImage("quay.io/cilium/cilium:v1.18.6@sha256:0123").endContainer().endSpec().endTemplate().endSpec().build()).create();
    client.secrets().inNamespace("kube-system").resource(new SecretBuilder()
        .withNewMetadata().withName("cilium-ca").withNamespace("kube-system").endMetadata()
        .addToStringData("ca.key", SECRET_VALUE).build()).create();
  }

  private static void create(KubernetesClient client, HasMetadata o) {
    if (o instanceof GenericKubernetesResource g) {
      String version = g.getApiVersion().substring(g.getApiVersion().indexOf('/') + 1);
      CiliumKind kind = CiliumKind.ALL.stream().filter(k -> k.kind().equals(g.getKind())).findFirst().orElseThrow();
      client.genericKubernetesResources(new ResourceDefinitionContext.Builder().withGroup("cilium.io").withVersion(version)
          .withKind(kind.kind()).withPlural(kind.plural()).withNamespaced(false).build()).resource(g).create();
    } else {
      client.resource(o).create();
    }
  }
}
