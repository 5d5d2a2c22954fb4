package dev.podpath.bench;

import dev.podpath.analysis.Check;
import dev.podpath.analysis.CheckResult;
import dev.podpath.analysis.Simulation;
import dev.podpath.controlplane.ControlPlane;
import dev.podpath.ingest.Snapshot;
import dev.podpath.ingest.SnapshotLoader;
import dev.podpath.model.cilium.AgentStartup;
import dev.podpath.model.cilium.AgentStartupResult;
import dev.podpath.report.CheckText;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;

/**
 * Splits one `check` of a snapshot into its stages, timed with System.nanoTime in a fresh JVM:
 * JVM start to main, load (SnapshotLoader), agent (Cilium version, config, AgentStartup), control
 * plane (network, daemons, Cilium BGP/routing resolution, ControlPlane.compute), intents
 * (Check.run on the simulation: plan, packet walks, sessions, root causes) and text rendering.
 * The stage calls repeat Simulation.of's steps so that agent and control plane are timed apart.
 * Run 1 is the cold run a CLI invocation pays; later runs show the same work JIT-warm.
 * Usage: CheckStages [SNAPSHOT] [RUNS]; run it with the jar first on the class path (BENCHMARKS.md).
 */
public final class CheckStages {

  private CheckStages() {}

  public static void main(String[] args) {
    long toMain = ManagementFactory.getRuntimeMXBean().getUptime();
    Path root = Path.of(args.length > 0 ? args[0] : "examples/cluster-101");
    int runs = args.length > 1 ? Integer.parseInt(args[1]) : 1;
    System.out.printf("jvm start to main: %d ms%n", toMain);
    var threads = ManagementFactory.getThreadMXBean();
    var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    System.out.println("wall ms (main-thread CPU ms) per stage; process CPU includes JIT compiler and GC threads");
    System.out.println("run  load           agent          controlplane   intents        render         total          process_cpu  verdict");
    for (int run = 1; run <= runs; run++) {
      long p0 = os.getProcessCpuTime();
      long c0 = threads.getCurrentThreadCpuTime();
      long t0 = System.nanoTime();
      Snapshot snapshot = SnapshotLoader.load(root);
      long t1 = System.nanoTime();
      long c1 = threads.getCurrentThreadCpuTime();
      AgentStartupResult agent = Simulation.agentOf(snapshot);
      long t2 = System.nanoTime();
      long c2 = threads.getCurrentThreadCpuTime();
      Simulation sim = Simulation.of(snapshot, agent);
      long t3 = System.nanoTime();
      long c3 = threads.getCurrentThreadCpuTime();
      CheckResult result = Check.run(sim);
      long t4 = System.nanoTime();
      long c4 = threads.getCurrentThreadCpuTime();
      String text = CheckText.render(result);
      long t5 = System.nanoTime();
      long c5 = threads.getCurrentThreadCpuTime();
      long p5 = os.getProcessCpuTime();
      System.out.printf("%3d  %s  %s  %s  %s  %s  %s  %11.0f  %s (%d chars)%n", run, stage(t1 - t0, c1 - c0),
          stage(t2 - t1, c2 - c1), stage(t3 - t2, c3 - c2), stage(t4 - t3, c4 - c3), stage(t5 - t4, c5 - c4),
          stage(t5 - t0, c5 - c0), ms(p5 - p0), result.verdict(), text.length());
    }
  }

  private static String stage(long wall, long cpu) {
    return String.format("%6.1f (%5.1f)", ms(wall), ms(cpu));
  }

  private static double ms(long nanos) {
    return nanos / 1e6;
  }
}
