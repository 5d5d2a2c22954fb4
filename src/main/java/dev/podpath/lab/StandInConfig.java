package dev.podpath.lab;

import java.time.Duration;

/**
 * Renders the gobgpd TOML that plays cilium-agent's embedded GoBGP for one node. Every choice
 * mirrors what Cilium sets through GoBGP's API; differences are listed in docs/lab.md.
 */
final class StandInConfig {

  private StandInConfig() {}

  static String toml(LabSpeaker s, Duration connectRetry) {
    StringBuilder b = new StringBuilder();
    b.append("# podpath lab: stand-in for cilium-agent's BGP speaker on node ").append(s.host()).append('\n');
    b.append("[global.config]\n");
    b.append("  as = ").append(s.localAsn()).append('\n');
    b.append("  router-id = \"").append(s.routerId()).append("\"\n");
    // cilium pkg/bgpv1/gobgp/server.go NewGoBGPServer: ListenPort from localPort, -1 (no listener) when unset.
    b.append("  port = ").append(s.listenPort() == null ? -1 : s.listenPort()).append('\n');
    // cilium pkg/bgpv1/gobgp/server.go: global import policy rejects every path except local ones
    // ("allow-local", RouteType LOCAL), so the speaker originates but never learns routes.
    b.append("[global.apply-policy.config]\n");
    b.append("  import-policy-list = [\"allow-local\"]\n");
    b.append("  default-import-policy = \"reject-route\"\n");
    b.append("  default-export-policy = \"accept-route\"\n");
    b.append("[[policy-definitions]]\n");
    b.append("  name = \"allow-local\"\n");
    b.append("  [[policy-definitions.statements]]\n");
    b.append("    name = \"allow-local\"\n");
    b.append("    [policy-definitions.statements.conditions.bgp-conditions]\n");
    b.append("      route-type = \"local\"\n");
    b.append("    [policy-definitions.statements.actions]\n");
    b.append("      route-disposition = \"accept-route\"\n");
    for (LabSpeakerPeer p : s.peers()) {
      b.append("[[neighbors]]\n");
      b.append("  [neighbors.config]\n");
      b.append("    neighbor-address = \"").append(p.address()).append("\"\n");
      b.append("    peer-as = ").append(p.asn()).append('\n');
      b.append("  [neighbors.transport.config]\n");
      b.append("    remote-port = ").append(p.port()).append('\n');
      if (p.localAddress() != null) {
        b.append("    local-address = \"").append(p.localAddress()).append("\"\n");
      }
      if (p.ebgpMultihopTtl() > 1) {
        // cilium-facts §4.1: ebgpMultihop 1 = multihop disabled; more enables it with that TTL.
        b.append("  [neighbors.ebgp-multihop.config]\n");
        b.append("    enabled = true\n");
        b.append("    multihop-ttl = ").append(p.ebgpMultihopTtl()).append('\n');
      }
      // cilium bgp_peer_types.go defaults: hold 90 s, keepalive 30 s; connect retry 120 s is
      // shortened for the lab (when a session comes up, not whether). server.go: idle hold 5 s.
      b.append("  [neighbors.timers.config]\n");
      b.append("    connect-retry = ").append(Math.max(1, connectRetry.toSeconds())).append('\n');
      b.append("    hold-time = 90\n");
      b.append("    keepalive-interval = 30\n");
      b.append("    idle-hold-time-after-reset = 5\n");
      // cilium server.go defaultSafiAfi: IPv4 and IPv6 unicast when the peer config names no family.
      for (String family : new String[] {"ipv4-unicast", "ipv6-unicast"}) {
        b.append("  [[neighbors.afi-safis]]\n");
        b.append("    [neighbors.afi-safis.config]\n");
        b.append("      afi-safi-name = \"").append(family).append("\"\n");
      }
    }
    return b.toString();
  }
}
