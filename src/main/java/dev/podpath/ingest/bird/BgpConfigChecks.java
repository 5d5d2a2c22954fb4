package dev.podpath.ingest.bird;

import dev.podpath.core.net.IpAddr;

/**
 * The configuration checks BIRD makes on every BGP protocol after reading it
 * (CZ-NIC/bird v2.0.12 proto/bgp/bgp.c bgp_postconfig; same strings in v2.18). A failing check
 * makes `bird -p` and `birdc configure` refuse the whole file. Templates are not checked.
 */
final class BgpConfigChecks {

  private BgpConfigChecks() {}

  static void check(BgpProtocol b, ParseContext pc) {
    if (b.localAs() == null || b.localAs() == 0) {
      pc.configError(b.where(), "protocol " + b.name() + ": Local AS number must be set");
      return;
    }
    if (b.neighborAddress() == null && b.neighborRange() == null) {
      pc.configError(b.where(), "protocol " + b.name() + ": Neighbor must be configured");
      return;
    }
    // bgp_postconfig: `internal` without an AS means the local AS
    Long remote = b.remoteAs();
    if ((remote == null || remote == 0) && b.peerType() == BgpProtocol.PeerType.INTERNAL) {
      remote = b.localAs();
    }
    if ((remote == null || remote == 0) && b.peerType() == null) {
      pc.configError(b.line("neighbor"), "protocol " + b.name() + ": Remote AS number (or peer type) must be set");
      return;
    }
    boolean internal = remote != null && remote.equals(b.localAs());
    if (b.peerType() == BgpProtocol.PeerType.INTERNAL && !internal) {
      pc.configError(b.line("neighbor"), "protocol " + b.name() + ": IBGP cannot have different ASNs");
    }
    if (b.peerType() == BgpProtocol.PeerType.EXTERNAL && internal) {
      pc.configError(b.line("neighbor"), "protocol " + b.name() + ": EBGP cannot have the same ASNs");
    }
    IpAddr n = b.neighborAddress();
    boolean linkLocal = n != null && n.isLinkLocal() && n.v6();
    String iface = b.interfaceName() != null ? b.interfaceName() : b.neighborInterface();
    if (linkLocal && iface == null) {
      pc.configError(b.line("neighbor"), "protocol " + b.name() + ": Link-local addresses require defined interface");
    }
    if (b.rrClient() && !internal) {
      pc.configError(b.line("rr client"), "protocol " + b.name() + ": Only internal neighbor can be RR client");
    }
    // "EBGP direct by default, IBGP multihop by default"
    int multihop = b.multihop() != null ? b.multihop() : internal ? 64 : 0;
    if (multihop > 0 && linkLocal) {
      pc.configError(b.line("multihop"), "protocol " + b.name() + ": Multihop BGP cannot be used with link-local addresses");
    }
    if (multihop > 0 && b.interfaceName() != null) {
      pc.configError(b.line("interface"), "protocol " + b.name() + ": Multihop BGP cannot be bound to interface");
    }
    int hold = b.holdTime() != null ? b.holdTime() : 240;
    if (b.keepaliveTime() != null && b.keepaliveTime() > hold) {
      pc.configError(b.where(), "protocol " + b.name() + ": Keepalive time must be at most hold time");
    }
    for (Channel c : b.channels()) {
      // RFC 8212 in BIRD (since 2.0.1): an eBGP channel needs explicit import and export policies
      if (!internal && c.importPolicy() == null) {
        pc.configError(c.where(), "protocol " + b.name() + " channel " + c.nettype()
            + ": EBGP requires explicit import policy (BIRD reports it at the end of the protocol block)");
      }
      if (!internal && c.exportPolicy() == null) {
        pc.configError(c.where(), "protocol " + b.name() + " channel " + c.nettype()
            + ": EBGP requires explicit export policy (BIRD reports it at the end of the protocol block)");
      }
      if (multihop > 0 && c.gateway() == Channel.Gateway.DIRECT) {
        pc.configError(c.gatewayWhere(), "protocol " + b.name() + ": Multihop BGP cannot use direct gateway mode");
      }
    }
  }
}
