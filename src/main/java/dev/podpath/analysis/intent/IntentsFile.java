package dev.podpath.analysis.intent;

import dev.podpath.core.Finding;
import java.util.List;

/** What intents.yaml says: the checks in written order, the settings to keep, and warnings about it. */
public record IntentsFile(List<Intent> intents, List<KeepSetting> keep, List<Finding> findings) {

  public IntentsFile {
    intents = List.copyOf(intents);
    keep = List.copyOf(keep);
    findings = List.copyOf(findings);
  }

  public static IntentsFile empty() {
    return new IntentsFile(List.of(), List.of(), List.of());
  }
}
