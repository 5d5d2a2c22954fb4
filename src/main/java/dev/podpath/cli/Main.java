package dev.podpath.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point: picocli dispatches to one class per command. The CLI is the only layer that prints. */
@Command(
    name = "podpath",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Verifies the network of a Kubernetes cluster running Cilium with BGP, offline, from its configuration files: will the Cilium agent start, which BGP sessions come up, what each host's forwarding table holds, and whether every required path works both ways.",
    subcommands = {
      CheckCommand.class,
      TraceCommand.class,
      RoutesCommand.class,
      SessionsCommand.class,
      WhatifCommand.class,
      FixCommand.class,
      ReportCommand.class,
      SnapshotCommand.class,
      LabCommand.class,
      CommandLine.HelpCommand.class
    },
    footer = {
      "",
      "Exit codes: 0 everything holds, 1 an intent fails or an error finding, 2 bad input or usage."
    })
public final class Main implements Runnable {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "a command is required");
  }

  public static CommandLine commandLine() {
    CommandLine cl = new CommandLine(new Main());
    cl.setExecutionExceptionHandler(new ErrorHandler());
    cl.setParameterExceptionHandler(ErrorHandler::usage);
    return cl;
  }

  public static void main(String[] args) {
    // fabric8's client (only `snapshot`) logs through SLF4J, for which podpath ships no provider:
    // without this SLF4J 2 prints three "No SLF4J providers" lines on stderr of every snapshot run
    if (System.getProperty("slf4j.internal.verbosity") == null) {
      System.setProperty("slf4j.internal.verbosity", "ERROR");
    }
    System.exit(commandLine().execute(args));
  }
}
