package dev.podpath.cli;

import dev.podpath.core.InputException;
import dev.podpath.core.InputProblem;
import java.io.PrintWriter;
import picocli.CommandLine;

/**
 * Turns exceptions into the output contract: bad input is one line per problem and exit 2; a bug
 * in podpath says so in one line (with a hint to re-run with PODPATH_DEBUG=1 for the stack trace).
 */
final class ErrorHandler implements CommandLine.IExecutionExceptionHandler {

  @Override
  public int handleExecutionException(Exception ex, CommandLine cl, CommandLine.ParseResult parsed) {
    PrintWriter err = cl.getErr();
    if (ex instanceof InputException ie) {
      for (InputProblem p : ie.problems()) {
        err.println("error: " + p);
      }
      err.flush();
      return ExitCode.BAD_INPUT;
    }
    if (System.getenv("PODPATH_DEBUG") != null) {
      ex.printStackTrace(err);
    } else {
      err.println("internal error: " + ex + " (this is a bug in podpath; PODPATH_DEBUG=1 shows where)");
    }
    err.flush();
    return ExitCode.BAD_INPUT;
  }

  static int usage(CommandLine.ParameterException ex, String[] args) {
    CommandLine cl = ex.getCommandLine();
    cl.getErr().println("error: " + ex.getMessage());
    cl.getErr().println("Try '" + cl.getCommandSpec().qualifiedName() + " --help'.");
    cl.getErr().flush();
    return ExitCode.BAD_INPUT;
  }
}
