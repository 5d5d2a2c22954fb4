package dev.podpath.cli;

import dev.podpath.analysis.Simulation;
import dev.podpath.lab.LabComparison;
import dev.podpath.lab.LabDiff;
import dev.podpath.lab.LabDiffJson;
import dev.podpath.lab.LabDiffText;
import dev.podpath.lab.LabFailedException;
import dev.podpath.lab.LabListener;
import dev.podpath.lab.LabObservation;
import dev.podpath.lab.LabOptions;
import dev.podpath.lab.LabPreconditions;
import dev.podpath.lab.LabRun;
import dev.podpath.lab.LabTopology;
import dev.podpath.lab.LabUnavailableException;
import dev.podpath.lab.SnapshotLab;
import dev.podpath.lab.generate.GeneratorOptions;
import dev.podpath.lab.generate.TopologyGenerator;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** `podpath lab SNAPSHOT | --generate SEED`: boot the real daemons, compare with the simulation. */
@Command(name = "lab",
    header = "Boot the real bird2/FRR in network namespaces and compare with the simulation.", mixinStandardHelpOptions = true,
    description = "Boot the snapshot's real bird2 and FRR (plus a GoBGP stand-in for Cilium's BGP speaker and stand-in pods) in Linux network namespaces, wait for convergence, and compare every session, kernel route and best BGP route with podpath's simulation of the same snapshot. Needs Linux, root, bird2, FRR (and gobgpd when Cilium speakers are simulated).",
    footer = {"", "Exit codes: 0 the real daemons agree with the simulation, 1 they differ, 2 bad input or the lab cannot run here."})
final class LabCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @ArgGroup(exclusive = true, multiplicity = "1")
  Source source;

  static final class Source {
    @Parameters(index = "0", paramLabel = "SNAPSHOT", description = "snapshot directory")
    Path snapshot;

    @Option(names = "--generate", paramLabel = "SEED",
        description = "boot the random topology of this seed (the generator's default options; docs/generator.md)")
    Long seed;
  }

  @Mixin TextOrJsonFormat formatOption;

  @Option(names = "--timeout", defaultValue = "60", paramLabel = "SECONDS", description = "convergence timeout (default 60)")
  int timeoutSeconds;

  @Option(names = "--keep", description = "keep the run directory (configs and daemon logs) and print where it is")
  boolean keep;

  @Option(names = "--verbose", description = "print the lab's progress on stderr")
  boolean verbose;

  @Override
  public Integer call() {
    OutputFormat format = formatOption.of(spec);
    PrintWriter err = spec.commandLine().getErr();
    Path generated = null;
    try {
      Path dir = source.snapshot;
      String label = dir == null ? null : dir.toString();
      if (source.seed != null) {
        generated = Files.createTempDirectory("podpath-lab-gen-");
        TopologyGenerator.generate(source.seed, GeneratorOptions.defaults()).writeTo(generated);
        dir = generated;
        label = TopologyGenerator.name(source.seed, GeneratorOptions.defaults()) + " (seed " + source.seed + ")";
      }
      Simulation sim = Simulation.of(dir);
      SnapshotLab.Plan plan = SnapshotLab.plan(sim);
      LabTopology topology = plan.topology();
      LabPreconditions.check(topology);
      plan.flattened().forEach(f -> err.println("note: " + f.note()));
      LabOptions options = LabOptions.defaults().withConvergenceTimeout(Duration.ofSeconds(timeoutSeconds)).withKeepWorkDir(keep);
      LabListener listener = verbose ? msg -> {
        err.println("lab: " + msg);
        err.flush();
      } : LabListener.NONE;
      LabObservation seen;
      try (LabRun run = LabRun.start(topology, options, listener)) {
        seen = run.awaitConvergence();
        if (keep) {
          err.println("lab: run directory kept at " + run.workDir());
        }
        run.warnings().forEach(w -> err.println("warning: " + w));
      }
      LabDiff diff = LabComparison.compare(sim, seen, plan.flattened());
      PrintWriter out = spec.commandLine().getOut();
      if (format == OutputFormat.json) {
        out.print(LabDiffJson.write(LabDiffJson.tree(label, source.seed, diff, seen)));
      } else {
        LabDiffText.lines(label, diff, seen).forEach(out::println);
      }
      out.flush();
      if (!diff.agrees() && source.seed != null) {
        err.println("replay with: podpath lab --generate " + source.seed + " (same podpath commit)");
      }
      err.flush();
      return diff.agrees() ? ExitCode.OK : ExitCode.FAIL;
    } catch (LabUnavailableException e) {
      err.println("error: the lab cannot run here:");
      e.reasons().forEach(r -> err.println("  " + r));
      err.flush();
      return ExitCode.BAD_INPUT;
    } catch (LabFailedException e) {
      err.println("error: the lab failed: " + e.getMessage());
      err.flush();
      return ExitCode.BAD_INPUT;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      if (generated != null && !keep) {
        deleteTree(generated);
      }
    }
  }

  private static void deleteTree(Path dir) {
    try (Stream<Path> s = Files.walk(dir)) {
      s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // a leftover temporary snapshot is harmless
    }
  }
}
