package dev.podpath.model.cilium.rule;

import static dev.podpath.ingest.cilium.AgentFlag.*;

import dev.podpath.model.cilium.MessageKind;
import java.util.Map;
import java.util.Optional;

/**
 * Masquerading with iptables (masquerade on, BPF masquerade off) needs netfilter, so BPF host
 * routing falls back to legacy routing with an info log. Not modelled: the IPsec case and kernel
 * probes that also force the fallback.
 */
public final class BpfHostRoutingNeedsBpfMasquerade implements StartupRule {

  @Override
  public String id() {
    return "cilium/bpf-host-routing-needs-bpf-masquerade";
  }

  @Override
  public MessageKind kind() {
    return MessageKind.OVERRIDE;
  }

  @Override
  public String citation() {
    return "1.18: pkg/kpr/initializer/kube_proxy_replacement.go FinishKubeProxyReplacementInit (confirmed @1bea214); 1.16/1.17: daemon/cmd/kube_proxy_replacement.go finishKubeProxyReplacementInit (UNCONFIRMED)";
  }

  @Override
  public Optional<RuleOutcome> evaluate(RuleInput in) {
    var s = in.settings();
    boolean iptablesMasquerade = s.iptablesMasqueradingIpv4() || s.iptablesMasqueradingIpv6();
    return !s.hostLegacyRouting() && iptablesMasquerade
        ? Optional.of(RuleOutcome.overridesWithLog(
            "BPF host routing requires enable-bpf-masquerade. Falling back to legacy host routing (enable-host-legacy-routing=true).",
            in.where(ENABLE_HOST_LEGACY_ROUTING, ENABLE_BPF_MASQUERADE), Map.of(ENABLE_HOST_LEGACY_ROUTING, true)))
        : Optional.empty();
  }
}
