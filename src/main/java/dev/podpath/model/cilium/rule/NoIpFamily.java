package dev.podpath.model.cilium.rule;

import static dev.podpath.ingest.cilium.AgentFlag.*;

import dev.podpath.model.cilium.MessageKind;
import java.util.Map;
import java.util.Optional;

/** At least one address family must be on. */
public final class NoIpFamily implements StartupRule {

  @Override
  public String id() {
    return "cilium/no-ip-family";
  }

  @Override
  public MessageKind kind() {
    return MessageKind.FATAL;
  }

  @Override
  public String citation() {
    return "daemon/cmd/daemon_main.go initEnv (confirmed @002c6fff)";
  }

  @Override
  public Optional<RuleOutcome> evaluate(RuleInput in) {
    var s = in.settings();
    return !s.ipv4() && !s.ipv6()
        ? Optional.of(RuleOutcome.says("Either IPv4 or IPv6 addressing must be enabled", in.where(ENABLE_IPV4, ENABLE_IPV6)))
        : Optional.empty();
  }
}
