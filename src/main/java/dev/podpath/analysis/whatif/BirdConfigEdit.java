package dev.podpath.analysis.whatif;

import dev.podpath.ingest.Daemon;
import dev.podpath.ingest.DaemonConfigFile;
import dev.podpath.ingest.Snapshot;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Replaces lines {@code fromLine..toLine} (1-based, inclusive, in the host's bird.conf text) with
 * {@code newText}; {@code toLine == fromLine - 1} inserts before {@code fromLine}. Applied to the
 * snapshot's in-memory {@link DaemonConfigFile} text, never to a file. {@code file} is the
 * snapshot-relative path of the config (e.g. {@code hosts/solcp01/bird.conf}); {@code why} says
 * what the change does, for people.
 */
public record BirdConfigEdit(String host, String file, int fromLine, int toLine, String newText, String why)
    implements Edit {

  public BirdConfigEdit {
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(newText, "newText");
    new LineSplice(fromLine, toLine, newText); // validates the range
  }

  @Override
  public String text() {
    return LineSplice.describe(file, fromLine, toLine) + " " + why;
  }

  /** {@code text} with this edit applied (lines are kept with their own breaks). */
  public String applyTo(String text) {
    return new LineSplice(fromLine, toLine, newText).applyTo(text);
  }

  /** Applies every edit to its host's bird.conf; edits of one file go bottom-up so their line numbers stay valid. */
  public static String applyAll(String text, List<BirdConfigEdit> edits) {
    return LineSplice.applyAll(text, edits.stream().map(e -> new LineSplice(e.fromLine(), e.toLine(), e.newText())).toList());
  }

  static Snapshot applyAll(Snapshot s, List<BirdConfigEdit> edits) {
    List<DaemonConfigFile> files = new ArrayList<>();
    for (DaemonConfigFile f : s.daemonConfigs()) {
      List<BirdConfigEdit> mine = edits.stream()
          .filter(e -> f.daemon() == Daemon.BIRD && e.host().equals(f.host()) && e.file().equals(f.origin().file()))
          .toList();
      files.add(mine.isEmpty() ? f : new DaemonConfigFile(f.host(), f.daemon(), f.displayPath(), applyAll(f.text(), mine), f.origin()));
    }
    return new Snapshot(s.root(), s.name(), s.ciliumVersion(), s.notes(), s.ciliumValues(), s.ciliumConfigMap(),
        s.kubernetes(), s.talos(), s.hosts(), s.hostFolders(), files, s.intents(), s.findings(), s.birdVersion());
  }
}
