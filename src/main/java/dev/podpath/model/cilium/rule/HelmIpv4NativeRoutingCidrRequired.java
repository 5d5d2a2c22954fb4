package dev.podpath.model.cilium.rule;

import static dev.podpath.ingest.cilium.AgentFlag.*;

import dev.podpath.model.cilium.MessageKind;
import java.util.Map;
import java.util.Optional;

/** The chart refuses native routing with IPv4 masquerade and no IPv4 native routing CIDR (ENI/AlibabaCloud exempt). */
public final class HelmIpv4NativeRoutingCidrRequired implements StartupRule {

  @Override
  public String id() {
    return "cilium/helm-ipv4-native-routing-cidr-required";
  }

  @Override
  public MessageKind kind() {
    return MessageKind.HELM_FAIL;
  }

  @Override
  public String citation() {
    return "install/kubernetes/cilium/templates/cilium-configmap.yaml: fail \" ipv4NativeRoutingCIDR must be set when routingMode is native\"";
  }

  @Override
  public Optional<RuleOutcome> evaluate(RuleInput in) {
    return triggers(in) ? Optional.of(RuleOutcome.says(
        "ipv4NativeRoutingCIDR must be set when routingMode is native",
        in.helmWhere("enableIPv4Masquerade", "routingMode"))) : Optional.empty();
  }

  /** The chart condition (written values and values.yaml defaults, not the rendered flags). */
  static boolean triggers(RuleInput in) {
    if (!in.config().helmGiven() || !"native".equals(in.helmValue("routingMode"))) {
      return false;
    }
    String ipam = in.config().helm().truthy("eni.enabled") ? "eni" : String.valueOf(in.helmValue("ipam.mode"));
    return in.helmTruthy("ipv4.enabled") && in.helmTruthy("enableIPv4Masquerade")
        && !in.helmTruthy("ipMasqAgent.enabled")
        && !ipam.equals("eni") && !ipam.equals("alibabacloud")
        && !in.config().helm().truthy("ipv4NativeRoutingCIDR");
  }
}
