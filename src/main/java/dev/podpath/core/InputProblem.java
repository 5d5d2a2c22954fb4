package dev.podpath.core;

/** One reason an input cannot be used (bad YAML, invalid CIDR, unreadable file...). */
public record InputProblem(SourceRef where, String message) {

  @Override
  public String toString() {
    return where.isKnown() ? where + ": " + message : message;
  }
}
