package dev.podpath.cli;

import dev.podpath.analysis.Trace;
import dev.podpath.analysis.TraceResult;
import dev.podpath.analysis.whatif.Edit;
import dev.podpath.analysis.whatif.EditText;
import dev.podpath.analysis.whatif.TraceChange;
import dev.podpath.analysis.whatif.WhatIf;
import dev.podpath.analysis.whatif.WhatIfResult;
import dev.podpath.report.TraceText;
import dev.podpath.report.WhatifJson;
import dev.podpath.report.WhatifText;
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

/** `podpath whatif SNAPSHOT --set cilium.KEY=VALUE ...`: re-check with edited Helm values; no file is written. */
@Command(
    header = "Re-run check with edited Cilium values and show what changes.",
    name = "whatif",
    mixinStandardHelpOptions = true,
    description = "Re-run check with edited settings, in memory, and show what changes: each intent's verdict before -> after, findings added and removed, the Cilium agent's effective settings that change, and whether it still starts. With --from/--to, also trace that flow before and after.",
    footer = {
      "",
      "Keys: cilium.<Helm values path>, e.g. cilium.socketLB.hostNamespaceOnly=false;",
      "values are typed as helm --set types them. With cilium/cilium-config.yaml in the",
      "snapshot, the keys the edit renders differently are rendered again (as helm",
      "upgrade rewrites the ConfigMap).",
      "",
      "Exit codes: 0 the edited snapshot passes check, 1 it does not, 2 bad input."
    })
final class WhatifCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "SNAPSHOT", description = "snapshot directory (docs/snapshot.md)")
  Path snapshot;

  @Option(names = "--set", required = true, paramLabel = "KEY=VALUE", description = "one edit; repeat for more")
  List<String> sets;

  @Option(names = "--from", paramLabel = "ENDPOINT", description = "also trace from here, before and after the edits (with --to)")
  String from;

  @Option(names = "--to", paramLabel = "ENDPOINT", description = "also trace to here, before and after the edits (with --from)")
  String to;

  @Mixin TextOrJsonFormat formatOption;

  @Override
  public Integer call() {
    OutputFormat format = formatOption.of(spec);
    if ((from == null) != (to == null)) {
      throw new ParameterException(spec.commandLine(), "--from and --to go together");
    }
    List<Edit> edits = sets.stream().map(EditText::parse).toList();
    WhatIfResult result = WhatIf.run(snapshot, edits);
    TraceResult trace = from == null ? null
        : Trace.run(result.after().simulation(), from, to, Trace.Options.defaults());
    TraceChange change = from == null ? null
        : TraceChange.of(Trace.run(result.before().simulation(), from, to, Trace.Options.defaults()), trace);
    PrintWriter out = spec.commandLine().getOut();
    if (format == OutputFormat.json) {
      out.print(WhatifJson.render(result, trace, change));
    } else {
      out.print(WhatifText.render(result));
      if (trace != null) {
        out.print('\n');
        out.print(WhatifText.traceChange(change));
        out.print("\nTrace after the edits:\n");
        out.print(TraceText.render(trace, result::shown));
      }
    }
    out.flush();
    return result.passes() ? ExitCode.OK : ExitCode.FAIL;
  }
}
