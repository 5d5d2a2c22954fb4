package dev.podpath.model.cilium.rule;

import static dev.podpath.ingest.cilium.AgentFlag.*;

import dev.podpath.model.cilium.MessageKind;
import java.util.Map;
import java.util.Optional;

/** Native routing with IPv6 masquerade needs to know which destinations are not masqueraded. */
public final class Ipv6NativeRoutingCidrRequired implements StartupRule {

  @Override
  public String id() {
    return "cilium/ipv6-native-routing-cidr-required";
  }

  @Override
  public MessageKind kind() {
    return MessageKind.FATAL;
  }

  @Override
  public String citation() {
    return "pkg/option/config.go (*DaemonConfig).checkIPv6NativeRoutingCIDR via Validate (confirmed @8e7499ee)";
  }

  @Override
  public Optional<RuleOutcome> evaluate(RuleInput in) {
    var s = in.settings();
    // Helm refuses to render these values already: report the chart's fail only.
    if (HelmIpv6NativeRoutingCidrRequired.triggers(in) || s.ipv6NativeRoutingCidr() != null || !s.ipv6()
        || !s.ipv6Masquerade() || s.ipMasqAgent() || s.tunnelingEnabled()) {
      return Optional.empty();
    }
    return Optional.of(RuleOutcome.says(
        "native routing cidr must be configured with option --ipv6-native-routing-cidr in combination with "
            + "--enable-ipv6=true --enable-ipv6-masquerade=true --enable-ip-masq-agent=false --routing-mode=native",
        in.where(ENABLE_IPV6_MASQUERADE, ROUTING_MODE)));
  }
}
