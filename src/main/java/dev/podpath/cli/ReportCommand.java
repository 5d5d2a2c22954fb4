package dev.podpath.cli;

import dev.podpath.analysis.Check;
import dev.podpath.analysis.CheckResult;
import dev.podpath.analysis.Verdict;
import dev.podpath.core.InputException;
import dev.podpath.core.SourceRef;
import dev.podpath.report.html.HtmlReport;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** `podpath report SNAPSHOT -o report.html`: everything `check` finds, as one self-contained HTML page. */
@Command(
    header = "Write the check as one self-contained HTML page with a topology picture.",
    name = "report",
    mixinStandardHelpOptions = true,
    description = "Run the full check and write one HTML page: topology with BGP sessions drawn, findings with file:line, "
        + "failing intents with their hop-by-hop traces, sessions, and every host's kernel FIB. No script, nothing loaded "
        + "from elsewhere: open it offline or attach it to an issue.",
    footer = {"", "Exit codes: 0 written and all holds, 1 written and something fails (as check), 2 bad input (nothing written)."})
final class ReportCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "SNAPSHOT", description = "snapshot directory (docs/snapshot.md)")
  Path snapshot;

  @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "where to write the page (default: standard output)")
  Path output;

  @Override
  public Integer call() {
    CheckResult result = Check.run(snapshot);
    String html = HtmlReport.render(result);
    if (output == null) {
      PrintWriter out = spec.commandLine().getOut();
      out.print(html);
      out.flush();
    } else {
      write(html, output);
      spec.commandLine().getErr().println("Wrote " + output);
    }
    return result.verdict() == Verdict.PASS ? ExitCode.OK : ExitCode.FAIL;
  }

  /** Writes next to the target then moves it into place, so a reader never sees half a page. */
  private static void write(String html, Path target) {
    Path dir = target.toAbsolutePath().getParent();
    try {
      Path tmp = dir.resolve("." + target.getFileName() + ".podpath-" + ProcessHandle.current().pid() + ".tmp");
      try {
        Files.writeString(tmp, html, StandardCharsets.UTF_8);
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } finally {
        Files.deleteIfExists(tmp);
      }
    } catch (IOException e) {
      throw new InputException(SourceRef.file(target.toString()), "cannot write the report: " + e.getMessage());
    }
  }
}
