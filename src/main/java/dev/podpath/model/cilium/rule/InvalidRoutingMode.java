package dev.podpath.model.cilium.rule;

import static dev.podpath.ingest.cilium.AgentFlag.*;

import dev.podpath.model.cilium.MessageKind;
import java.util.Map;
import java.util.Optional;

/** routing-mode must be native or tunnel. */
public final class InvalidRoutingMode implements StartupRule {

  @Override
  public String id() {
    return "cilium/invalid-routing-mode";
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
    String mode = in.config().string(ROUTING_MODE);
    if (mode.equals("native") || mode.equals("tunnel")) {
      return Optional.empty();
    }
    // order tunnel, native as in the source (@8e7499ee)
    return Optional.of(RuleOutcome.says(
        "invalid routing mode \"" + mode + "\", valid modes = {\"tunnel\", \"native\"}", in.where(ROUTING_MODE)));
  }
}
