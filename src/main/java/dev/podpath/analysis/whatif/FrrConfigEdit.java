package dev.podpath.analysis.whatif;

import dev.podpath.ingest.Daemon;
import dev.podpath.ingest.DaemonConfigFile;
import dev.podpath.ingest.Snapshot;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Replaces lines {@code fromLine..toLine} (1-based, inclusive) of a host's frr.conf with
 * {@code newText} ({@code toLine == fromLine - 1} inserts before {@code fromLine}), in memory.
 * The line numbers come from the FRR parser's SourceRefs, so an edit lands where the parsed model
 * says the setting is; {@code kind} says which FRR change it is, {@code why} what it does.
 */
public record FrrConfigEdit(String host, String file, FrrEditKind kind, int fromLine, int toLine, String newText, String why)
    implements Edit {

  public FrrConfigEdit {
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(newText, "newText");
    new LineSplice(fromLine, toLine, newText); // validates the range
  }

  @Override
  public String text() {
    return LineSplice.describe(file, fromLine, toLine) + " " + why;
  }

  /** {@code text} with every edit applied; edits of one file go bottom-up so their line numbers stay valid. */
  public static String applyAll(String text, List<FrrConfigEdit> edits) {
    return LineSplice.applyAll(text, edits.stream().map(e -> new LineSplice(e.fromLine(), e.toLine(), e.newText())).toList());
  }

  static Snapshot applyAll(Snapshot s, List<FrrConfigEdit> edits) {
    List<DaemonConfigFile> files = new ArrayList<>();
    for (DaemonConfigFile f : s.daemonConfigs()) {
      List<FrrConfigEdit> mine = edits.stream()
          .filter(e -> f.daemon() == Daemon.FRR && e.host().equals(f.host()) && e.file().equals(f.origin().file()))
          .toList();
      files.add(mine.isEmpty() ? f : new DaemonConfigFile(f.host(), f.daemon(), f.displayPath(), applyAll(f.text(), mine), f.origin()));
    }
    return new Snapshot(s.root(), s.name(), s.ciliumVersion(), s.notes(), s.ciliumValues(), s.ciliumConfigMap(),
        s.kubernetes(), s.talos(), s.hosts(), s.hostFolders(), files, s.intents(), s.findings(), s.birdVersion());
  }
}
