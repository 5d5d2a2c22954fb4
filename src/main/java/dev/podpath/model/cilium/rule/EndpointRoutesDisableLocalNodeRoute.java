package dev.podpath.model.cilium.rule;

import static dev.podpath.ingest.cilium.AgentFlag.*;

import dev.podpath.model.cilium.MessageKind;
import java.util.Map;
import java.util.Optional;

/** Per-endpoint routes make the pod-CIDR route via cilium_host redundant, so the agent drops it. */
public final class EndpointRoutesDisableLocalNodeRoute implements StartupRule {

  @Override
  public String id() {
    return "cilium/endpoint-routes-disable-local-node-route";
  }

  @Override
  public MessageKind kind() {
    return MessageKind.OVERRIDE;
  }

  @Override
  public String citation() {
    return "daemon/cmd/daemon_main.go initEnv (debug log only; confirmed @002c6fff)";
  }

  @Override
  public Optional<RuleOutcome> evaluate(RuleInput in) {
    var s = in.settings();
    return s.endpointRoutes() && s.localNodeRoute()
        ? Optional.of(RuleOutcome.overridesSilently(
            "enable-endpoint-routes=true makes the agent set enable-local-node-route=false: no <own pod CIDR> route via "
                + "cilium_host, one route per endpoint instead",
            in.where(ENABLE_LOCAL_NODE_ROUTE, ENABLE_ENDPOINT_ROUTES), Map.of(ENABLE_LOCAL_NODE_ROUTE, false)))
        : Optional.empty();
  }
}
