package dev.podpath.analysis.whatif;

import dev.podpath.analysis.Check;
import dev.podpath.analysis.CheckResult;
import dev.podpath.analysis.Simulation;
import dev.podpath.ingest.Snapshot;
import dev.podpath.ingest.SnapshotLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The `whatif` pipeline: `check` the snapshot as it is and with the edits applied in memory, and
 * keep both results for the comparison ({@link WhatIfResult}). No file is written.
 */
public final class WhatIf {

  private WhatIf() {}

  public static WhatIfResult run(Path root, List<Edit> edits) {
    return run(SnapshotLoader.load(root), edits);
  }

  public static WhatIfResult run(Snapshot snapshot, List<Edit> edits) {
    EditedSnapshot edited = apply(snapshot, edits);
    CheckResult before = Check.run(Simulation.of(snapshot));
    CheckResult after = Check.run(Simulation.of(edited.snapshot()));
    return new WhatIfResult(edits, edited, before, after);
  }

  /** The snapshot with the edits applied (also for `trace` after an edit). */
  public static EditedSnapshot apply(Snapshot snapshot, List<Edit> edits) {
    List<CiliumValue> cilium = new ArrayList<>();
    List<BirdConfigEdit> bird = new ArrayList<>();
    List<FrrConfigEdit> frr = new ArrayList<>();
    List<HostRouteEdit> routes = new ArrayList<>();
    List<KubeYamlEdit> kube = new ArrayList<>();
    for (Edit e : edits) {
      if (e instanceof CiliumValue v) {
        cilium.add(v);
      } else if (e instanceof BirdConfigEdit b) {
        bird.add(b);
      } else if (e instanceof FrrConfigEdit f) {
        frr.add(f);
      } else if (e instanceof HostRouteEdit r) {
        routes.add(r);
      } else if (e instanceof KubeYamlEdit k) {
        kube.add(k);
      }
    }
    Snapshot s = bird.isEmpty() ? snapshot : BirdConfigEdit.applyAll(snapshot, bird);
    s = frr.isEmpty() ? s : FrrConfigEdit.applyAll(s, frr);
    s = routes.isEmpty() ? s : HostRouteEdit.applyAll(s, routes);
    s = kube.isEmpty() ? s : KubeYamlEdit.applyAll(s, kube);
    return ValuesEditor.apply(s, cilium);
  }
}
