package dev.podpath.analysis.fix;

import dev.podpath.analysis.CheckResult;
import dev.podpath.analysis.whatif.CiliumValue;
import dev.podpath.core.Finding;
import dev.podpath.core.Severity;
import dev.podpath.ingest.Snapshot;
import dev.podpath.ingest.cilium.CiliumConfigReader;
import dev.podpath.ingest.cilium.CiliumVersion;
import dev.podpath.ingest.cilium.HelmValues;
import dev.podpath.core.SourceRef;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The moves the fix search tries, derived from the failing check: Cilium values that can matter
 * for the failing paths, and bird.conf changes for routes a bird import rejected or a family bird
 * does not carry. Moves touching a kept setting are left out; {@code skipped} says what was
 * pruned without simulation and why.
 */
final class MoveCatalog {

  /** Codes of findings that only say a path died for want of a route. */
  static final Set<String> ROUTE_CODES = Set.of("route/not-learned", "route/missing", "route/no-return-path");

  private MoveCatalog() {}

  record Moves(List<FixMove> moves, List<String> skipped) {}

  static Moves of(CheckResult baseline, Keep keep) {
    List<FixMove> out = new ArrayList<>();
    List<String> skipped = new ArrayList<>();
    boolean routeOnly = baseline.findings().stream().filter(f -> f.severity() == Severity.ERROR)
        .allMatch(f -> ROUTE_CODES.contains(f.code()));
    ciliumMoves(baseline, keep, routeOnly, out, skipped);
    BirdMoves.of(baseline, keep, out, skipped);
    FrrMoves.of(baseline, keep, out, skipped);
    HostRouteMoves.of(baseline, keep, out, skipped);
    BirdKnobs.of(baseline, keep, out, skipped);
    CiliumBgpMoves.of(baseline, keep, out, skipped);
    return new Moves(out, skipped);
  }

  private static void ciliumMoves(CheckResult baseline, Keep keep, boolean routeOnly, List<FixMove> out, List<String> skipped) {
    Snapshot s = baseline.snapshot();
    CiliumVersion version = CiliumVersion.nearest(s.ciliumVersion(), SourceRef.file("snapshot.yaml"));
    HelmValues helm = s.ciliumValues().isEmpty() ? null : CiliumConfigReader.read(s.ciliumValues(), null, version).helm();
    for (CiliumKey k : CiliumKey.ALL) {
      String key = "cilium." + k.path();
      if (keep.forbids(key)) {
        skipped.add(key + ": kept (" + keep.why(key) + ")");
        continue;
      }
      if (routeOnly && !k.canFixRoutes()) {
        // every failing path died for want of a route; this key changes neither routes nor source addresses
        skipped.add(key + ": cannot give a host a missing route");
        continue;
      }
      String current = baseline.agent().effective().text(k.flag());
      for (String option : k.options()) {
        if (option.equals(current)) {
          continue;
        }
        Object value = option.equals("true") ? Boolean.TRUE : option.equals("false") ? Boolean.FALSE : option;
        boolean stated = helm != null && helm.has(k.path()) && commented(s.root(), helm.ref(k.path()));
        out.add(new FixMove(key, "cilium " + k.path() + ": " + current + " -> " + option,
            List.of(new CiliumValue(k.path(), value, key + "=" + option)), Set.of(valuesFile(s)), true, stated, k.tradeOff()));
      }
    }
  }

  private static String valuesFile(Snapshot s) {
    return s.ciliumValues().isEmpty() ? CiliumConfigReader.VALUES_FILE : s.ciliumValues().get(0).file();
  }

  /** The operator explained the value: a comment on its line or the line above it. */
  static boolean commented(Path root, SourceRef where) {
    if (!where.isKnown() || where.line() < 1) {
      return false;
    }
    try {
      List<String> lines = Files.readAllLines(root.resolve(where.file()));
      String line = where.line() <= lines.size() ? lines.get(where.line() - 1) : "";
      String above = where.line() >= 2 ? lines.get(where.line() - 2).strip() : "";
      return line.contains(" #") || above.startsWith("#");
    } catch (java.io.IOException | RuntimeException e) {
      return false;
    }
  }

  static boolean isError(Finding f) {
    return f.severity() == Severity.ERROR;
  }
}
