package dev.podpath.ingest.frr;

/** The FRR CLI nodes podpath distinguishes, with their parents (lib/command.h node_parent). */
enum CliNode {
  /** Outside configuration mode (after a top-level `exit`): only `configure` works. */
  ENABLE(null),
  CONFIG(null),
  VRF(CONFIG),
  INTERFACE(CONFIG),
  LINE_VTY(CONFIG),
  ROUTE_MAP(CONFIG),
  ROUTER_BGP(CONFIG),
  BGP_IPV4(ROUTER_BGP),
  BGP_IPV6(ROUTER_BGP),
  BGP_EVPN(ROUTER_BGP),
  /** An address family podpath does not model (vpn, multicast, flowspec...): lines skipped. */
  BGP_AF_OTHER(ROUTER_BGP);

  final CliNode parent;

  CliNode(CliNode parent) {
    this.parent = parent;
  }
}
