package dev.podpath.model.cilium.rule;

import static dev.podpath.ingest.cilium.AgentFlag.*;

import dev.podpath.model.cilium.MessageKind;
import java.util.Map;
import java.util.Optional;

/** Host-namespace-only socket LB without socket LB is dropped with a warning. */
public final class SocketLbHostnsOnlyWithoutSocketLb implements StartupRule {

  @Override
  public String id() {
    return "cilium/socket-lb-hostns-only-without-socket-lb";
  }

  @Override
  public MessageKind kind() {
    return MessageKind.WARNING;
  }

  @Override
  public String citation() {
    return "1.18: pkg/kpr/initializer/kube_proxy_replacement.go probeKubeProxyReplacementOptions (research notes @8b4e6ae4); later pkg/kpr/kpr.go NewKPRConfig drops it silently (@1bea214)";
  }

  @Override
  public Optional<RuleOutcome> evaluate(RuleInput in) {
    var s = in.settings();
    return s.socketLbHostnsOnly() && !s.socketLb()
        ? Optional.of(RuleOutcome.overridesWithLog(
            "bpf-lb-sock-hostns-only only takes effect when bpf-lb-sock is true",
            in.where(BPF_LB_SOCK_HOSTNS_ONLY), Map.of(BPF_LB_SOCK_HOSTNS_ONLY, false)))
        : Optional.empty();
  }
}
