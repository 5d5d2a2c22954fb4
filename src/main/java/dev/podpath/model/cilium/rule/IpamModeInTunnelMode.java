package dev.podpath.model.cilium.rule;

import static dev.podpath.ingest.cilium.AgentFlag.*;

import dev.podpath.ingest.cilium.CiliumVersion;
import dev.podpath.model.cilium.MessageKind;
import java.util.Optional;

/**
 * An IPAM mode that cannot work with tunnelling. Which mode the agent checks differs by version:
 * ENI in the 1.18-era daemon_main.go (@002c6fff, confirmed), multi-pool in the 1.16-era one
 * (research notes; UNCONFIRMED for 1.16/1.17).
 */
public final class IpamModeInTunnelMode implements StartupRule {

  @Override
  public String id() {
    return "cilium/ipam-mode-in-tunnel-mode";
  }

  @Override
  public MessageKind kind() {
    return MessageKind.FATAL;
  }

  @Override
  public String citation() {
    return "daemon/cmd/daemon_main.go initEnv (1.18: eni, confirmed @002c6fff; 1.16/1.17: multi-pool, UNCONFIRMED)";
  }

  static String refusedMode(CiliumVersion version) {
    return version.atLeast(CiliumVersion.V1_18) ? "eni" : "multi-pool";
  }

  @Override
  public Optional<RuleOutcome> evaluate(RuleInput in) {
    var s = in.settings();
    if (!s.tunnelingEnabled() || !s.ipamMode().equals(refusedMode(in.version()))) {
      return Optional.empty();
    }
    return Optional.of(RuleOutcome.says("Cannot specify IPAM mode " + s.ipamMode() + " in tunnel mode.", in.where(IPAM, ROUTING_MODE)));
  }
}
