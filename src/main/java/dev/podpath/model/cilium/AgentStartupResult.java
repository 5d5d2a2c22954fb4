package dev.podpath.model.cilium;

import dev.podpath.core.Finding;
import dev.podpath.ingest.cilium.AgentFlag;
import dev.podpath.ingest.cilium.CiliumConfig;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * What startup does to a configuration: the settings as written, the settings the agent runs with,
 * and every message (fatal, chart fail, override, warning) in rule order.
 */
public record AgentStartupResult(
    CiliumConfig config, AgentSettings written, AgentSettings effective, List<AgentMessage> messages,
    Map<AgentFlag, String> changedBy) {

  public AgentStartupResult {
    messages = List.copyOf(messages);
    changedBy = Collections.unmodifiableMap(new EnumMap<>(changedBy));
  }

  /** True when the chart refuses to render or the agent exits. */
  public boolean startupFails() {
    return messages.stream().anyMatch(m -> m.kind() == MessageKind.FATAL || m.kind() == MessageKind.HELM_FAIL);
  }

  /** Flags whose effective value differs from the written one, in flag order. */
  public List<SettingDifference> differences() {
    List<SettingDifference> out = new ArrayList<>();
    for (Map.Entry<AgentFlag, String> e : changedBy.entrySet()) {
      AgentFlag f = e.getKey();
      if (!written.text(f).equals(effective.text(f))) {
        out.add(new SettingDifference(f.key(), written.text(f), config.flag(f).source(), effective.text(f), e.getValue()));
      }
    }
    return out;
  }

  /** Reading findings (unknown Helm keys...) and startup messages, in the order `check` prints them. */
  public List<Finding> findings() {
    List<Finding> out = new ArrayList<>(config.findings());
    messages.stream().filter(AgentMessage::reported).forEach(m -> out.add(m.toFinding()));
    out.sort(Finding.ORDER);
    return out;
  }
}
