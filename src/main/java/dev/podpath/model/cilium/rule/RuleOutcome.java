package dev.podpath.model.cilium.rule;

import dev.podpath.core.SourceRef;
import dev.podpath.ingest.cilium.AgentFlag;
import java.util.Map;

/**
 * A rule that fired: its text (the agent's own text when {@code agentText}), where it points, and
 * the flags the agent changes as a result (empty for pure checks).
 */
public record RuleOutcome(String text, boolean agentText, SourceRef where, Map<AgentFlag, Object> overrides) {

  public RuleOutcome {
    overrides = Map.copyOf(overrides);
  }

  /** The agent's own message, no change of settings (fatal errors, warnings). */
  public static RuleOutcome says(String agentText, SourceRef where) {
    return new RuleOutcome(agentText, true, where, Map.of());
  }

  /** The agent changes settings and logs {@code agentText}. */
  public static RuleOutcome overridesWithLog(String agentText, SourceRef where, Map<AgentFlag, Object> overrides) {
    return new RuleOutcome(agentText, true, where, overrides);
  }

  /** The agent changes settings without a word; {@code explanation} is podpath's. */
  public static RuleOutcome overridesSilently(String explanation, SourceRef where, Map<AgentFlag, Object> overrides) {
    return new RuleOutcome(explanation + " (the agent does this without logging)", false, where, overrides);
  }
}
