package dev.podpath.model.cilium.rule;

import static dev.podpath.ingest.cilium.AgentFlag.*;

import dev.podpath.model.cilium.MessageKind;
import java.util.Map;
import java.util.Optional;

/** DSR (or hybrid / per-service mode annotation) cannot run over a VXLAN tunnel. */
public final class DsrWithVxlanTunnel implements StartupRule {

  @Override
  public String id() {
    return "cilium/dsr-with-vxlan-tunnel";
  }

  @Override
  public MessageKind kind() {
    return MessageKind.FATAL;
  }

  @Override
  public String citation() {
    return "1.18: pkg/kpr/initializer/kube_proxy_replacement.go InitKubeProxyReplacementOptions (confirmed @1bea214); 1.16/1.17: daemon/cmd/kube_proxy_replacement.go (UNCONFIRMED)";
  }

  @Override
  public Optional<RuleOutcome> evaluate(RuleInput in) {
    var s = in.settings();
    return s.kubeProxyReplacement() && s.tunnelingEnabled() && s.tunnelProtocol() == dev.podpath.model.cilium.TunnelProtocol.VXLAN && s.lbUsesDsr()
        ? Optional.of(RuleOutcome.says(
            "Node Port \"" + DsrModes.name(s) + "\" mode cannot be used with vxlan tunneling.", in.where(BPF_LB_MODE, BPF_LB_MODE_ANNOTATION, ROUTING_MODE)))
        : Optional.empty();
  }
}
