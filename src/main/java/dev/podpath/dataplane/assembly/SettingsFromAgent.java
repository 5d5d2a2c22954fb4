package dev.podpath.dataplane.assembly;

import dev.podpath.core.SourceRef;
import dev.podpath.dataplane.DatapathSettings;
import dev.podpath.dataplane.LbMode;
import dev.podpath.ingest.cilium.AgentFlag;
import dev.podpath.model.cilium.AgentSettings;
import dev.podpath.model.cilium.AgentStartupResult;
import java.util.HashMap;
import java.util.Map;

/**
 * The walk's settings from the agent's EFFECTIVE settings (after its silent overrides, e.g. the
 * fall-back to legacy host routing under iptables masquerade), each citing the line that wrote it.
 */
public final class SettingsFromAgent {

  private SettingsFromAgent() {}

  public static DatapathSettings of(AgentStartupResult agent) {
    AgentSettings e = agent.effective();
    Map<String, SourceRef> sources = new HashMap<>();
    for (AgentFlag f : AgentFlag.values()) {
      SourceRef where = agent.config().flag(f).source().where();
      if (where.isKnown()) {
        sources.put(f.key(), where);
      }
    }
    return new DatapathSettings(
        e.kubeProxyReplacement(),
        e.socketLb(),
        e.socketLbHostnsOnly(),
        e.hostLegacyRouting(),
        e.endpointRoutes(),
        e.bpfMasquerade(),
        e.ipv4Masquerade(),
        e.ipv6Masquerade(),
        e.ipv4NativeRoutingCidr(),
        e.ipv6NativeRoutingCidr(),
        e.masqueradeToRouteSource(),
        switch (e.lbMode()) {
          // OTHER is an invalid mode the start-up rules already report; walk it as the default, snat
          case SNAT, OTHER -> LbMode.SNAT;
          case DSR -> LbMode.DSR;
          case HYBRID -> LbMode.HYBRID;
        },
        e.lbExternalClusterIp(),
        sources);
  }
}
