package dev.podpath.model.cilium.rule;

import static dev.podpath.ingest.cilium.AgentFlag.*;

import dev.podpath.model.cilium.MessageKind;
import dev.podpath.ingest.cilium.AgentFlag;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Masquerading of a family that is disabled is dropped. */
public final class MasqueradeFollowsIpFamily implements StartupRule {

  @Override
  public String id() {
    return "cilium/masquerade-follows-ip-family";
  }

  @Override
  public MessageKind kind() {
    return MessageKind.OVERRIDE;
  }

  @Override
  public String citation() {
    return "pkg/option/config.go (*DaemonConfig).Populate: EnableIPv4Masquerade = enable-ipv4-masquerade && EnableIPv4 (same for IPv6; confirmed @8e7499ee)";
  }

  @Override
  public Optional<RuleOutcome> evaluate(RuleInput in) {
    var s = in.settings();
    Map<AgentFlag, Object> changes = new EnumMap<>(AgentFlag.class);
    List<String> why = new ArrayList<>();
    if (s.ipv4Masquerade() && !s.ipv4()) {
      changes.put(ENABLE_IPV4_MASQUERADE, false);
      why.add("enable-ipv4-masquerade=true has no effect because IPv4 is disabled");
    }
    if (s.ipv6Masquerade() && !s.ipv6()) {
      changes.put(ENABLE_IPV6_MASQUERADE, false);
      why.add("enable-ipv6-masquerade=true has no effect because IPv6 is disabled");
    }
    if (changes.isEmpty()) {
      return Optional.empty();
    }
    AgentFlag first = changes.keySet().iterator().next();
    return Optional.of(RuleOutcome.overridesSilently(String.join("; ", why), in.where(first), changes));
  }
}
