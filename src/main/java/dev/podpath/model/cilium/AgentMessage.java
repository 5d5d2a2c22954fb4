package dev.podpath.model.cilium;

import dev.podpath.core.Finding;
import dev.podpath.core.SourceRef;
import dev.podpath.ingest.cilium.AgentFlag;
import java.util.Objects;
import java.util.Set;

/**
 * What the agent (or the chart) says at startup. {@code agentText} is true when {@code text} is
 * the agent's own log/error text; false when the agent is silent and the text is podpath's
 * explanation of the override. {@code changed} lists the flags the agent overrode; {@code reported}
 * is false for an override of flags nobody wrote (a default replaced by another, even when the agent
 * logs it at info level): it shows in {@link AgentStartupResult#differences()} but is not a
 * finding, or every default KPR install would get several.
 */
public record AgentMessage(
    String ruleId, MessageKind kind, String text, boolean agentText, SourceRef where, String citation,
    Set<AgentFlag> changed, boolean reported) {

  public AgentMessage {
    Objects.requireNonNull(ruleId, "ruleId");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(where, "where");
    Objects.requireNonNull(citation, "citation");
    changed = Set.copyOf(changed);
  }

  public Finding toFinding() {
    return new Finding(ruleId, kind.severity(), text, where, "");
  }
}
