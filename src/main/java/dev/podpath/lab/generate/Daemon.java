package dev.podpath.lab.generate;

/** The routing daemons the generator writes configs for (Debian bookworm: bird2 2.0.12, frr 8.4.4). */
enum Daemon {
  BIRD,
  FRR
}
