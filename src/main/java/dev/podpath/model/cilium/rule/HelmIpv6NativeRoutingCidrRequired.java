package dev.podpath.model.cilium.rule;

import static dev.podpath.ingest.cilium.AgentFlag.*;

import dev.podpath.model.cilium.MessageKind;
import java.util.Map;
import java.util.Optional;

/** The chart refuses native routing with IPv6 masquerade and no IPv6 native routing CIDR. */
public final class HelmIpv6NativeRoutingCidrRequired implements StartupRule {

  @Override
  public String id() {
    return "cilium/helm-ipv6-native-routing-cidr-required";
  }

  @Override
  public MessageKind kind() {
    return MessageKind.HELM_FAIL;
  }

  @Override
  public String citation() {
    return "install/kubernetes/cilium/templates/cilium-configmap.yaml: fail \"ipv6NativeRoutingCIDR must be set when routingMode is native\"";
  }

  @Override
  public Optional<RuleOutcome> evaluate(RuleInput in) {
    return triggers(in) ? Optional.of(RuleOutcome.says(
        "ipv6NativeRoutingCIDR must be set when routingMode is native",
        in.helmWhere("enableIPv6Masquerade", "ipv6.enabled", "routingMode"))) : Optional.empty();
  }

  /** The chart condition (written values and values.yaml defaults, not the rendered flags). */
  static boolean triggers(RuleInput in) {
    return in.config().helmGiven() && "native".equals(in.helmValue("routingMode"))
        && in.helmTruthy("ipv6.enabled") && in.helmTruthy("enableIPv6Masquerade")
        && !in.helmTruthy("ipMasqAgent.enabled")
        && !in.config().helm().truthy("ipv6NativeRoutingCIDR");
  }
}
