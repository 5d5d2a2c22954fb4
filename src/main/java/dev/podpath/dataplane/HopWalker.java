package dev.podpath.dataplane;

import dev.podpath.core.SourceRef;
import dev.podpath.core.net.IpAddr;
import dev.podpath.dataplane.Arrival.FromNetwork;
import dev.podpath.dataplane.Arrival.FromPod;
import dev.podpath.dataplane.Arrival.LocalOut;
import dev.podpath.dataplane.HopResult.Delivered;
import dev.podpath.dataplane.HopResult.Ended;
import dev.podpath.dataplane.HopResult.Next;
import dev.podpath.model.routing.KernelRoute;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * Hop by hop: what each host does with a packet depending on how it arrived (from a pod, from a
 * local socket, from a link), which program or table decides, and where it goes next.
 */
final class HopWalker {

  /** The kernel's default hop limit; a path longer than this is a loop. */
  static final int MAX_HOPS = 64;

  private final WalkState st;
  private final DatapathSettings s;
  private final ForwardingTables t;
  private final Endpoints eps;
  private final NorthSouth northSouth;
  private final KernelChecks checks;

  HopWalker(WalkState st) {
    this.st = st;
    this.s = st.s;
    this.t = st.t;
    this.eps = st.eps;
    this.northSouth = new NorthSouth(st, this);
    this.checks = new KernelChecks(st);
  }

  HopResult hops(String host, Arrival arrival, Packet p) {
    Set<String> seen = new HashSet<>();
    for (int hop = 0; ; hop++) {
      if (hop >= MAX_HOPS || !seen.add(host + "|" + arrival + "|" + p)) {
        st.add(host, Step.Kind.DROP, "walk", hop >= MAX_HOPS ? "hop limit " + MAX_HOPS + " reached"
            : "packet is back at " + host + " with the same header: routing loop", p, p, SourceRef.NONE);
        return new Ended(host, Disposition.LOOP);
      }
      HopResult r = atHost(host, arrival, p);
      if (r instanceof Next n) {
        host = n.host();
        arrival = new FromNetwork(n.iface());
        p = n.packet();
        continue;
      }
      return r;
    }
  }

  private HopResult atHost(String host, Arrival arrival, Packet p) {
    boolean nodePortReversed = false;
    if (st.dir == Direction.REPLY) {
      Packet q = reverseAt(host, p);
      nodePortReversed = !q.equals(p) && t.runsCilium(host) && s.kubeProxyReplacement()
          && st.nat.stream().anyMatch(e -> e.host().equals(host) && e.kind() == NatEntry.Kind.NODEPORT_DNAT);
      p = q;
    }
    if (arrival instanceof FromPod) {
      return fromPod(host, p);
    }
    if (arrival instanceof LocalOut) {
      if (t.owns(host, p.dst())) {
        return deliverHost(host, p, "kernel FIB local", p.dst() + " is a local address");
      }
      return kernelRoute(host, "main", p, null);
    }
    String iface = ((FromNetwork) arrival).iface();
    if (t.runsCilium(host)) {
      if (nodePortReversed) {
        // cilium bpf/lib/nodeport.h: reverse NodePort translation, then bpf_fib_lookup + redirect back out.
        return bpfFib(host, p, "bpf_host from-netdev " + iface + " (nodeport rev-NAT, fib_lookup)");
      }
      HopResult ns = northSouth.handle(host, iface, p);
      if (ns != null) {
        return ns;
      }
      Optional<Endpoints.Pod> pod = st.localPod(host, p.dst());
      if (pod.isPresent()) {
        if (s.bpfHostRouting()) {
          // cilium bpf/bpf_host.c handle_ipv6_cont: with ENABLE_HOST_ROUTING, lookup_ip6_endpoint ->
          // ipv6_local_delivery straight from the native device; the kernel FIB is not consulted.
          st.add(host, Step.Kind.ROUTE, "bpf_host from-netdev " + iface,
              "lookup_ip" + WalkState.fam(p) + "_endpoint: local endpoint " + pod.get().name()
                  + " -> local delivery (BPF host routing, kernel FIB bypassed)", p, p,
              s.where(DatapathSettings.HOST_LEGACY_ROUTING));
          return deliverPod(host, pod.get(), p);
        }
        // bpf_host.c handle_ipv6_cont: #ifndef ENABLE_HOST_ROUTING, if (!from_host) return CTX_ACT_OK.
        st.add(host, Step.Kind.ROUTE, "bpf_host from-netdev " + iface,
            "legacy host routing: CTX_ACT_OK, the kernel routes the packet to the local endpoint", p, p,
            s.where(DatapathSettings.HOST_LEGACY_ROUTING));
      }
    }
    // rp_filter runs in the kernel's input route lookup (fib_validate_source), for local and forwarded packets.
    HopResult denied = checks.rpFilter(host, iface, p);
    if (denied != null) {
      return denied;
    }
    if (t.owns(host, p.dst())) {
      return deliverHost(host, p, "kernel FIB local", p.dst() + " is a local address");
    }
    return kernelRoute(host, t.tableOf(host, iface), p, iface);
  }

  /** bpf_lxc from-container after service translation: local delivery, BPF FIB, or the stack. */
  private HopResult fromPod(String host, Packet p) {
    String actor = "bpf_lxc from-container";
    if (s.endpointRouting() || s.bpfHostRouting()) {
      // cilium bpf/bpf_lxc.c handle_ipv6_from_lxc: if ENABLE_ROUTING || ENABLE_HOST_ROUTING,
      // lookup_ip6_endpoint: local endpoint -> ipv6_local_delivery; host endpoint -> the host stack.
      Optional<Endpoints.Pod> pod = st.localPod(host, p.dst());
      if (pod.isPresent()) {
        st.add(host, Step.Kind.ROUTE, actor, "lookup_ip" + WalkState.fam(p) + "_endpoint: local endpoint " + pod.get().name()
            + " -> local delivery (kernel FIB not consulted)", p, p, s.where(DatapathSettings.ENDPOINT_ROUTES));
        return deliverPod(host, pod.get(), p);
      }
      if (t.owns(host, p.dst())) {
        st.add(host, Step.Kind.ROUTE, actor, "lookup_ip" + WalkState.fam(p) + "_endpoint: host endpoint -> to the host stack",
            p, p, s.where(DatapathSettings.ENDPOINT_ROUTES));
        return deliverHost(host, p, "host stack", p.dst() + " is a local address");
      }
    }
    if (s.bpfHostRouting()) {
      // bpf_lxc.c handle_ipv6_from_lxc: is_defined(ENABLE_HOST_ROUTING) => fib_redirect_v6 (bpf_fib_lookup).
      return bpfFib(host, p, actor + " (fib_redirect_v" + WalkState.fam(p) + ")");
    }
    // bpf_lxc.c handle_ipv6_from_lxc: goto pass_to_stack => CTX_ACT_OK, the kernel forwards it.
    st.add(host, Step.Kind.ROUTE, actor, "pass_to_stack (legacy host routing): the kernel routes the packet", p, p,
        s.where(DatapathSettings.HOST_LEGACY_ROUTING));
    if (t.owns(host, p.dst())) {
      return deliverHost(host, p, "kernel FIB local", p.dst() + " is a local address");
    }
    return kernelRoute(host, "main", p, "lxc");
  }

  /** A FIB lookup done by a BPF program (bpf_fib_lookup): failures are Hubble's FIB_LOOKUP_FAILED. */
  HopResult bpfFib(String host, Packet p, String actor) {
    Optional<KernelRoute> r = t.lookup(host, "main", p.dst());
    if (r.isEmpty()) {
      // cilium bpf/lib/fib.h fib_redirect: lookup failure => DROP_NO_FIB (Hubble FIB_LOOKUP_FAILED).
      st.add(host, Step.Kind.DROP, actor, "bpf_fib_lookup: no route to " + p.dst() + " in table main", p, p, SourceRef.NONE);
      return new Ended(host, Disposition.FIB_LOOKUP_FAILED);
    }
    KernelRoute route = r.get();
    if (route.type() == KernelRoute.Type.LOCAL) {
      return deliverHost(host, p, "kernel FIB local", p.dst() + " is a local address");
    }
    if (route.type() != KernelRoute.Type.UNICAST) {
      st.add(host, Step.Kind.DROP, actor, "bpf_fib_lookup: " + RouteText.describe(route) + " => DROP_NO_FIB", p, p, route.where());
      return new Ended(host, Disposition.FIB_LOOKUP_FAILED);
    }
    st.add(host, Step.Kind.ROUTE, actor, "bpf_fib_lookup (kernel FIB main): " + RouteText.describe(route) + shadowNote(host, p, route),
        p, p, route.where());
    return egress(host, route, p);
  }

  /** The kernel's own routing of a packet: from a local socket (inIface null) or forwarded. */
  HopResult kernelRoute(String host, String table, Packet p, String inIface) {
    String actor = "kernel FIB " + table;
    Optional<KernelRoute> r = t.lookup(host, table, p.dst());
    if (r.isEmpty()) {
      st.add(host, Step.Kind.DROP, actor, "no route to " + p.dst(), p, p, SourceRef.NONE);
      return new Ended(host, Disposition.NO_ROUTE);
    }
    KernelRoute route = r.get();
    switch (route.type()) {
      case LOCAL:
        return deliverHost(host, p, actor, RouteText.describe(route));
      case BLACKHOLE:
      case UNREACHABLE:
      case PROHIBIT:
        st.add(host, Step.Kind.DROP, actor, RouteText.describe(route), p, p, route.where());
        return new Ended(host, Disposition.NULL_ROUTED);
      default:
        break;
    }
    st.add(host, Step.Kind.ROUTE, actor, RouteText.describe(route) + shadowNote(host, p, route), p, p, route.where());
    if (inIface != null) {
      HopResult denied = checks.forwardingOff(host, p);
      if (denied != null) {
        return denied;
      }
    }
    return egress(host, route, p);
  }

  /** After a route is chosen: into Cilium's own device, or out of a link (masquerade, neighbour). */
  private HopResult egress(String host, KernelRoute route, Packet p) {
    String device = RouteText.device(route);
    KernelRoute.NextHop nh = route.nextHops().isEmpty() ? null : route.nextHops().get(0);
    IpAddr gw = nh == null ? null : nh.gateway();
    if (device != null && (device.equals("cilium_host") || device.equals("cilium_net") || device.startsWith("lxc"))) {
      // cilium bpf/bpf_host.c handle_ipv6_cont (from_host, cilium_host egress): lookup_ip6_endpoint ->
      // ipv6_local_delivery; anything else is not Cilium's to deliver (DROP_UNROUTABLE for world).
      String actor = "bpf_host from-host (cilium_host)";
      Optional<Endpoints.Pod> pod = st.localPod(host, p.dst());
      if (pod.isPresent()) {
        st.add(host, Step.Kind.ROUTE, actor, "lookup_ip" + WalkState.fam(p) + "_endpoint: local endpoint " + pod.get().name()
            + " -> local delivery", p, p, route.where());
        return deliverPod(host, pod.get(), p);
      }
      boolean known = eps.pod(p.dst()).isPresent() || t.ownerOf(p.dst()).map(t::runsCilium).orElse(false);
      if (known) {
        // bpf_host.c handle_ipv6_cont: a known (ipcache) destination => CTX_ACT_OK; it re-enters the stack
        // through cilium_net and the same route sends it back to cilium_host.
        st.add(host, Step.Kind.DROP, actor, p.dst() + " is no local endpoint of " + host
            + ": CTX_ACT_OK, the kernel routes it into cilium_host again (loop)", p, p, route.where());
        return new Ended(host, Disposition.LOOP);
      }
      // bpf_host.c handle_ipv6_cont: no ipcache entry / world identity => DROP_UNROUTABLE.
      st.add(host, Step.Kind.DROP, actor, p.dst() + " is no local endpoint and unknown to the ipcache (DROP_UNROUTABLE)",
          p, p, route.where());
      return new Ended(host, Disposition.STALE_OR_UNROUTABLE_IP);
    }
    if (st.dir == Direction.REQUEST) {
      Optional<Masquerade.Decision> m = st.masquerade.decide(host, device, p);
      if (m.isPresent()) {
        Masquerade.Decision d = m.get();
        st.addStep(d.step());
        if (d.translated()) {
          String rev = d.step().actor().startsWith("bpf_host")
              ? "bpf_host from-netdev (snat_v" + WalkState.fam(p) + "_rev_nat)" : "conntrack (iptables MASQUERADE undone)";
          st.nat.add(new NatEntry(host, NatEntry.Kind.SNAT, p, d.after(), d.step().actor(), rev, d.step().where()));
          p = d.after();
        }
      }
    }
    IpAddr target = gw != null ? gw : p.dst();
    String via = (gw != null ? "via " + gw + " " : "") + "dev " + device;
    ForwardingTables.Neighbor nb = t.neighbor(host, device, target);
    if (nb instanceof ForwardingTables.Neighbor.Host h) {
      st.add(host, Step.Kind.FORWARD, "link " + device, via + " -> " + h.host() + " (" + h.iface() + ")", p, p, route.where());
      return new Next(h.host(), h.iface(), p);
    }
    if (nb instanceof ForwardingTables.Neighbor.Outside o) {
      st.add(host, Step.Kind.EXIT, "link " + device, via + ": leaves the model towards " + o.description(), p, p, route.where());
      return new Ended(host, Disposition.EXITS_NETWORK);
    }
    st.add(host, Step.Kind.DROP, "neighbour discovery on " + device, via + ": nobody on the link owns " + target, p, p,
        route.where());
    return new Ended(host, Disposition.NEIGHBOR_UNREACHABLE);
  }

  HopResult deliverPod(String host, Endpoints.Pod pod, Packet p) {
    if (st.dir == Direction.REPLY) {
      for (NatEntry e : st.nat) {
        if (e.host().equals(host) && e.kind() == NatEntry.Kind.LXC_CT && p.src().equals(e.after().dst())
            && p.srcPort() == e.after().dstPort()) {
          // cilium bpf/bpf_lxc.c ipv6_policy: CT_REPLY && rev_nat_index => lb6_rev_nat.
          Packet back = p.withSrc(e.before().dst(), e.before().dstPort());
          st.add(host, Step.Kind.REVERSE_NAT, "bpf_lxc to-container (ipv" + WalkState.fam(p) + "_policy)",
              "CT reply with rev_nat_index: lb" + WalkState.fam(p) + "_rev_nat restores the service address", p, back, e.where());
          p = back;
        }
      }
    }
    st.add(host, Step.Kind.DELIVER, "bpf_lxc to-container", "delivered to pod " + pod.name(), p, p, SourceRef.NONE);
    return new Delivered(host, pod, p);
  }

  HopResult deliverHost(String host, Packet p, String actor, String rule) {
    st.add(host, Step.Kind.DELIVER, actor, rule + ": delivered to " + host + "'s stack", p, p, SourceRef.NONE);
    return new Delivered(host, null, p);
  }

  /** Translation state on this host that the reply undoes (conntrack, BPF NAT maps). */
  private Packet reverseAt(String host, Packet p) {
    Packet q = p;
    for (NatEntry e : st.nat) {
      if (!e.host().equals(host)) {
        continue;
      }
      if (e.kind() == NatEntry.Kind.SNAT && q.dst().equals(e.after().src()) && q.dstPort() == e.after().srcPort()) {
        Packet back = q.withDst(e.before().src(), e.before().srcPort());
        st.add(host, Step.Kind.REVERSE_NAT, e.reverseActor(), "reply to the translated source: destination restored",
            q, back, e.where());
        q = back;
      }
    }
    for (NatEntry e : st.nat) {
      if (e.host().equals(host) && (e.kind() == NatEntry.Kind.IPTABLES_DNAT || e.kind() == NatEntry.Kind.NODEPORT_DNAT)
          && q.src().equals(e.after().dst()) && q.srcPort() == e.after().dstPort()) {
        Packet back = q.withSrc(e.before().dst(), e.before().dstPort());
        st.add(host, Step.Kind.REVERSE_NAT, e.reverseActor(), "reply from the backend: service address restored",
            q, back, e.where());
        q = back;
      }
    }
    return q;
  }

  /** DSR: the backend's node puts the service address back as the reply's source. */
  Packet dsrReverse(String host, boolean fromPod, Packet r) {
    for (NatEntry e : st.nat) {
      if (e.host().equals(host) && e.kind() == NatEntry.Kind.DSR && r.src().equals(e.after().dst())
          && r.srcPort() == e.after().dstPort()) {
        Packet back = r.withSrc(e.before().dst(), e.before().dstPort());
        st.add(host, Step.Kind.REVERSE_NAT, fromPod ? "bpf_lxc from-container (CT node_port => nodeport rev-DNAT)"
            : "bpf_host to-netdev (nodeport rev-DNAT)", "DSR reply: source rewritten to the service address", r, back,
            e.where());
        return back;
      }
    }
    return r;
  }

  /** Warns when a route for a local pod does not lead to cilium_host: a daemon's route shadows Cilium's. */
  private String shadowNote(String host, Packet p, KernelRoute route) {
    if (!t.runsCilium(host) || st.localPod(host, p.dst()).isEmpty()) {
      return "";
    }
    String dev = RouteText.device(route);
    return dev != null && !dev.startsWith("cilium_") && !dev.startsWith("lxc")
        ? " [local pod " + p.dst() + " routed away from cilium_host: this route shadows Cilium's]" : "";
  }
}
