package dev.podpath.model.cilium.rule;

import static dev.podpath.ingest.cilium.AgentFlag.*;

import dev.podpath.model.cilium.MessageKind;
import java.util.Map;
import java.util.Optional;

/** ENI IPAM does not support IPv6. */
public final class EniIpamWithIpv6 implements StartupRule {

  @Override
  public String id() {
    return "cilium/eni-ipam-with-ipv6";
  }

  @Override
  public MessageKind kind() {
    return MessageKind.FATAL;
  }

  @Override
  public String citation() {
    return "pkg/option/config.go (*DaemonConfig).Validate (confirmed @8e7499ee)";
  }

  @Override
  public Optional<RuleOutcome> evaluate(RuleInput in) {
    var s = in.settings();
    return s.ipamMode().equals("eni") && s.ipv6()
        ? Optional.of(RuleOutcome.says("IPv6 cannot be enabled in ENI IPAM mode", in.where(ENABLE_IPV6, IPAM)))
        : Optional.empty();
  }
}
