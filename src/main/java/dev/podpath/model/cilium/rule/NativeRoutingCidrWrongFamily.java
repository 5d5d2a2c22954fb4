package dev.podpath.model.cilium.rule;

import static dev.podpath.ingest.cilium.AgentFlag.*;

import dev.podpath.model.cilium.MessageKind;
import java.util.Map;
import java.util.Optional;

/** A native routing CIDR of the other address family is fatal (text confirmed @8e7499ee). */
public final class NativeRoutingCidrWrongFamily implements StartupRule {

  @Override
  public String id() {
    return "cilium/native-routing-cidr-wrong-family";
  }

  @Override
  public MessageKind kind() {
    return MessageKind.FATAL;
  }

  @Override
  public String citation() {
    return "pkg/option/config.go (*DaemonConfig).Populate (confirmed @8e7499ee)";
  }

  @Override
  public Optional<RuleOutcome> evaluate(RuleInput in) {
    var v4 = in.settings().ipv4NativeRoutingCidr();
    if (v4 != null && v4.v6()) {
      return Optional.of(RuleOutcome.says("ipv4-native-routing-cidr must be an IPv4 CIDR", in.where(IPV4_NATIVE_ROUTING_CIDR)));
    }
    var v6 = in.settings().ipv6NativeRoutingCidr();
    if (v6 != null && !v6.v6()) {
      return Optional.of(RuleOutcome.says("ipv6-native-routing-cidr must be an IPv6 CIDR", in.where(IPV6_NATIVE_ROUTING_CIDR)));
    }
    return Optional.empty();
  }
}
