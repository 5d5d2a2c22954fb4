package dev.podpath.ingest.bird;

/** How much of a file podpath understood (Batfish's file parse status). */
public enum ParseStatus {
  PASSED,
  PARTIALLY_UNRECOGNIZED,
  FAILED
}
