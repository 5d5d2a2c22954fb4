package dev.podpath.cli;

/** The output contract's exit codes (docs/design.md). */
final class ExitCode {
  static final int OK = 0;
  static final int FAIL = 1;
  static final int BAD_INPUT = 2;

  private ExitCode() {}
}
