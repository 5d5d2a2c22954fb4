package dev.podpath.analysis;

import java.nio.file.Path;

/**
 * The `check` pipeline: simulate the snapshot and judge it. Input errors surface as
 * {@link dev.podpath.core.InputException}.
 */
public final class Check {

  private Check() {}

  public static CheckResult run(Path root) {
    Simulation sim = Simulation.of(root);
    return new CheckResult(sim, sim.findings());
  }
}
