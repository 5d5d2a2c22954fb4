package dev.podpath.ingest;

/** The routing daemons whose configs a snapshot carries. */
public enum Daemon {
  BIRD,
  FRR
}
