package dev.podpath.ingest.frr;

/** How much of a file was understood (Batfish's file statuses). */
public enum ParseStatus {
  /** Every line was understood. */
  PASSED,
  /** Some lines were not understood or were rejected; each one is a warning with file:line. */
  PARTIALLY_UNRECOGNIZED,
  /** Nothing usable was recovered. */
  FAILED
}
