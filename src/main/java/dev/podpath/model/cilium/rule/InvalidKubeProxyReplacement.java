package dev.podpath.model.cilium.rule;

import static dev.podpath.ingest.cilium.AgentFlag.*;

import dev.podpath.model.cilium.MessageKind;
import java.util.Map;
import java.util.Optional;

/** kube-proxy-replacement accepts only true/false since 1.14 (partial/strict/probe/disabled were removed). */
public final class InvalidKubeProxyReplacement implements StartupRule {

  @Override
  public String id() {
    return "cilium/invalid-kube-proxy-replacement";
  }

  @Override
  public MessageKind kind() {
    return MessageKind.FATAL;
  }

  @Override
  public String citation() {
    return "1.18: pkg/kpr/kpr.go NewKPRConfig; 1.16/1.17: daemon/cmd/kube_proxy_replacement.go (text UNCONFIRMED there)";
  }

  @Override
  public Optional<RuleOutcome> evaluate(RuleInput in) {
    String kpr = in.config().string(KUBE_PROXY_REPLACEMENT);
    // Helm-rendered values are already refused by the chart (HelmInvalidKubeProxyReplacement).
    if (kpr.equals("true") || kpr.equals("false")
        || in.config().flag(KUBE_PROXY_REPLACEMENT).source() instanceof dev.podpath.ingest.cilium.FlagSource.HelmValue) {
      return Optional.empty();
    }
    return Optional.of(RuleOutcome.says("invalid value for kube-proxy-replacement", in.where(KUBE_PROXY_REPLACEMENT)));
  }
}
