package dev.podpath.cli;

import dev.podpath.analysis.Check;
import dev.podpath.analysis.CheckResult;
import dev.podpath.analysis.Verdict;
import dev.podpath.report.CheckJson;
import dev.podpath.report.CheckSarif;
import dev.podpath.report.CheckText;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** `podpath check SNAPSHOT`: Cilium agent validation, BGP sessions, intents; exit 0/1/2. */
@Command(
    header = "Lint, BGP sessions and intents of a snapshot; exit 0 holds, 1 fails.",
    name = "check",
    mixinStandardHelpOptions = true,
    description = "Check a snapshot: will the Cilium agent start, do the BGP sessions come up, do the required paths work both ways. Findings are grouped by severity with file:line.",
    footer = {"", "Exit codes: 0 all holds, 1 an intent fails or an error finding, 2 bad input."})
final class CheckCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "SNAPSHOT", description = "snapshot directory (docs/snapshot.md)")
  Path snapshot;

  @Option(names = "--format", defaultValue = "text", paramLabel = "FORMAT",
      description = "text (default), json (the output contract of docs/design.md) or sarif (SARIF 2.1.0 for code-scanning tools)")
  OutputFormat format;

  @Override
  public Integer call() {
    CheckResult result = Check.run(snapshot);
    PrintWriter out = spec.commandLine().getOut();
    out.print(switch (format) {
      case json -> CheckJson.render(result);
      case sarif -> CheckSarif.render(result, snapshot, VersionProvider.version());
      case text -> CheckText.render(result);
    });
    out.flush();
    return result.verdict() == Verdict.PASS ? ExitCode.OK : ExitCode.FAIL;
  }
}
