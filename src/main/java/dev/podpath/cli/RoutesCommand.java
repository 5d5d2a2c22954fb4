package dev.podpath.cli;

import dev.podpath.analysis.Simulation;
import dev.podpath.core.net.IpAddr;
import dev.podpath.core.net.IpPrefix;
import dev.podpath.report.Json;
import dev.podpath.report.RoutesReport;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.function.Predicate;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** `podpath routes SNAPSHOT`: simulated kernel FIBs and daemon RIBs. */
@Command(name = "routes",
    header = "Show simulated kernel FIBs and daemon RIBs, with the line behind each route.", mixinStandardHelpOptions = true,
    description = "Show what every host's kernel forwarding table holds (who installed each route and which config line caused it) and every daemon's RIB (all candidates, and why each lost).")
final class RoutesCommand implements Callable<Integer> {

  /** `--protocol` values. */
  enum Protocol {
    kernel,
    bgp
  }

  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "SNAPSHOT", description = "snapshot directory")
  Path snapshot;

  @Option(names = "--host", paramLabel = "HOST", description = "only this host")
  String host;

  @Option(names = "--prefix", paramLabel = "PREFIX",
      description = "only routes inside this prefix, or covering this address (e.g. fd00:101:224::/60)")
  String prefix;

  @Option(names = "--protocol", paramLabel = "PROTO", description = "kernel (FIBs only) or bgp (RIBs only)")
  Protocol protocol;

  @Option(names = "--format", defaultValue = "text", paramLabel = "FORMAT", description = "text (default) or json")
  OutputFormat format;

  @Override
  public Integer call() {
    Predicate<IpPrefix> prefixFilter = prefixFilter();
    Simulation sim = Simulation.of(snapshot);
    if (host != null && !sim.controlPlane().fibs().containsKey(host)) {
      throw new ParameterException(spec.commandLine(), "no host '" + host + "' in " + snapshot + "; hosts: " + sim.controlPlane().fibs().keySet());
    }
    Predicate<String> hostFilter = h -> host == null || host.equals(h);
    RoutesReport.Part part = protocol == null ? RoutesReport.Part.BOTH
        : protocol == Protocol.kernel ? RoutesReport.Part.KERNEL : RoutesReport.Part.BGP;
    PrintWriter out = spec.commandLine().getOut();
    out.print(format == OutputFormat.json
        ? Json.write(RoutesReport.json(sim.controlPlane(), hostFilter, prefixFilter, part))
        : RoutesReport.text(sim.controlPlane(), hostFilter, prefixFilter, part));
    out.flush();
    return ExitCode.OK;
  }

  private Predicate<IpPrefix> prefixFilter() {
    if (prefix == null) {
      return p -> true;
    }
    try {
      if (prefix.contains("/")) {
        IpPrefix want = IpPrefix.parseLenient(prefix);
        return p -> want.contains(p) || p.contains(want);
      }
      IpAddr a = IpAddr.parse(prefix);
      return p -> p.contains(a);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), "--prefix: " + e.getMessage());
    }
  }
}
