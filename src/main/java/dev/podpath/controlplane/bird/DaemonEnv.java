package dev.podpath.controlplane.bird;

import dev.podpath.controlplane.spi.HostView;
import dev.podpath.core.Finding;
import dev.podpath.core.SourceRef;
import dev.podpath.core.net.IpAddr;
import dev.podpath.ingest.bird.BgpProtocol;
import dev.podpath.ingest.bird.BirdConfig;
import dev.podpath.ingest.bird.Channel;
import dev.podpath.ingest.bird.Protocol;
import java.util.ArrayList;
import java.util.List;

/** What the parts of the simulated daemon share during one computation. */
final class DaemonEnv {

  final String host;
  final BirdConfig config;
  final HostView view;
  final IpAddr routerId;
  final FilterInterpreter filters;
  final List<Finding> findings = new ArrayList<>();
  java.util.function.Function<SourceRef, String> lines = w -> "";

  String lineText(SourceRef w) {
    return lines.apply(w);
  }

  /** Whether an enabled `protocol device` exists: without it BIRD learns no interfaces (BIRD manual "Device"). */
  final boolean knowsInterfaces;

  DaemonEnv(String host, BirdConfig config, HostView view, IpAddr routerId) {
    this.host = host;
    this.config = config;
    this.knowsInterfaces = config.protocols(dev.podpath.ingest.bird.DeviceProtocol.class).stream().anyMatch(d -> !d.disabled());
    // lab 2026-11-26 (pp-bird-2 without `protocol device`): the single-hop session stays "start Idle", the multihop one
    // comes up; BIRD sees no interfaces, so nothing is connected and no device routes exist
    this.view = knowsInterfaces ? view : new NoInterfaces(view);
    this.routerId = routerId;
    this.filters = new FilterInterpreter(config);
  }

  void finding(Finding f) {
    Finding h = f.onHost(host);
    if (!findings.contains(h)) {
      findings.add(h);
    }
  }

  void warn(String code, String message, SourceRef where) {
    finding(Finding.warning(code, message, where));
  }

  void error(String code, String message, SourceRef where) {
    finding(Finding.error(code, message, where));
  }

  /** nest/config.Y channel table default: the first table of the nettype, master4/master6. */
  static String table(Channel c) {
    return c.table() != null ? c.table() : c.v6() ? "master6" : "master4";
  }

  /** bgp_postconfig: `internal` without a number means the local AS; iBGP iff the ASNs are equal. */
  static boolean internal(BgpProtocol b) {
    Long remote = b.remoteAs();
    if ((remote == null || remote == 0) && b.peerType() == BgpProtocol.PeerType.INTERNAL) {
      return true;
    }
    return remote != null && remote.equals(b.localAs());
  }

  /** bgp_postconfig: "EBGP direct by default, IBGP multihop by default" (multihop 64). */
  static int multihop(BgpProtocol b) {
    return b.multihop() != null ? b.multihop() : internal(b) ? 64 : 0;
  }

  /** bgp_postconfig: gateway direct for single-hop sessions, recursive for multihop. */
  static Channel.Gateway gateway(BgpProtocol b, Channel c) {
    return c.gateway() != null ? c.gateway() : multihop(b) > 0 ? Channel.Gateway.RECURSIVE : Channel.Gateway.DIRECT;
  }

  /** The host as BIRD sees it without a device protocol: no interfaces, kernel routes only. */
  private record NoInterfaces(HostView inner) implements HostView {
    @Override
    public String host() {
      return inner.host();
    }

    @Override
    public List<HostView.Interface> interfaces() {
      return List.of();
    }

    @Override
    public List<dev.podpath.model.routing.KernelRoute> kernelRoutes() {
      return inner.kernelRoutes();
    }

    @Override
    public java.util.Optional<HostView.Interface> connectedInterface(IpAddr a, String vrf) {
      return java.util.Optional.empty();
    }

    @Override
    public boolean isLocalAddress(IpAddr a) {
      return false;
    }
  }

  /** lib/ip.h ipa_is_ip4: IPv4, or IPv4-mapped IPv6 (::ffff:a.b.c.d). */
  static boolean isIp4(IpAddr a) {
    return !a.v6() || (a.hi() == 0 && (a.lo() >>> 32) == 0xffffL);
  }

  /**
   * The table that resolves a recursive next hop: the channel's table when the families match,
   * else (extended next hop) the protocol's channel table of the next hop's family, else
   * master4/master6 (proto/bgp/bgp.c bgp_default_igp_table).
   */
  String igpTable(BirdRoute r, IpAddr nh) {
    boolean v6 = !isIp4(nh);
    if (v6 == r.prefix().v6()) {
      return r.table();
    }
    return config.protocol(r.protocol()).flatMap(p -> p.channel(v6 ? "ipv6" : "ipv4")).map(DaemonEnv::table)
        .orElse(v6 ? "master6" : "master4");
  }

  /** Default channel preferences (nest/route.h DEF_PREF_*). */
  static int defaultPreference(Protocol p) {
    return switch (p.getClass().getSimpleName()) {
      case "DirectProtocol" -> 240;
      case "StaticProtocol" -> 200;
      case "BgpProtocol" -> 100;
      default -> 10; // kernel: DEF_PREF_INHERITED for learned routes
    };
  }
}
