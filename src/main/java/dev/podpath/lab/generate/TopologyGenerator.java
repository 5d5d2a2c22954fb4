package dev.podpath.lab.generate;

import java.nio.file.Path;
import java.util.List;

/**
 * Generates podpath snapshots from a seed (docs/generator.md). Same seed and options, same bytes:
 * all randomness comes from one {@code java.util.Random} (whose sequence the Java specification
 * fixes) seeded with a scrambled {@code seed}, and every file is written in a fixed order.
 */
public final class TopologyGenerator {

  private TopologyGenerator() {}

  /** The snapshot for {@code seed}, in memory (cluster mode too; use {@link #write} for big clusters). */
  public static GeneratedSnapshot generate(long seed, GeneratorOptions options) {
    SnapshotSink.Memory sink = new SnapshotSink.Memory();
    List<String> features = emit(seed, options, sink);
    return new GeneratedSnapshot(seed, name(seed, options), sink.files, features);
  }

  /**
   * Writes the snapshot for {@code seed} into {@code dir}, streaming file by file (a 5,000-node
   * cluster never sits in memory). Returns what was written.
   */
  public static WrittenSnapshot write(long seed, GeneratorOptions options, Path dir) {
    SnapshotSink.Directory sink = new SnapshotSink.Directory(dir);
    List<String> features = emit(seed, options, sink);
    return new WrittenSnapshot(seed, name(seed, options), dir, sink.fileCount, features);
  }

  /** The snapshot name: "random-SEED", or "cluster-SEED" in scale mode. */
  public static String name(long seed, GeneratorOptions options) {
    return (options.cluster() == null ? "random-" : "cluster-") + seed;
  }

  private static List<String> emit(long seed, GeneratorOptions options, SnapshotSink sink) {
    if (options.cluster() != null) {
      return ClusterGenerator.emit(seed, options.cluster(), sink);
    }
    RandomPlan plan = new RandomPlanner(seed, options).plan();
    SnapshotSink.write(sink, "snapshot.yaml", SnapshotYaml.random(plan, name(seed, options), options));
    for (PlanRouter r : plan.routers()) {
      String dir = "hosts/" + r.name + "/";
      SnapshotSink.write(sink, dir + "host.yaml", HostYamlWriter.write(r, plan.family()));
      for (PlanSpeaker s : r.speakers()) {
        if (s.daemon == Daemon.BIRD) {
          SnapshotSink.write(sink, dir + "bird.conf", BirdConfigWriter.write(seed, s, plan.family()));
        } else {
          SnapshotSink.write(sink, dir + "frr.conf", FrrConfigWriter.write(seed, s, plan.family()));
        }
      }
    }
    return plan.features();
  }
}
