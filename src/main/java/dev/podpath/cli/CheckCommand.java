package dev.podpath.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** `podpath check SNAPSHOT`: lint + sessions + intents. Wired up as the stages land. */
@Command(name = "check", mixinStandardHelpOptions = true,
    description = "Check a snapshot: Cilium agent validation, BGP sessions, intents.")
final class CheckCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "SNAPSHOT", description = "snapshot directory (see docs/snapshot.md)")
  Path snapshot;

  @Override
  public Integer call() {
    spec.commandLine().getErr().println("podpath check: not wired yet");
    return ExitCode.BAD_INPUT;
  }
}
