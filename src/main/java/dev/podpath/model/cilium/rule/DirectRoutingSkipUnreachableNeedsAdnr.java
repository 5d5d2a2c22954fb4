package dev.podpath.model.cilium.rule;

import static dev.podpath.ingest.cilium.AgentFlag.*;

import dev.podpath.model.cilium.MessageKind;
import java.util.Map;
import java.util.Optional;

/** direct-routing-skip-unreachable only refines auto-direct-node-routes; alone it is fatal. */
public final class DirectRoutingSkipUnreachableNeedsAdnr implements StartupRule {

  @Override
  public String id() {
    return "cilium/direct-routing-skip-unreachable-needs-adnr";
  }

  @Override
  public MessageKind kind() {
    return MessageKind.FATAL;
  }

  @Override
  public String citation() {
    return "pkg/option/config.go (*DaemonConfig).Populate (log.Fatalf, confirmed @8e7499ee; flag added by cilium/cilium#32733 for 1.16)";
  }

  @Override
  public Optional<RuleOutcome> evaluate(RuleInput in) {
    var s = in.settings();
    if (!s.directRoutingSkipUnreachable() || s.autoDirectNodeRoutes()) {
      return Optional.empty();
    }
    return Optional.of(RuleOutcome.says(
        "Flag direct-routing-skip-unreachable cannot be enabled when auto-direct-node-routes is not enabled. "
            + "As if auto-direct-node-routes is then enabled, it may lead to unexpected behaviour causing network connectivity issues.",
        in.where(DIRECT_ROUTING_SKIP_UNREACHABLE)));
  }
}
