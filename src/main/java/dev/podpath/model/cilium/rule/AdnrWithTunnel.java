package dev.podpath.model.cilium.rule;

import static dev.podpath.ingest.cilium.AgentFlag.*;

import dev.podpath.model.cilium.MessageKind;
import java.util.Map;
import java.util.Optional;

/** Direct node routes make no sense when pod traffic is tunnelled (routing-mode other than native). */
public final class AdnrWithTunnel implements StartupRule {

  @Override
  public String id() {
    return "cilium/adnr-with-tunnel";
  }

  @Override
  public MessageKind kind() {
    return MessageKind.FATAL;
  }

  @Override
  public String citation() {
    return "daemon/cmd/daemon_main.go initEnv (confirmed @002c6fff; since cilium/cilium#15196)";
  }

  @Override
  public Optional<RuleOutcome> evaluate(RuleInput in) {
    var s = in.settings();
    return s.autoDirectNodeRoutes() && s.tunnelingEnabled()
        ? Optional.of(RuleOutcome.says(
            "auto-direct-node-routes cannot be used with tunneling. Packets must be routed through the tunnel device.",
            in.where(AUTO_DIRECT_NODE_ROUTES)))
        : Optional.empty();
  }
}
