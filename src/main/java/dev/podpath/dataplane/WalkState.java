package dev.podpath.dataplane;

import dev.podpath.core.SourceRef;
import dev.podpath.core.net.IpAddr;
import dev.podpath.dataplane.HopResult.Ended;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What one walk knows and has done so far: its inputs, the backend it takes at a load balancer
 * ({@code choice}), the translation state each host keeps, and the steps recorded per direction.
 */
final class WalkState {

  final DatapathSettings s;
  final ForwardingTables t;
  final Endpoints eps;
  final ServiceLookup services;
  final Masquerade masquerade;
  final int choice;

  final List<NatEntry> nat = new ArrayList<>();
  final List<Step> forward = new ArrayList<>();
  final List<Step> reply = new ArrayList<>();
  Direction dir = Direction.REQUEST;
  boolean serviceTranslated;
  Service service;
  Service.Backend backend;
  /** The connection as the client's socket sees it (after bpf_sock, before any per-packet NAT). */
  Packet clientView;

  WalkState(DatapathSettings s, ForwardingTables t, ServiceTable services, Endpoints eps, int choice) {
    this.s = s;
    this.t = t;
    this.eps = eps;
    this.services = new ServiceLookup(services);
    this.masquerade = new Masquerade(s, t, eps);
    this.choice = choice;
  }

  /** Picks backend {@code choice} and records the DNAT; returns a drop result when there is no backend. */
  HopResult translate(String host, NatEntry.Kind kind, String actor, ServiceLookup.Match m, Packet p,
      String what, SourceRef where) {
    Service svc = m.service();
    serviceTranslated = true;
    service = svc;
    if (svc.backends().isEmpty()) {
      // Hubble SERVICE_BACKEND_NOT_FOUND: lb6_local returns DROP_NO_SERVICE when the service has no backend;
      // bpf/bpf_sock.c __sock6_xlate_fwd: svc->count == 0 => connect() fails with -EHOSTUNREACH.
      String what2 = kind == NatEntry.Kind.SOCKET ? " has no backends: connect() fails with -EHOSTUNREACH"
          : " has no backends (DROP_NO_SERVICE)";
      add(host, Step.Kind.DROP, actor, "service " + svc.name() + " " + m.frontend() + what2, p, p, svc.where());
      return new Ended(host, Disposition.SERVICE_BACKEND_NOT_FOUND);
    }
    int n = svc.backends().size();
    backend = svc.backends().get(choice % n);
    Packet after = p.withDst(backend.address(), backend.port());
    add(host, Step.Kind.DNAT, actor, what + ": " + svc.name() + " " + m.frontend() + " -> " + backend
        + " (backend " + (choice % n + 1) + " of " + n + ")", p, after, where.isKnown() ? where : svc.where());
    nat.add(new NatEntry(host, kind, p, after, actor, reverseActorFor(kind, p), where));
    return null;
  }

  static String reverseActorFor(NatEntry.Kind kind, Packet p) {
    return switch (kind) {
      case SOCKET -> "bpf_sock (connected socket, nothing to undo)";
      case LXC_CT -> "bpf_lxc to-container (ipv" + fam(p) + "_policy)";
      case IPTABLES_DNAT -> "conntrack (kube-proxy DNAT undone)";
      case NODEPORT_DNAT -> "bpf_host (nodeport rev-DNAT)";
      case DSR -> "nodeport rev-DNAT on the backend's node";
      case SNAT -> "conntrack (SNAT undone)";
    };
  }

  Optional<Endpoints.Pod> localPod(String host, IpAddr a) {
    return eps.pod(a).filter(pod -> pod.node().equals(host));
  }

  static String fam(Packet p) {
    return p.v6() ? "6" : "4";
  }

  Step lastStep() {
    List<Step> l = dir == Direction.REQUEST ? forward : reply;
    return l.get(l.size() - 1);
  }

  void add(String host, Step.Kind kind, String actor, String rule, Packet before, Packet after, SourceRef where) {
    addStep(new Step(dir, host, kind, actor, rule, before, after, where));
  }

  void addStep(Step step) {
    Step s2 = step.direction() == dir ? step
        : new Step(dir, step.host(), step.kind(), step.actor(), step.rule(), step.before(), step.after(), step.where());
    (dir == Direction.REQUEST ? forward : reply).add(s2);
  }
}
