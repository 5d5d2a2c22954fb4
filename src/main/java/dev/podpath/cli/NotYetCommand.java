package dev.podpath.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** Commands of docs/design.md that are not built yet: they say so and exit 2, never pretend. */
abstract class NotYetCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Parameters(index = "0", arity = "0..1", paramLabel = "SNAPSHOT", description = "snapshot directory")
  Path snapshot;

  @Override
  public Integer call() {
    spec.commandLine().getErr().println("podpath " + spec.name() + " is not built yet in this version.");
    return ExitCode.BAD_INPUT;
  }

  @Command(name = "snapshot", mixinStandardHelpOptions = true, description = "Collect a snapshot from a live cluster (not built yet).")
  static final class Snapshot extends NotYetCommand {}
}
