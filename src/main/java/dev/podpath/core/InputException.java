package dev.podpath.core;

import java.util.List;

/**
 * The snapshot (or a command line argument) cannot be used. The CLI turns this into one line per
 * problem on stderr and exit code 2; it never shows a stack trace.
 */
public final class InputException extends RuntimeException {

  private final List<InputProblem> problems;

  public InputException(List<InputProblem> problems) {
    super(problems.isEmpty() ? "invalid input" : problems.get(0).toString());
    if (problems.isEmpty()) {
      throw new IllegalArgumentException("an InputException needs at least one problem");
    }
    this.problems = List.copyOf(problems);
  }

  public InputException(SourceRef where, String message) {
    this(List.of(new InputProblem(where, message)));
  }

  public List<InputProblem> problems() {
    return problems;
  }
}
