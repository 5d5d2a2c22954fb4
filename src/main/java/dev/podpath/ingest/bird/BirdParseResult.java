package dev.podpath.ingest.bird;

import dev.podpath.core.Finding;
import dev.podpath.core.InputException;
import dev.podpath.core.InputProblem;
import dev.podpath.core.Severity;
import java.util.List;

/**
 * The outcome of parsing one bird.conf: the vendor model, how much was understood, and every
 * finding (unrecognized lines as {@code input/unsupported-line} warnings; configuration errors
 * real BIRD reports as {@code bird/config-error} errors).
 */
public record BirdParseResult(BirdConfig config, ParseStatus status, List<Finding> warnings, java.util.Map<String, List<String>> sourceLines) {

  public static final String CONFIG_ERROR = "bird/config-error";
  public static final String UNSUPPORTED_LINE = "input/unsupported-line";

  public BirdParseResult {
    warnings = List.copyOf(warnings);
    sourceLines = java.util.Map.copyOf(sourceLines);
  }

  /** The text of a line of the config or one of its includes ("" when unknown), for quoting in findings. */
  public String lineText(dev.podpath.core.SourceRef where) {
    List<String> l = sourceLines.get(where.file());
    return l == null || where.line() < 1 || where.line() > l.size() ? "" : l.get(where.line() - 1).strip();
  }

  /** Whether `bird -p -c` would accept this file, as far as podpath models BIRD's checks. */
  public boolean acceptedByBird() {
    return status != ParseStatus.FAILED
        && warnings.stream().noneMatch(f -> f.severity() == Severity.ERROR && f.code().equals(CONFIG_ERROR));
  }

  /** This result, or an {@link InputException} when nothing sensible could be recovered. */
  public BirdParseResult orThrow() {
    if (status == ParseStatus.FAILED) {
      throw new InputException(
          warnings.stream()
              .filter(f -> f.severity() == Severity.ERROR)
              .map(f -> new InputProblem(f.where(), f.message()))
              .toList());
    }
    return this;
  }
}
