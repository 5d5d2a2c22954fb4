package dev.podpath.model.cilium.rule;

import static dev.podpath.ingest.cilium.AgentFlag.*;

import dev.podpath.model.cilium.MessageKind;
import java.util.Map;
import java.util.Optional;

/** Geneve DSR dispatch needs the Geneve tunnel protocol. */
public final class DsrGeneveDispatchNeedsGeneveTunnel implements StartupRule {

  @Override
  public String id() {
    return "cilium/dsr-geneve-dispatch-needs-geneve-tunnel";
  }

  @Override
  public MessageKind kind() {
    return MessageKind.FATAL;
  }

  @Override
  public String citation() {
    return "1.18: pkg/kpr/initializer/kube_proxy_replacement.go InitKubeProxyReplacementOptions (confirmed @1bea214); 1.16/1.17 UNCONFIRMED";
  }

  @Override
  public Optional<RuleOutcome> evaluate(RuleInput in) {
    var s = in.settings();
    return s.kubeProxyReplacement() && s.lbUsesDsr() && s.dsrDispatch() == dev.podpath.model.cilium.DsrDispatch.GENEVE
            && s.tunnelProtocol() != dev.podpath.model.cilium.TunnelProtocol.GENEVE
        ? Optional.of(RuleOutcome.says(
            "Node Port \"" + DsrModes.name(s) + "\" mode with \"geneve\" dispatch requires geneve tunnel protocol.", in.where(BPF_LB_DSR_DISPATCH, TUNNEL_PROTOCOL)))
        : Optional.empty();
  }
}
