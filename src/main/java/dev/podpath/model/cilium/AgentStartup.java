package dev.podpath.model.cilium;

import dev.podpath.ingest.cilium.AgentFlag;
import dev.podpath.ingest.cilium.CiliumConfig;
import dev.podpath.ingest.cilium.FlagSource;
import dev.podpath.model.cilium.rule.RuleInput;
import dev.podpath.model.cilium.rule.RuleOutcome;
import dev.podpath.model.cilium.rule.StartupRule;
import dev.podpath.model.cilium.rule.StartupRules;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Replays the chart's and the agent's startup rules over a configuration. Unlike the agent, it does
 * not stop at the first fatal error: every rule is evaluated so one run shows every problem.
 */
public final class AgentStartup {

  private AgentStartup() {}

  public static AgentStartupResult evaluate(CiliumConfig config) {
    return evaluate(config, StartupRules.ALL);
  }

  static AgentStartupResult evaluate(CiliumConfig config, List<StartupRule> rules) {
    AgentSettings written = AgentSettings.written(config);
    AgentSettings current = written;
    List<AgentMessage> messages = new ArrayList<>();
    Map<AgentFlag, String> changedBy = new EnumMap<>(AgentFlag.class);
    for (StartupRule rule : rules) {
      if (!rule.appliesTo(config.version())) {
        continue;
      }
      Optional<RuleOutcome> outcome = rule.evaluate(new RuleInput(config, current));
      if (outcome.isEmpty()) {
        continue;
      }
      RuleOutcome o = outcome.get();
      boolean reported = rule.kind() != MessageKind.OVERRIDE || o.overrides().keySet().stream().anyMatch(f -> operatorWrote(config, f));
      messages.add(new AgentMessage(rule.id(), rule.kind(), o.text(), o.agentText(), o.where(), rule.citation(),
          o.overrides().keySet(), reported));
      for (Map.Entry<AgentFlag, Object> e : o.overrides().entrySet()) {
        if (!Objects.equals(current.flags().get(e.getKey()), e.getValue())) {
          changedBy.put(e.getKey(), rule.id());
        }
      }
      current = current.with(o.overrides());
    }
    return new AgentStartupResult(config, written, current, messages, changedBy);
  }

  private static boolean operatorWrote(CiliumConfig config, AgentFlag flag) {
    FlagSource s = config.flag(flag).source();
    return s instanceof FlagSource.HelmValue || s instanceof FlagSource.ConfigMapKey;
  }
}
