package dev.podpath.lab;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The state of one run that its parts share: names, directories, and everything created so far
 * (namespaces, processes), so that teardown removes exactly that. No state is global: runs in one
 * JVM never see each other.
 */
final class RunContext {

  static final Duration SHORT = Duration.ofSeconds(10);
  /** gobgpd's gRPC API inside the node's namespace (each namespace has its own 127.0.0.1). */
  static final int STANDIN_API_PORT = 50051;

  final LabTopology topology;
  final LabOptions options;
  final LabListener listener;
  final LabNames names;
  final Path workDir;
  final Map<String, String> hostNamespace = new LinkedHashMap<>();
  final Map<String, String> podNamespace = new LinkedHashMap<>();
  /** Created namespaces, in creation order. */
  final List<String> namespaces = Collections.synchronizedList(new ArrayList<>());
  final List<Started> processes = Collections.synchronizedList(new ArrayList<>());
  final List<String> warnings = Collections.synchronizedList(new ArrayList<>());

  /** A daemon this run started, its command line and where its output goes. */
  record Started(Process process, String command, Path log) {}

  RunContext(LabTopology topology, LabOptions options, LabListener listener, LabNames names) {
    this.topology = topology;
    this.options = options;
    this.listener = listener;
    this.names = names;
    this.workDir = options.workRoot().resolve("podpath-lab-" + names.runId());
  }

  Path hostDir(String host) {
    return workDir.resolve(LabNames.sanitise(host) + "-" + topology.hosts().indexOf(topology.host(host)));
  }

  String ns(String host) {
    String ns = hostNamespace.get(host);
    if (ns == null) {
      throw new IllegalArgumentException("no namespace for host " + host);
    }
    return ns;
  }

  /** {@code ip netns exec NS cmd...} */
  static List<String> inNs(String ns, String... cmd) {
    List<String> out = new ArrayList<>(List.of(LabPreconditions.IP.toString(), "netns", "exec", ns));
    out.addAll(List.of(cmd));
    return out;
  }

  /** {@code ip -n NS args...} */
  static List<String> ip(String ns, String... args) {
    List<String> out = new ArrayList<>(List.of(LabPreconditions.IP.toString(), "-n", ns));
    out.addAll(List.of(args));
    return out;
  }

  String run(List<String> cmd) {
    return CommandRunner.check(cmd, SHORT);
  }

  void progress(String message) {
    listener.progress(message);
  }

  void warn(String message) {
    warnings.add(message);
    listener.progress("warning: " + message);
  }
}
