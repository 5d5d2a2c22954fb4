package dev.podpath.cli;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** `--format text|json`, shared by every command but `check` (the only one that also writes SARIF). */
final class TextOrJsonFormat {

  @Option(names = "--format", defaultValue = "text", paramLabel = "FORMAT", description = "text (default) or json")
  OutputFormat format;

  /** The chosen format; `sarif` is a usage error (exit 2) here. */
  OutputFormat of(CommandSpec spec) {
    if (format == OutputFormat.sarif) {
      throw new ParameterException(spec.commandLine(), "--format sarif is only for check; use text or json");
    }
    return format;
  }
}
