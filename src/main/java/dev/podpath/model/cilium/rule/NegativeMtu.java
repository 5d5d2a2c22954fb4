package dev.podpath.model.cilium.rule;

import static dev.podpath.ingest.cilium.AgentFlag.*;

import dev.podpath.model.cilium.MessageKind;
import java.util.Map;
import java.util.Optional;

/** A negative MTU is fatal; 0 means auto-detect. */
public final class NegativeMtu implements StartupRule {

  @Override
  public String id() {
    return "cilium/negative-mtu";
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
    long mtu = in.settings().mtu();
    return mtu < 0
        ? Optional.of(RuleOutcome.says("MTU '" + mtu + "' cannot be negative", in.where(MTU)))
        : Optional.empty();
  }
}
