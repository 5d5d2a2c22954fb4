package dev.podpath.cli;

import dev.podpath.analysis.Simulation;
import dev.podpath.analysis.Trace;
import dev.podpath.analysis.TraceResult;
import dev.podpath.analysis.intent.EndpointText;
import dev.podpath.analysis.intent.Family;
import dev.podpath.dataplane.Protocol;
import dev.podpath.report.TraceJson;
import dev.podpath.report.TraceText;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** `podpath trace SNAPSHOT --from ... --to ...`: the request and reply of every backend, step by step. */
@Command(
    header = "Walk one flow and its reply hop by hop through Cilium and the FIBs.",
    name = "trace",
    mixinStandardHelpOptions = true,
    description = "Walk a packet and its reply hop by hop: every program and table that acts on it, the rule or route used, the header before and after each rewrite, and the config line behind it. A Service destination is traced once per backend (\"1 of 3 backends work\").",
    footer = {
      "",
      "Endpoints: " + EndpointText.FORMS + ", pod@NODE (the pod `check` uses on NODE).",
      "Example: podpath trace SNAPSHOT --from pod:kube-system/coredns-0 \\",
      "           --to svc:default/kubernetes:443",
      "",
      "Exit codes: 0 every path works, 1 some path fails, 2 bad input (e.g. an unknown pod)."
    })
final class TraceCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "SNAPSHOT", description = "snapshot directory (docs/snapshot.md)")
  Path snapshot;

  @Option(names = "--from", required = true, paramLabel = "ENDPOINT", description = "where the flow starts")
  String from;

  @Option(names = "--to", required = true, paramLabel = "ENDPOINT", description = "where it goes")
  String to;

  @Option(names = "--port", paramLabel = "PORT",
      description = "destination port for a non-Service destination (default 8080)")
  Integer port;

  @Option(names = "--protocol", defaultValue = "TCP", paramLabel = "PROTO",
      description = "TCP (default), UDP or SCTP, for a non-Service destination")
  Protocol protocol;

  @Option(names = "--family", paramLabel = "FAMILY", description = "ipv4 or ipv6 only (default: every common family)")
  String family;

  @Mixin TextOrJsonFormat formatOption;

  @Override
  public Integer call() {
    OutputFormat format = formatOption.of(spec);
    if (port != null && (port < 1 || port > 65535)) {
      throw new ParameterException(spec.commandLine(), "--port must be 1..65535, got " + port);
    }
    Family fam = null;
    if (family != null) {
      fam = switch (family) {
        case "ipv4" -> Family.IPV4;
        case "ipv6" -> Family.IPV6;
        default -> throw new ParameterException(spec.commandLine(), "--family must be ipv4 or ipv6, got '" + family + "'");
      };
    }
    TraceResult result = Trace.run(Simulation.of(snapshot), from, to, new Trace.Options(protocol, port, fam));
    PrintWriter out = spec.commandLine().getOut();
    out.print(format == OutputFormat.json ? TraceJson.render(result) : TraceText.render(result));
    out.flush();
    return result.works() ? ExitCode.OK : ExitCode.FAIL;
  }
}
