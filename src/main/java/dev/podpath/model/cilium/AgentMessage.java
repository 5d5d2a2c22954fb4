package dev.podpath.model.cilium;

import dev.podpath.core.Finding;
import dev.podpath.core.SourceRef;
import java.util.Objects;

/**
 * What the agent (or the chart) says at startup. {@code agentText} is true when {@code text} is
 * the agent's own log/error text; false when the agent is silent and the text is podpath's
 * explanation of the override.
 */
public record AgentMessage(String ruleId, MessageKind kind, String text, boolean agentText, SourceRef where, String citation) {

  public AgentMessage {
    Objects.requireNonNull(ruleId, "ruleId");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(where, "where");
    Objects.requireNonNull(citation, "citation");
  }

  public Finding toFinding() {
    return new Finding(ruleId, kind.severity(), text, where, "");
  }
}
