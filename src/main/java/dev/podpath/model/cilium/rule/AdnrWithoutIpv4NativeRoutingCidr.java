package dev.podpath.model.cilium.rule;

import dev.podpath.core.net.IpPrefix;
import dev.podpath.model.cilium.AgentSettings;

/** ADNR with IPv4 but no IPv4 native routing CIDR: pod-to-pod traffic may be masqueraded. */
public final class AdnrWithoutIpv4NativeRoutingCidr extends AdnrWithoutNativeRoutingCidr {

  public AdnrWithoutIpv4NativeRoutingCidr() {
    super("ipv4");
  }

  @Override
  boolean familyEnabled(AgentSettings s) {
    return s.ipv4();
  }

  @Override
  IpPrefix nativeRoutingCidr(AgentSettings s) {
    return s.ipv4NativeRoutingCidr();
  }
}
