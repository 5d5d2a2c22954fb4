package dev.podpath.bench;

import dev.podpath.controlplane.ControlPlane;
import dev.podpath.controlplane.ControlPlaneResult;
import dev.podpath.model.network.Network;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * The control plane fixed point (sessions, route exchange, FIBs) on a generated cluster. Not a
 * unit test: run it with the command in BENCHMARKS.md. {@code main("once", "5000")} times a
 * single computation instead (for sizes too large for repeated JMH iterations).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgs = {"-Xmx4g"})
public class FixedPointBenchmark {

  @Param({"500"})
  public int nodes;

  private Network network;
  private List<dev.podpath.controlplane.spi.RoutingDaemon> daemons;

  @Setup(Level.Trial)
  public void network() {
    network = ClusterGenerator.network(nodes);
  }

  @Setup(Level.Invocation)
  public void freshDaemons() {
    daemons = ClusterGenerator.daemons(nodes);
  }

  @Benchmark
  public ControlPlaneResult fixedPoint() {
    return ControlPlane.compute(network, daemons, List.of());
  }

  public static void main(String[] args) throws Exception {
    if (args.length >= 1 && args[0].equals("once")) {
      int n = args.length > 1 ? Integer.parseInt(args[1]) : 5000;
      for (int rep = 0; rep < 3; rep++) {
        long t0 = System.nanoTime();
        Network net = ClusterGenerator.network(n);
        var ds = ClusterGenerator.daemons(n);
        var mx = java.lang.management.ManagementFactory.getThreadMXBean();
        long c1 = mx.getCurrentThreadCpuTime();
        long t1 = System.nanoTime();
        ControlPlaneResult r = ControlPlane.compute(net, ds, List.of());
        long t2 = System.nanoTime();
        long c2 = mx.getCurrentThreadCpuTime();
        long fib = r.fibs().values().stream().mapToLong(f -> f.routes().size()).sum();
        System.out.printf("nodes=%d build=%dms compute=%dms (thread cpu %dms) sessions=%d fibRoutes=%d outer=%d rounds=%d converged=%s%n",
            n, (t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000, (c2 - c1) / 1_000_000, r.sessions().size(), fib, r.outerIterations(), r.exchangeRounds(), r.converged());
      }
      return;
    }
    new Runner(new OptionsBuilder().include(FixedPointBenchmark.class.getSimpleName()).build()).run();
  }
}
