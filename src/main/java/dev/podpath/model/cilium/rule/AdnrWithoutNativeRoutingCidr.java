package dev.podpath.model.cilium.rule;

import static dev.podpath.ingest.cilium.AgentFlag.AUTO_DIRECT_NODE_ROUTES;

import dev.podpath.core.net.IpPrefix;
import dev.podpath.model.cilium.AgentSettings;
import dev.podpath.model.cilium.MessageKind;
import java.util.Optional;

/**
 * ADNR with a family enabled but no native routing CIDR for it: pod-to-pod traffic may be
 * masqueraded. The agent checks each family with the same words; one subclass per family keeps
 * one stable id per check.
 */
abstract sealed class AdnrWithoutNativeRoutingCidr implements StartupRule
    permits AdnrWithoutIpv4NativeRoutingCidr, AdnrWithoutIpv6NativeRoutingCidr {

  private final String family;

  AdnrWithoutNativeRoutingCidr(String family) {
    this.family = family;
  }

  abstract boolean familyEnabled(AgentSettings s);

  abstract IpPrefix nativeRoutingCidr(AgentSettings s);

  @Override
  public String id() {
    return "cilium/adnr-without-" + family + "-native-routing-cidr";
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
    if (!s.autoDirectNodeRoutes() || !familyEnabled(s) || nativeRoutingCidr(s) != null) {
      return Optional.empty();
    }
    String flag = family + "-native-routing-cidr";
    return Optional.of(RuleOutcome.says(
        "If auto-direct-node-routes is enabled, then you are recommended to also configure " + flag + ". "
            + "If " + flag + " is not configured, this may lead to pod to pod traffic being masqueraded, "
            + "which can cause problems with performance, observability and policy",
        in.where(AUTO_DIRECT_NODE_ROUTES)));
  }
}
