package dev.podpath.model.cilium;

import dev.podpath.ingest.cilium.FlagSource;

/** One flag the agent runs with a value other than written, and the rule that changed it. */
public record SettingDifference(String flag, String written, FlagSource writtenBy, String effective, String ruleId) {

  /** One line for text output. */
  public String describe() {
    return flag + ": written " + show(written) + " (" + writtenBy.describe() + "), agent runs with "
        + show(effective) + " [" + ruleId + "]";
  }

  private static String show(String v) {
    return v.isEmpty() ? "<unset>" : v;
  }
}
