package dev.podpath.lab;

/**
 * Setting up or querying the lab failed at run time (a command exited non-zero, a daemon did not
 * start). The message names the command and quotes its error output; the run has been torn down.
 */
public final class LabFailedException extends RuntimeException {

  public LabFailedException(String message) {
    super(message);
  }

  public LabFailedException(String message, Throwable cause) {
    super(message, cause);
  }
}
