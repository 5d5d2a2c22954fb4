package dev.podpath.lab;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/** Runs one short command (no shell) with a deadline, capturing its output. */
final class CommandRunner {

  record Result(List<String> command, int exit, String out, String err) {
    boolean ok() {
      return exit == 0;
    }
  }

  private CommandRunner() {}

  static Result run(List<String> command, Duration timeout) {
    ProcessBuilder pb = new ProcessBuilder(command);
    pb.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
    Process p;
    try {
      p = pb.start();
    } catch (IOException e) {
      throw new LabFailedException("cannot run " + String.join(" ", command) + ": " + e.getMessage(), e);
    }
    CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> drain(p.getInputStream()));
    CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> drain(p.getErrorStream()));
    try {
      if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        p.destroyForcibly();
        p.waitFor(2, TimeUnit.SECONDS);
        throw new LabFailedException("timed out after " + timeout.toSeconds() + " s: " + String.join(" ", command));
      }
      return new Result(command, p.exitValue(), out.get(5, TimeUnit.SECONDS), err.get(5, TimeUnit.SECONDS));
    } catch (InterruptedException e) {
      p.destroyForcibly();
      Thread.currentThread().interrupt();
      throw new LabFailedException("interrupted: " + String.join(" ", command), e);
    } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
      throw new LabFailedException("cannot read output of " + String.join(" ", command), e);
    }
  }

  /** Runs and returns stdout; a non-zero exit is a {@link LabFailedException} quoting stderr. */
  static String check(List<String> command, Duration timeout) {
    Result r = run(command, timeout);
    if (!r.ok()) {
      String why = (r.err().isBlank() ? r.out() : r.err()).strip();
      throw new LabFailedException(String.join(" ", command) + " failed (exit " + r.exit() + "): " + why);
    }
    return r.out();
  }

  private static String drain(InputStream in) {
    try (in) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "";
    }
  }
}
