package dev.podpath.lab;

import java.nio.file.Path;
import java.time.Duration;

/**
 * How a run waits and where it works. {@code convergenceTimeout} bounds the wait for sessions to
 * settle; {@code quietPeriod} is how long sessions and tables must stay unchanged; the stand-in's
 * {@code standInConnectRetry} replaces GoBGP's (and Cilium's) 120 s connect retry, which changes
 * when a session comes up, not whether. {@code keepNoise} keeps local/multicast/link-local kernel
 * routes. {@code keepWorkDir} leaves the run directory (configs, daemon logs) for inspection.
 */
public record LabOptions(
    Duration convergenceTimeout,
    Duration quietPeriod,
    Duration pollInterval,
    Duration nudgeAfter,
    Duration standInConnectRetry,
    Duration probeTimeout,
    Path workRoot,
    boolean keepNoise,
    boolean keepWorkDir) {

  public static LabOptions defaults() {
    return new LabOptions(Duration.ofSeconds(60), Duration.ofSeconds(3), Duration.ofMillis(1000),
        Duration.ofSeconds(15), Duration.ofSeconds(5), Duration.ofSeconds(2), Path.of("/tmp"), false, false);
  }

  public LabOptions withConvergenceTimeout(Duration d) {
    return new LabOptions(d, quietPeriod, pollInterval, nudgeAfter, standInConnectRetry, probeTimeout, workRoot, keepNoise, keepWorkDir);
  }

  public LabOptions withKeepWorkDir(boolean keep) {
    return new LabOptions(convergenceTimeout, quietPeriod, pollInterval, nudgeAfter, standInConnectRetry, probeTimeout, workRoot, keepNoise, keep);
  }
}
