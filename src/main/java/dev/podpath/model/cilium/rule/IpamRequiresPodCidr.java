package dev.podpath.model.cilium.rule;

import static dev.podpath.ingest.cilium.AgentFlag.*;

import dev.podpath.model.cilium.MessageKind;
import dev.podpath.ingest.cilium.AgentFlag;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/** With IPAM kubernetes or cluster-pool the agent requires a pod CIDR per enabled family. */
public final class IpamRequiresPodCidr implements StartupRule {

  @Override
  public String id() {
    return "cilium/ipam-requires-pod-cidr";
  }

  @Override
  public MessageKind kind() {
    return MessageKind.OVERRIDE;
  }

  @Override
  public String citation() {
    return "pkg/option/config.go (*DaemonConfig).Populate: IPAM kubernetes/cluster-pool sets K8sRequireIPv{4,6}PodCIDR (confirmed @8e7499ee, 1.16/1.17-era; 1.18 UNCONFIRMED)";
  }

  @Override
  public Optional<RuleOutcome> evaluate(RuleInput in) {
    var s = in.settings();
    if (!s.ipamMode().equals("kubernetes") && !s.ipamMode().equals("cluster-pool")) {
      return Optional.empty();
    }
    Map<AgentFlag, Object> changes = new EnumMap<>(AgentFlag.class);
    if (s.ipv4() && !s.requireIpv4PodCidr()) {
      changes.put(K8S_REQUIRE_IPV4_POD_CIDR, true);
    }
    if (s.ipv6() && !s.requireIpv6PodCidr()) {
      changes.put(K8S_REQUIRE_IPV6_POD_CIDR, true);
    }
    if (changes.isEmpty()) {
      return Optional.empty();
    }
    String flags = String.join(" and ", changes.keySet().stream().map(f -> f.key() + "=true").toList());
    return Optional.of(RuleOutcome.overridesSilently(
        "ipam=" + s.ipamMode() + " makes the agent wait for the Node's pod CIDR: " + flags,
        in.where(changes.keySet().iterator().next(), IPAM), changes));
  }
}
