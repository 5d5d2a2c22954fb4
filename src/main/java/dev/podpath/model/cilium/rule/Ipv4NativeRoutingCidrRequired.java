package dev.podpath.model.cilium.rule;

import static dev.podpath.ingest.cilium.AgentFlag.*;

import dev.podpath.model.cilium.MessageKind;
import java.util.Map;
import java.util.Optional;

/** Native routing with IPv4 masquerade needs to know which destinations are not masqueraded. */
public final class Ipv4NativeRoutingCidrRequired implements StartupRule {

  @Override
  public String id() {
    return "cilium/ipv4-native-routing-cidr-required";
  }

  @Override
  public MessageKind kind() {
    return MessageKind.FATAL;
  }

  @Override
  public String citation() {
    return "pkg/option/config.go (*DaemonConfig).checkIPv4NativeRoutingCIDR via Validate (confirmed @8e7499ee)";
  }

  @Override
  public Optional<RuleOutcome> evaluate(RuleInput in) {
    var s = in.settings();
    // Helm refuses to render these values already: report the chart's fail only.
    if (HelmIpv4NativeRoutingCidrRequired.triggers(in) || s.ipv4NativeRoutingCidr() != null || !s.ipv4()
        || !s.ipv4Masquerade() || s.ipMasqAgent() || s.tunnelingEnabled()
        || s.ipamMode().equals("eni") || s.ipamMode().equals("alibabacloud")) {
      return Optional.empty();
    }
    return Optional.of(RuleOutcome.says(
        "native routing cidr must be configured with option --ipv4-native-routing-cidr in combination with "
            + "--enable-ipv4=true --enable-ipv4-masquerade=true --enable-ip-masq-agent=false --routing-mode=native --ipam="
            + s.ipamMode(),
        in.where(ENABLE_IPV4_MASQUERADE, ROUTING_MODE)));
  }
}
