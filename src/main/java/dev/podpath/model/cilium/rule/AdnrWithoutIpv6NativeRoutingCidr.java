package dev.podpath.model.cilium.rule;

import dev.podpath.core.net.IpPrefix;
import dev.podpath.model.cilium.AgentSettings;

/** ADNR with IPv6 but no IPv6 native routing CIDR: pod-to-pod traffic may be masqueraded. */
public final class AdnrWithoutIpv6NativeRoutingCidr extends AdnrWithoutNativeRoutingCidr {

  public AdnrWithoutIpv6NativeRoutingCidr() {
    super("ipv6");
  }

  @Override
  boolean familyEnabled(AgentSettings s) {
    return s.ipv6();
  }

  @Override
  IpPrefix nativeRoutingCidr(AgentSettings s) {
    return s.ipv6NativeRoutingCidr();
  }
}
