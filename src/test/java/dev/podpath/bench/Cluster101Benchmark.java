package dev.podpath.bench;

import dev.podpath.analysis.Simulation;
import dev.podpath.analysis.intent.IntentResult;
import dev.podpath.dataplane.FlowTrace;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Issue 5's figures on examples/cluster-101, with the snapshot loaded and the control plane
 * computed once per trial: one packet trace (goal 1 ms), all default intents (goal 50 ms), and,
 * for scale, the whole simulation (load + agent + control plane). SampleTime mode, so JMH prints
 * the median (p0.50) next to the mean. Not a unit test: run it with the command in BENCHMARKS.md.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgs = {"-Xmx1g"})
public class Cluster101Benchmark {

  private Cluster101 cluster;

  @Setup(Level.Trial)
  public void simulate() {
    cluster = Cluster101.load();
    FlowTrace t = cluster.runner().trace(cluster.corednsToApiserver());
    if (t.paths().isEmpty()) {
      throw new IllegalStateException("the benchmark flow traced no path");
    }
    List<IntentResult> all = cluster.plan().evaluate(cluster.runner());
    System.out.printf("%nflow %s: %d path(s); default intents: %d evaluated, %d flows traced%n", cluster.corednsToApiserver(),
        t.paths().size(), all.size(), all.stream().mapToInt(r -> r.flows().size()).sum());
  }

  /** (a) CoreDNS -> svc default/kubernetes:443, every backend walked (PacketWalk.trace). */
  @Benchmark
  public FlowTrace traceCorednsToApiserver() {
    return cluster.runner().trace(cluster.corednsToApiserver());
  }

  /** (b) Every default intent of the plan (IntentPlan.evaluate), same runner as `check`. */
  @Benchmark
  public List<IntentResult> evaluateDefaultIntents() {
    return cluster.plan().evaluate(cluster.runner());
  }

  /** (c) Simulation.of: load the snapshot, the agent's settings, daemons, control plane fixed point. */
  @Benchmark
  public Simulation simulation() {
    return Simulation.of(Cluster101.root());
  }

  public static void main(String[] args) throws Exception {
    String include = args.length > 0 ? args[0] : "";
    new Runner(new OptionsBuilder().include(Cluster101Benchmark.class.getName() + "\\." + include).build()).run();
  }
}
