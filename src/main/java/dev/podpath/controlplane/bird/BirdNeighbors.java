package dev.podpath.controlplane.bird;

import dev.podpath.controlplane.spi.AddressFamily;
import dev.podpath.controlplane.spi.BgpNeighborConfig;
import dev.podpath.core.net.IpAddr;
import dev.podpath.ingest.bird.BgpProtocol;
import dev.podpath.ingest.bird.Channel;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** BIRD `protocol bgp` blocks as the engine's neighbor configs, with BIRD's defaults applied. */
final class BirdNeighbors {

  // proto/bgp/bgp.h BGP_PORT
  static final int BGP_PORT = 179;

  private BirdNeighbors() {}

  static List<BgpNeighborConfig> of(DaemonEnv env) {
    List<BgpNeighborConfig> out = new ArrayList<>();
    for (BgpProtocol b : env.config.protocols(BgpProtocol.class)) {
      if (b.disabled()) {
        env.finding(dev.podpath.core.Finding.info("bird/protocol-disabled",
            "protocol " + b.name() + " is `disabled`: BIRD does not start its session", b.where()));
        continue;
      }
      if (b.neighborRange() != null) {
        env.warn("input/unsupported-line", "protocol " + b.name() + ": dynamic BGP (`neighbor range`) is not modelled; "
            + "its sessions are not simulated", b.line("neighbor"));
        continue;
      }
      IpAddr n = b.neighborAddress();
      int multihop = DaemonEnv.multihop(b);
      if (multihop == 0 && n.isLoopback()) {
        // nest/neighbor.c neigh_find: host-scope addresses give no neighbor; bgp.c bgp_start_locked logs
        // "Invalid remote address" and disables the protocol (lab-notes.md; BIRD 2.0.12..2.18 alike)
        env.error("bgp/invalid-remote-address", "protocol " + b.name() + ": neighbor " + n + " is a host-scope (loopback) address "
            + "and the session is single-hop (no `multihop`); BIRD disables the protocol at start "
            + "(\"Invalid remote address " + n + "\", shown as \"Error: Invalid next hop\") [rule of BIRD "
            + env.config.version().label() + "]", b.line("neighbor"));
        continue;
      }
      if (multihop == 0 && !env.knowsInterfaces) {
        // bgp.c bgp_start_locked: a single-hop session waits for its neighbor to appear on an interface;
        // lab 2026-11-26: without `protocol device` it stays "start Idle" forever
        env.error("bgp/no-device-protocol", "protocol " + b.name() + " is single-hop but the config has no `protocol device`: "
            + "BIRD learns no interfaces, so " + n + " never becomes a neighbor and the session stays Idle", b.line("neighbor"));
        continue;
      }
      Set<AddressFamily> fams = new LinkedHashSet<>();
      for (Channel c : b.channels()) {
        if (c.nettype().equals("ipv4")) {
          fams.add(AddressFamily.IPV4_UNICAST);
        } else if (c.nettype().equals("ipv6")) {
          fams.add(AddressFamily.IPV6_UNICAST);
        }
      }
      BgpNeighborConfig.PeerAs peerAs;
      if (b.remoteAs() != null && b.remoteAs() != 0) {
        peerAs = new BgpNeighborConfig.PeerAs.Exact(b.remoteAs());
      } else if (b.peerType() == BgpProtocol.PeerType.INTERNAL) {
        peerAs = new BgpNeighborConfig.PeerAs.Internal();
      } else {
        peerAs = new BgpNeighborConfig.PeerAs.External();
      }
      IpAddr local = b.localAddress() != null ? b.localAddress() : b.sourceAddress();
      String iface = b.interfaceName() != null ? b.interfaceName() : b.neighborInterface();
      out.add(new BgpNeighborConfig(b.name(), null, b.localAs(), peerAs, n,
          b.neighborPort() != null ? b.neighborPort() : BGP_PORT, local,
          true, Boolean.TRUE.equals(b.passive()),
          // multihop 0 (`direct`) = TTL 1 and the neighbor must be on a connected subnet
          multihop == 0 ? 1 : multihop, multihop == 0, iface, digest(b.password()), fams, b.line("neighbor")));
    }
    return out;
  }

  /** `local ... port N` is the port BIRD listens on for this protocol (default 179). */
  static int listenPort(DaemonEnv env, String neighborId) {
    return env.config.protocol(neighborId).filter(BgpProtocol.class::isInstance).map(BgpProtocol.class::cast)
        .map(b -> b.localPort() != null ? b.localPort() : BGP_PORT).orElse(BGP_PORT);
  }

  static String digest(String password) {
    if (password == null) {
      return null;
    }
    try {
      byte[] d = MessageDigest.getInstance("SHA-256").digest(password.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(d);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
