package dev.podpath.cli;

import dev.podpath.analysis.fix.FixResult;
import dev.podpath.analysis.fix.FixSearch;
import dev.podpath.analysis.fix.Patch;
import dev.podpath.analysis.intent.KeepSetting;
import dev.podpath.core.SourceRef;
import dev.podpath.ingest.Snapshot;
import dev.podpath.ingest.SnapshotLoader;
import dev.podpath.report.FixJson;
import dev.podpath.report.FixText;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** `podpath fix SNAPSHOT`: search edits, prove each with check, print the verified ones as diffs of the operator's files. */
@Command(
    header = "Find the smallest verified edits that make every intent hold, as diffs.",
    name = "fix",
    mixinStandardHelpOptions = true,
    description = "Search edits of the snapshot's Cilium values, Cilium BGP resources and bird.conf files (also inside Talos files) that make every intent hold, prove each candidate with a full check of the edited snapshot (in memory), and print the verified ones, fewest edits and smallest blast radius first, as unified diffs of your files.",
    footer = {
      "",
      "--keep cilium.<Helm path> (or bird.<host>, bird.<kind> such as bird.multihop, cilium.bgp-resources) forbids changing that setting; intents.yaml keep: too.",
      "Progress goes to stderr. --apply writes a patched copy of the snapshot (the best fix) to a new directory.",
      "",
      "Exit codes: 0 a verified fix exists, 1 none within --max-edits (the closest are listed), 2 bad input."
    })
final class FixCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "SNAPSHOT", description = "snapshot directory (docs/snapshot.md)")
  Path snapshot;

  @Option(names = "--keep", paramLabel = "KEY", description = "a setting the fix must not change; repeat for more")
  List<String> keep = List.of();

  @Option(names = "--max-edits", defaultValue = "3", paramLabel = "N", description = "edits per candidate (default 3)")
  int maxEdits;

  @Option(names = "--apply", paramLabel = "OUTDIR", description = "write a patched copy of the snapshot (best fix) here")
  Path apply;

  @Mixin TextOrJsonFormat formatOption;

  @Override
  public Integer call() {
    OutputFormat format = formatOption.of(spec);
    if (maxEdits < 1) {
      throw new ParameterException(spec.commandLine(), "--max-edits must be at least 1");
    }
    for (String k : keep) {
      if (!k.matches("(cilium|bird|frr|host)(\\.[A-Za-z0-9_\\-]+)*")) {
        throw new ParameterException(spec.commandLine(), "--keep " + k + ": expected cilium.<Helm path>, bird[.<host>], frr[.<host>[.<setting>]] or host[.<host>]");
      }
    }
    if (apply != null) {
      Patch.requireEmpty(apply);
    }
    Snapshot s = SnapshotLoader.load(snapshot);
    PrintWriter err = spec.commandLine().getErr();
    List<KeepSetting> keeps = keep.stream().map(k -> new KeepSetting(k, SourceRef.file("--keep " + k))).toList();
    FixResult result = FixSearch.run(s, keeps, maxEdits, line -> {
      err.println(line);
      err.flush();
    });
    PrintWriter out = spec.commandLine().getOut();
    out.print(format == OutputFormat.json ? FixJson.render(result) : FixText.render(result));
    if (apply != null && result.found()) {
      Patch.writeCopy(s, result.patches().get(0), apply);
      if (format != OutputFormat.json) {
        out.println("Wrote the patched copy (fix 1) to " + apply);
      }
    }
    out.flush();
    return result.found() ? ExitCode.OK : ExitCode.FAIL;
  }
}
