package dev.podpath.model.cilium.rule;

import static dev.podpath.ingest.cilium.AgentFlag.*;

import dev.podpath.model.cilium.MessageKind;
import java.util.Map;
import java.util.Optional;

/** KPR=true turns socket LB on (with NodePort, ExternalIPs, HostPort), ignoring bpf-lb-sock=false. */
public final class KubeProxyReplacementForcesSocketLb implements StartupRule {

  @Override
  public String id() {
    return "cilium/kube-proxy-replacement-forces-socket-lb";
  }

  @Override
  public MessageKind kind() {
    return MessageKind.OVERRIDE;
  }

  @Override
  public String citation() {
    return "1.18: pkg/kpr/kpr.go NewKPRConfig; 1.16/1.17: daemon/cmd/kube_proxy_replacement.go initKubeProxyReplacementOptions (UNCONFIRMED)";
  }

  @Override
  public Optional<RuleOutcome> evaluate(RuleInput in) {
    var s = in.settings();
    return s.kubeProxyReplacement() && !s.socketLb()
        ? Optional.of(RuleOutcome.overridesSilently(
            "kube-proxy-replacement=true forces bpf-lb-sock=true (socket LB on), whatever bpf-lb-sock says",
            in.where(BPF_LB_SOCK, KUBE_PROXY_REPLACEMENT), Map.of(BPF_LB_SOCK, true)))
        : Optional.empty();
  }
}
