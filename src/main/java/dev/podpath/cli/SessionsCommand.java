package dev.podpath.cli;

import dev.podpath.analysis.Simulation;
import dev.podpath.report.Json;
import dev.podpath.report.SessionsReport;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** `podpath sessions SNAPSHOT`: every BGP session from both ends, its state and why. */
@Command(name = "sessions",
    header = "List every BGP session from both ends, and why each is (not) up.", mixinStandardHelpOptions = true,
    description = "List every BGP neighbor that some config declares (Cilium, bird2, FRR), seen from its own side: Established or not, and the reason with both config lines.",
    footer = {"", "Exit codes: 0 all sessions Established, 1 some session is down, 2 bad input."})
final class SessionsCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "SNAPSHOT", description = "snapshot directory")
  Path snapshot;

  @Option(names = "--format", defaultValue = "text", paramLabel = "FORMAT", description = "text (default) or json")
  OutputFormat format;

  @Override
  public Integer call() {
    Simulation sim = Simulation.of(snapshot);
    PrintWriter out = spec.commandLine().getOut();
    var sessions = sim.controlPlane().sessions();
    out.print(format == OutputFormat.json ? Json.write(SessionsReport.json(sessions)) : SessionsReport.text(sessions));
    out.flush();
    return sessions.stream().allMatch(s -> s.established()) ? ExitCode.OK : ExitCode.FAIL;
  }
}
