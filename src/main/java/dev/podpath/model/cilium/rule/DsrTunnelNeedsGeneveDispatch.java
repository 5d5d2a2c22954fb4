package dev.podpath.model.cilium.rule;

import static dev.podpath.ingest.cilium.AgentFlag.*;

import dev.podpath.model.cilium.MessageKind;
import java.util.Map;
import java.util.Optional;

/** DSR in tunnel mode must carry the service address in a Geneve option. */
public final class DsrTunnelNeedsGeneveDispatch implements StartupRule {

  @Override
  public String id() {
    return "cilium/dsr-tunnel-needs-geneve-dispatch";
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
    return s.kubeProxyReplacement() && s.tunnelingEnabled() && s.lbUsesDsr() && s.dsrDispatch() != dev.podpath.model.cilium.DsrDispatch.GENEVE
        ? Optional.of(RuleOutcome.says(
            "Tunnel routing with Node Port \"" + DsrModes.name(s) + "\" mode requires geneve dispatch.", in.where(BPF_LB_DSR_DISPATCH, BPF_LB_MODE, ROUTING_MODE)))
        : Optional.empty();
  }
}
