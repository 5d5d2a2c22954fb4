package dev.podpath.lab.generate;

import dev.podpath.core.net.IpAddr;
import dev.podpath.core.net.IpPrefix;
import java.util.ArrayList;
import java.util.List;

/** One side of a planned session: the speaker, its local address and its per-neighbor options. */
final class PlanEnd {
  final PlanSpeaker speaker;
  final IpAddr local;
  PlanSession session;
  NextHop nextHop = NextHop.DEFAULT;
  boolean rrClient;
  boolean allowLocalAs;
  /** bird: export only static and BGP routes ({@code export where source ~ [...]}) instead of all. */
  boolean exportStaticAndBgp;
  /** Received prefixes this end's import filter / prefix-list rejects. */
  final List<IpPrefix> importDeny = new ArrayList<>();
  /** RFC 8212 case: no inbound policy at all (FRR). */
  boolean noInPolicy;
  /** RFC 8212 case: no outbound policy at all (FRR). */
  boolean noOutPolicy;
  /** FRR with no bgp default ipv4-unicast: this IPv4 neighbor is not activated. */
  boolean notActivated;

  PlanEnd(PlanSpeaker speaker, IpAddr local) {
    this.speaker = speaker;
    this.local = local;
  }

  PlanEnd other() {
    return session.a == this ? session.b : session.a;
  }

  boolean ibgp() {
    return speaker.asn == other().speaker.asn;
  }
}
