package dev.podpath.model.cilium.rule;

import static dev.podpath.ingest.cilium.AgentFlag.*;

import dev.podpath.model.cilium.MessageKind;
import java.util.Map;
import java.util.Optional;

/** ADNR with IPv6 but no IPv6 native routing CIDR: pod-to-pod traffic may be masqueraded. */
public final class AdnrWithoutIpv6NativeRoutingCidr implements StartupRule {

  @Override
  public String id() {
    return "cilium/adnr-without-ipv6-native-routing-cidr";
  }

  @Override
  public MessageKind kind() {
    return MessageKind.WARNING;
  }

  @Override
  public String citation() {
    return "pkg/option/config.go (*DaemonConfig).Populate (confirmed @8e7499ee, 1.16/1.17-era; 1.18 UNCONFIRMED)";
  }

  @Override
  public Optional<RuleOutcome> evaluate(RuleInput in) {
    var s = in.settings();
    if (!s.autoDirectNodeRoutes() || !s.ipv6() || s.ipv6NativeRoutingCidr() != null) {
      return Optional.empty();
    }
    return Optional.of(RuleOutcome.says(
        "If auto-direct-node-routes is enabled, then you are recommended to also configure ipv6-native-routing-cidr. "
            + "If ipv6-native-routing-cidr is not configured, this may lead to pod to pod traffic being masqueraded, "
            + "which can cause problems with performance, observability and policy",
        in.where(AUTO_DIRECT_NODE_ROUTES)));
  }
}
