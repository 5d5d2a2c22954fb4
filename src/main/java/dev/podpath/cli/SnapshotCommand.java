package dev.podpath.cli;

import dev.podpath.core.InputException;
import dev.podpath.core.SourceRef;
import dev.podpath.ingest.collect.CollectedSnapshot;
import dev.podpath.ingest.collect.LiveCollector;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** `podpath snapshot --kubeconfig FILE -o DIR`: the Kubernetes half of a snapshot, read from a live cluster. */
@Command(
    header = "Collect the Kubernetes half of a snapshot from a live cluster (read-only).",
    name = "snapshot",
    mixinStandardHelpOptions = true,
    description = "Read the objects podpath models (cilium-config, Nodes, Namespaces, Services, EndpointSlices, Pods, "
        + "CiliumNodes, Cilium BGP resources, LB IP pools; never Secrets) with get/list calls only, and write them as a "
        + "snapshot folder (docs/snapshot.md). host.yaml, bird.conf and frr.conf live on the hosts: add them to hosts/NAME/.",
    footer = {"", "Exit codes: 0 written, 2 cannot read the cluster or write the folder (nothing is left behind)."})
final class SnapshotCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(names = "--kubeconfig", paramLabel = "FILE", description = "kubeconfig to use (default: $KUBECONFIG, then ~/.kube/config)")
  Path kubeconfig;

  @Option(names = "--context", paramLabel = "NAME", description = "kubeconfig context (default: the current one)")
  String context;

  @Option(names = {"-o", "--output"}, required = true, paramLabel = "DIR", description = "folder to create (must not exist or be empty)")
  Path output;

  @Option(names = "--name", paramLabel = "NAME", description = "snapshot name for snapshot.yaml (default: the folder name)")
  String name;

  @Override
  public Integer call() {
    PrintWriter err = spec.commandLine().getErr();
    try (KubernetesClient client = new KubernetesClientBuilder().withConfig(config()).build()) {
      err.println("Reading from " + client.getConfiguration().getMasterUrl() + " (get/list only)");
      CollectedSnapshot result = new LiveCollector(client, step -> {
        err.println("  " + step);
        err.flush();
      }).collect(output, name != null ? name : output.toAbsolutePath().normalize().getFileName().toString());
      PrintWriter out = spec.commandLine().getOut();
      out.println("Wrote " + output);
      for (Map.Entry<String, Integer> e : result.counts().entrySet().stream().sorted(Map.Entry.comparingByKey()).toList()) {
        out.printf("  %-28s %d%n", e.getKey(), e.getValue());
      }
      out.println("  Cilium version: " + result.ciliumVersion().orElse("unknown"));
      result.notes().forEach(n -> out.println("note: " + n));
      out.flush();
      return ExitCode.OK;
    }
  }

  private Config config() {
    Config config = kubeconfigConfig();
    // a refused or unreachable API server is reported at once, not after fabric8's default ten
    // exponential-backoff retries (about half a minute)
    config.setRequestRetryBackoffLimit(0);
    config.setConnectionTimeout(10_000);
    return config;
  }

  private Config kubeconfigConfig() {
    try {
      if (kubeconfig != null) {
        if (!Files.isRegularFile(kubeconfig)) {
          throw new InputException(SourceRef.file(kubeconfig.toString()), "no such kubeconfig file");
        }
        return Config.fromKubeconfig(context, kubeconfig.toFile());
      }
      return Config.autoConfigure(context);
    } catch (KubernetesClientException e) {
      throw new InputException(SourceRef.file(kubeconfig == null ? "kubeconfig" : kubeconfig.toString()), "cannot read the kubeconfig: " + e.getMessage());
    }
  }
}
