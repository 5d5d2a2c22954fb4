package dev.podpath.ingest.frr;

import dev.podpath.core.Finding;
import java.util.List;

/** The vendor model of one file, how much of it was understood, and a warning per problem line. */
public record FrrParseResult(FrrConfig config, ParseStatus status, List<Finding> warnings) {
  public FrrParseResult {
    warnings = List.copyOf(warnings);
  }
}
