package dev.podpath.model.cilium.rule;

import dev.podpath.core.SourceRef;
import dev.podpath.ingest.cilium.AgentFlag;
import dev.podpath.ingest.cilium.ChartDefaults;
import dev.podpath.ingest.cilium.CiliumConfig;
import dev.podpath.ingest.cilium.CiliumVersion;
import dev.podpath.model.cilium.AgentSettings;

/** What a rule sees: the configuration as read and the settings as the agent has them so far. */
public record RuleInput(CiliumConfig config, AgentSettings settings) {

  public CiliumVersion version() {
    return config.version();
  }

  /** The line of the first flag that was written down; the values file otherwise. */
  public SourceRef where(AgentFlag... flags) {
    for (AgentFlag f : flags) {
      SourceRef ref = config.flag(f).source().where();
      if (ref.isKnown()) {
        return ref;
      }
    }
    return config.helmGiven() ? config.helm().document().ref() : SourceRef.NONE;
  }

  /** The line of a Helm value, or of the first written one among several. */
  public SourceRef helmWhere(String... paths) {
    for (String p : paths) {
      if (config.helm().has(p)) {
        return config.helm().ref(p);
      }
    }
    return config.helm().document().ref();
  }

  /** Helm's view of a value in the chart's templates (written, else values.yaml default). */
  public boolean helmTruthy(String path) {
    return ChartDefaults.truthy(config.helm(), path, version());
  }

  public Object helmValue(String path) {
    return ChartDefaults.value(config.helm(), path, version());
  }
}
