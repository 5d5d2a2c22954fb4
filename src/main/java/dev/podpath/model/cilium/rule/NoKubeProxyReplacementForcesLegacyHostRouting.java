package dev.podpath.model.cilium.rule;

import static dev.podpath.ingest.cilium.AgentFlag.*;

import dev.podpath.model.cilium.MessageKind;
import java.util.Map;
import java.util.Optional;

/** Without KPR the agent uses legacy host routing, whatever enable-host-legacy-routing says. */
public final class NoKubeProxyReplacementForcesLegacyHostRouting implements StartupRule {

  @Override
  public String id() {
    return "cilium/no-kube-proxy-replacement-forces-legacy-host-routing";
  }

  @Override
  public MessageKind kind() {
    return MessageKind.OVERRIDE;
  }

  @Override
  public String citation() {
    return "1.18: pkg/kpr/initializer/kube_proxy_replacement.go InitKubeProxyReplacementOptions (confirmed @1bea214); 1.16/1.17: daemon/cmd/kube_proxy_replacement.go (UNCONFIRMED)";
  }

  @Override
  public Optional<RuleOutcome> evaluate(RuleInput in) {
    var s = in.settings();
    return !s.kubeProxyReplacement() && !s.hostLegacyRouting()
        ? Optional.of(RuleOutcome.overridesSilently(
            "kube-proxy-replacement=false forces enable-host-legacy-routing=true: the host stack (netfilter), not BPF, "
                + "routes host-bound and forwarded pod traffic",
            in.where(ENABLE_HOST_LEGACY_ROUTING, KUBE_PROXY_REPLACEMENT), Map.of(ENABLE_HOST_LEGACY_ROUTING, true)))
        : Optional.empty();
  }
}
