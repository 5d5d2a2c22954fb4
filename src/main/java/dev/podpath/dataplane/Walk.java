package dev.podpath.dataplane;

import dev.podpath.core.SourceRef;
import dev.podpath.core.net.IpAddr;
import dev.podpath.dataplane.Arrival.FromNetwork;
import dev.podpath.dataplane.Arrival.FromPod;
import dev.podpath.dataplane.Arrival.LocalOut;
import dev.podpath.dataplane.FlowSpec.Source;
import dev.podpath.dataplane.HopResult.Delivered;
import dev.podpath.dataplane.HopResult.Ended;
import dev.podpath.dataplane.HopResult.Next;
import dev.podpath.model.routing.KernelRoute;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * One path of one flow: the request from its source to delivery (choosing backend number
 * {@code choice} wherever a load balancer picks one), then the reply back to the client. Every
 * decision appends a {@link Step}; translation state is kept per host in {@link NatEntry}s so
 * the reply is translated back only where the state lives.
 */
final class Walk {

  /** The kernel's default hop limit; a path longer than this is a loop. */
  static final int MAX_HOPS = 64;

  private final DatapathSettings s;
  private final ForwardingTables t;
  private final Endpoints eps;
  private final ServiceLookup services;
  private final Masquerade masquerade;
  private final int choice;

  private final List<NatEntry> nat = new ArrayList<>();
  private final List<Step> forward = new ArrayList<>();
  private final List<Step> reply = new ArrayList<>();
  private Direction dir = Direction.REQUEST;
  private boolean serviceTranslated;
  private Service service;
  private Service.Backend backend;
  /** The connection as the client's socket sees it (after bpf_sock, before any per-packet NAT). */
  private Packet clientView;

  Walk(DatapathSettings s, ForwardingTables t, ServiceTable services, Endpoints eps, int choice) {
    this.s = s;
    this.t = t;
    this.eps = eps;
    this.services = new ServiceLookup(services);
    this.masquerade = new Masquerade(s, t, eps);
    this.choice = choice;
  }

  Service service() {
    return service;
  }

  PathTrace run(FlowSpec flow) {
    HopResult req = request(flow);
    if (!(req instanceof Delivered d)) {
      Ended e = (Ended) req;
      Packet last = forward.isEmpty() ? null : forward.get(forward.size() - 1).after();
      boolean inModel = last != null && (eps.pod(last.dst()).isPresent() || t.ownerOf(last.dst()).isPresent());
      return new PathTrace(backend, forward, reply, e.disposition(), Direction.REQUEST, e.host(), inModel);
    }
    dir = Direction.REPLY;
    Packet r = d.packet().reversed();
    r = dsrReverse(d.host(), d.pod() != null, r);
    HopResult back = hops(d.host(), d.pod() != null ? new FromPod(d.pod().name()) : new LocalOut(), r);
    return finishReply(flow, back);
  }

  // ---- request start: where the packet is born and what translates it before it moves ----

  private HopResult request(FlowSpec flow) {
    Source src = flow.source();
    if (src instanceof Source.Pod pod) {
      return fromPodSource(flow, pod);
    }
    if (src instanceof Source.HostProcess hp) {
      return fromHostProcess(flow, hp);
    }
    if (src instanceof Source.Router r) {
      Packet p = new Packet(r.address(), flow.srcPort(), flow.dst(), flow.dstPort(), flow.protocol());
      clientView = p;
      return hops(r.host(), new LocalOut(), p);
    }
    Source.Outside o = (Source.Outside) src;
    Packet p = new Packet(o.address(), flow.srcPort(), flow.dst(), flow.dstPort(), flow.protocol());
    clientView = p;
    return hops(o.host(), new FromNetwork(o.iface()), p);
  }

  private HopResult fromPodSource(FlowSpec flow, Source.Pod src) {
    Packet p = new Packet(src.address(), flow.srcPort(), flow.dst(), flow.dstPort(), flow.protocol());
    clientView = p;
    Optional<Endpoints.Pod> pod = eps.pod(src.address());
    if (pod.isEmpty()) {
      add("?", Step.Kind.DROP, "endpoints", "no pod has address " + src.address(), p, p, SourceRef.NONE);
      return new Ended("?", Disposition.INSUFFICIENT_INFO);
    }
    String host = pod.get().node();
    String fam = p.v6() ? "6" : "4";
    // Frontends bpf_lxc's lb6_lookup_service sees: ClusterIP always; with KPR (ENABLE_NODEPORT) also
    // NodePort on the local node's addresses, LoadBalancer and external IPs.
    Optional<ServiceLookup.Match> m = services.find(p,
        k -> k == Service.FrontendKind.CLUSTER_IP || s.kubeProxyReplacement(),
        a -> t.owns(host, a));
    if (m.isPresent()) {
      if (s.socketLbTranslates(false)) {
        // cilium bpf/bpf_sock.c sock6_connect -> __sock6_xlate_fwd: ENABLE_SOCKET_LB_FULL covers pod netns too.
        HopResult dropped = translate(host, NatEntry.Kind.SOCKET, "bpf_sock connect" + fam, m.get(), p,
            "connect() rewritten to the backend (socket LB, all namespaces)", s.where(DatapathSettings.SOCKET_LB_HOSTNS_ONLY));
        if (dropped != null) {
          return dropped;
        }
        p = clientView = p.withDst(backend.address(), backend.port());
      } else {
        if (s.socketLb()) {
          // cilium bpf/bpf_sock.c __sock6_xlate_fwd: ENABLE_SOCKET_LB_HOST_ONLY && !in_hostns => -ENXIO.
          add(host, Step.Kind.SKIP, "bpf_sock connect" + fam,
              "bpf-lb-sock-hostns-only: socket is not in the host netns => -ENXIO, connect() not translated",
              p, p, s.where(DatapathSettings.SOCKET_LB_HOSTNS_ONLY));
        }
        if (s.perPacketLb()) {
          // cilium bpf/bpf_lxc.c __per_packet_lb_svc_xlate_6 -> lb6_local: DNAT, CT entry keeps rev_nat_index.
          HopResult dropped = translate(host, NatEntry.Kind.LXC_CT,
              "bpf_lxc from-container (__per_packet_lb_svc_xlate_" + fam + ")", m.get(), p,
              "per-packet LB: DNAT, CT entry with rev_nat_index on " + host,
              s.where(s.socketLb() ? DatapathSettings.SOCKET_LB_HOSTNS_ONLY : DatapathSettings.SOCKET_LB));
          if (dropped != null) {
            return dropped;
          }
          p = p.withDst(backend.address(), backend.port());
        }
      }
    }
    return hops(host, new FromPod(pod.get().name()), p);
  }

  private HopResult fromHostProcess(FlowSpec flow, Source.HostProcess src) {
    String host = src.host();
    Packet p = new Packet(flow.dst(), flow.srcPort(), flow.dst(), flow.dstPort(), flow.protocol());
    String fam = p.v6() ? "6" : "4";
    // bpf_sock sock6_wildcard_lookup: NodePort on any node address (HOST or REMOTE_NODE identity).
    Optional<ServiceLookup.Match> m = services.find(p, k -> true,
        a -> t.ownerOf(a).map(t::runsCilium).orElse(false));
    boolean socketLb = m.isPresent() && s.socketLbTranslates(true);
    boolean kubeProxy = m.isPresent() && !socketLb && !s.kubeProxyReplacement();
    // The kernel picks the source for the address the socket really talks to (after translation).
    IpAddr from = src.address();
    if (from == null) {
      List<Service.Backend> bs = m.map(x -> x.service().backends()).orElse(List.of());
      IpAddr towards = (socketLb || kubeProxy) && !bs.isEmpty() ? bs.get(choice % bs.size()).address() : flow.dst();
      Optional<IpAddr> picked = sourceFor(host, towards);
      if (picked.isEmpty()) {
        add(host, Step.Kind.DROP, "kernel source address selection", "no address to send from towards " + towards, p, p,
            SourceRef.NONE);
        return new Ended(host, Disposition.INSUFFICIENT_INFO);
      }
      from = picked.get();
    }
    p = p.withSrc(from, flow.srcPort());
    clientView = p;
    if (socketLb) {
      // cilium bpf/bpf_sock.c __sock6_xlate_fwd: host-netns sockets are always translated at connect().
      HopResult dropped = translate(host, NatEntry.Kind.SOCKET, "bpf_sock connect" + fam, m.get(), p,
          "connect() rewritten to the backend (socket LB, host netns)", s.where(DatapathSettings.SOCKET_LB));
      if (dropped != null) {
        return dropped;
      }
      p = clientView = p.withDst(backend.address(), backend.port());
    } else if (kubeProxy) {
      // kube-proxy (KPR off): nat OUTPUT -> KUBE-SERVICES DNAT on the client node (conntrack undoes it).
      HopResult dropped = translate(host, NatEntry.Kind.IPTABLES_DNAT, "iptables KUBE-SERVICES (nat OUTPUT, kube-proxy)",
          m.get(), p, "kube-proxy DNAT", s.where(DatapathSettings.KPR));
      if (dropped != null) {
        return dropped;
      }
      p = p.withDst(backend.address(), backend.port());
    } else if (m.isPresent()) {
      add(host, Step.Kind.SKIP, "bpf_sock connect" + fam, "socket LB off: host traffic to the service is not translated",
          p, p, s.where(DatapathSettings.SOCKET_LB));
    }
    return hops(host, new LocalOut(), p);
  }

  private Optional<IpAddr> sourceFor(String host, IpAddr dst) {
    if (t.owns(host, dst)) {
      return Optional.of(dst);
    }
    return t.lookup(host, "main", dst).flatMap(r -> {
      String dev = device(r);
      return dev == null ? Optional.empty() : t.sourceAddress(host, dev, dst.v6());
    });
  }

  /** Picks backend {@code choice} and records the DNAT; returns a drop result when there is no backend. */
  private HopResult translate(String host, NatEntry.Kind kind, String actor, ServiceLookup.Match m, Packet p,
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

  private static String reverseActorFor(NatEntry.Kind kind, Packet p) {
    return switch (kind) {
      case SOCKET -> "bpf_sock (connected socket, nothing to undo)";
      case LXC_CT -> "bpf_lxc to-container (ipv" + fam(p) + "_policy)";
      case IPTABLES_DNAT -> "conntrack (kube-proxy DNAT undone)";
      case NODEPORT_DNAT -> "bpf_host (nodeport rev-DNAT)";
      case DSR -> "nodeport rev-DNAT on the backend's node";
      case SNAT -> "conntrack (SNAT undone)";
    };
  }

  // ---- hop by hop ----

  private HopResult hops(String host, Arrival arrival, Packet p) {
    Set<String> seen = new HashSet<>();
    for (int hop = 0; ; hop++) {
      if (hop >= MAX_HOPS || !seen.add(host + "|" + arrival + "|" + p)) {
        add(host, Step.Kind.DROP, "walk", hop >= MAX_HOPS ? "hop limit " + MAX_HOPS + " reached"
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
    if (dir == Direction.REPLY) {
      Packet q = reverseAt(host, p);
      nodePortReversed = !q.equals(p) && t.runsCilium(host) && s.kubeProxyReplacement()
          && nat.stream().anyMatch(e -> e.host().equals(host) && e.kind() == NatEntry.Kind.NODEPORT_DNAT);
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
      HopResult ns = northSouth(host, iface, p);
      if (ns != null) {
        return ns;
      }
      Optional<Endpoints.Pod> pod = localPod(host, p.dst());
      if (pod.isPresent()) {
        if (s.bpfHostRouting()) {
          // cilium bpf/bpf_host.c handle_ipv6_cont: with ENABLE_HOST_ROUTING, lookup_ip6_endpoint ->
          // ipv6_local_delivery straight from the native device; the kernel FIB is not consulted.
          add(host, Step.Kind.ROUTE, "bpf_host from-netdev " + iface,
              "lookup_ip" + fam(p) + "_endpoint: local endpoint " + pod.get().name()
                  + " -> local delivery (BPF host routing, kernel FIB bypassed)", p, p,
              s.where(DatapathSettings.HOST_LEGACY_ROUTING));
          return deliverPod(host, pod.get(), p);
        }
        // bpf_host.c handle_ipv6_cont: #ifndef ENABLE_HOST_ROUTING, if (!from_host) return CTX_ACT_OK.
        add(host, Step.Kind.ROUTE, "bpf_host from-netdev " + iface,
            "legacy host routing: CTX_ACT_OK, the kernel routes the packet to the local endpoint", p, p,
            s.where(DatapathSettings.HOST_LEGACY_ROUTING));
      }
    }
    // rp_filter runs in the kernel's input route lookup (fib_validate_source), for local and forwarded packets.
    HopResult denied = rpFilter(host, iface, p);
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
      Optional<Endpoints.Pod> pod = localPod(host, p.dst());
      if (pod.isPresent()) {
        add(host, Step.Kind.ROUTE, actor, "lookup_ip" + fam(p) + "_endpoint: local endpoint " + pod.get().name()
            + " -> local delivery (kernel FIB not consulted)", p, p, s.where(DatapathSettings.ENDPOINT_ROUTES));
        return deliverPod(host, pod.get(), p);
      }
      if (t.owns(host, p.dst())) {
        add(host, Step.Kind.ROUTE, actor, "lookup_ip" + fam(p) + "_endpoint: host endpoint -> to the host stack",
            p, p, s.where(DatapathSettings.ENDPOINT_ROUTES));
        return deliverHost(host, p, "host stack", p.dst() + " is a local address");
      }
    }
    if (s.bpfHostRouting()) {
      // bpf_lxc.c handle_ipv6_from_lxc: is_defined(ENABLE_HOST_ROUTING) => fib_redirect_v6 (bpf_fib_lookup).
      return bpfFib(host, p, actor + " (fib_redirect_v" + fam(p) + ")");
    }
    // bpf_lxc.c handle_ipv6_from_lxc: goto pass_to_stack => CTX_ACT_OK, the kernel forwards it.
    add(host, Step.Kind.ROUTE, actor, "pass_to_stack (legacy host routing): the kernel routes the packet", p, p,
        s.where(DatapathSettings.HOST_LEGACY_ROUTING));
    if (t.owns(host, p.dst())) {
      return deliverHost(host, p, "kernel FIB local", p.dst() + " is a local address");
    }
    return kernelRoute(host, "main", p, "lxc");
  }

  /** A FIB lookup done by a BPF program (bpf_fib_lookup): failures are Hubble's FIB_LOOKUP_FAILED. */
  private HopResult bpfFib(String host, Packet p, String actor) {
    Optional<KernelRoute> r = t.lookup(host, "main", p.dst());
    if (r.isEmpty()) {
      // cilium bpf/lib/fib.h fib_redirect: lookup failure => DROP_NO_FIB (Hubble FIB_LOOKUP_FAILED).
      add(host, Step.Kind.DROP, actor, "bpf_fib_lookup: no route to " + p.dst() + " in table main", p, p, SourceRef.NONE);
      return new Ended(host, Disposition.FIB_LOOKUP_FAILED);
    }
    KernelRoute route = r.get();
    if (route.type() == KernelRoute.Type.LOCAL) {
      return deliverHost(host, p, "kernel FIB local", p.dst() + " is a local address");
    }
    if (route.type() != KernelRoute.Type.UNICAST) {
      add(host, Step.Kind.DROP, actor, "bpf_fib_lookup: " + describe(route) + " => DROP_NO_FIB", p, p, route.where());
      return new Ended(host, Disposition.FIB_LOOKUP_FAILED);
    }
    add(host, Step.Kind.ROUTE, actor, "bpf_fib_lookup (kernel FIB main): " + describe(route) + shadowNote(host, p, route),
        p, p, route.where());
    return egress(host, route, p);
  }

  /** The kernel's own routing of a packet: from a local socket (inIface null) or forwarded. */
  private HopResult kernelRoute(String host, String table, Packet p, String inIface) {
    String actor = "kernel FIB " + table;
    Optional<KernelRoute> r = t.lookup(host, table, p.dst());
    if (r.isEmpty()) {
      add(host, Step.Kind.DROP, actor, "no route to " + p.dst(), p, p, SourceRef.NONE);
      return new Ended(host, Disposition.NO_ROUTE);
    }
    KernelRoute route = r.get();
    switch (route.type()) {
      case LOCAL:
        return deliverHost(host, p, actor, describe(route));
      case BLACKHOLE:
      case UNREACHABLE:
      case PROHIBIT:
        add(host, Step.Kind.DROP, actor, describe(route), p, p, route.where());
        return new Ended(host, Disposition.NULL_ROUTED);
      default:
        break;
    }
    add(host, Step.Kind.ROUTE, actor, describe(route) + shadowNote(host, p, route), p, p, route.where());
    if (inIface != null) {
      HopResult denied = forwardingOff(host, p);
      if (denied != null) {
        return denied;
      }
    }
    return egress(host, route, p);
  }

  /** After a route is chosen: into Cilium's own device, or out of a link (masquerade, neighbour). */
  private HopResult egress(String host, KernelRoute route, Packet p) {
    String device = device(route);
    KernelRoute.NextHop nh = route.nextHops().isEmpty() ? null : route.nextHops().get(0);
    IpAddr gw = nh == null ? null : nh.gateway();
    if (device != null && (device.equals("cilium_host") || device.equals("cilium_net") || device.startsWith("lxc"))) {
      // cilium bpf/bpf_host.c handle_ipv6_cont (from_host, cilium_host egress): lookup_ip6_endpoint ->
      // ipv6_local_delivery; anything else is not Cilium's to deliver (DROP_UNROUTABLE for world).
      String actor = "bpf_host from-host (cilium_host)";
      Optional<Endpoints.Pod> pod = localPod(host, p.dst());
      if (pod.isPresent()) {
        add(host, Step.Kind.ROUTE, actor, "lookup_ip" + fam(p) + "_endpoint: local endpoint " + pod.get().name()
            + " -> local delivery", p, p, route.where());
        return deliverPod(host, pod.get(), p);
      }
      boolean known = eps.pod(p.dst()).isPresent() || t.ownerOf(p.dst()).map(t::runsCilium).orElse(false);
      if (known) {
        // bpf_host.c handle_ipv6_cont: a known (ipcache) destination => CTX_ACT_OK; it re-enters the stack
        // through cilium_net and the same route sends it back to cilium_host.
        add(host, Step.Kind.DROP, actor, p.dst() + " is no local endpoint of " + host
            + ": CTX_ACT_OK, the kernel routes it into cilium_host again (loop)", p, p, route.where());
        return new Ended(host, Disposition.LOOP);
      }
      // bpf_host.c handle_ipv6_cont: no ipcache entry / world identity => DROP_UNROUTABLE.
      add(host, Step.Kind.DROP, actor, p.dst() + " is no local endpoint and unknown to the ipcache (DROP_UNROUTABLE)",
          p, p, route.where());
      return new Ended(host, Disposition.STALE_OR_UNROUTABLE_IP);
    }
    if (dir == Direction.REQUEST) {
      Optional<Masquerade.Decision> m = masquerade.decide(host, device, p);
      if (m.isPresent()) {
        Masquerade.Decision d = m.get();
        addStep(d.step());
        if (d.translated()) {
          String rev = d.step().actor().startsWith("bpf_host")
              ? "bpf_host from-netdev (snat_v" + fam(p) + "_rev_nat)" : "conntrack (iptables MASQUERADE undone)";
          nat.add(new NatEntry(host, NatEntry.Kind.SNAT, p, d.after(), d.step().actor(), rev, d.step().where()));
          p = d.after();
        }
      }
    }
    IpAddr target = gw != null ? gw : p.dst();
    String via = (gw != null ? "via " + gw + " " : "") + "dev " + device;
    ForwardingTables.Neighbor nb = t.neighbor(host, device, target);
    if (nb instanceof ForwardingTables.Neighbor.Host h) {
      add(host, Step.Kind.FORWARD, "link " + device, via + " -> " + h.host() + " (" + h.iface() + ")", p, p, route.where());
      return new Next(h.host(), h.iface(), p);
    }
    if (nb instanceof ForwardingTables.Neighbor.Outside o) {
      add(host, Step.Kind.EXIT, "link " + device, via + ": leaves the model towards " + o.description(), p, p, route.where());
      return new Ended(host, Disposition.EXITS_NETWORK);
    }
    add(host, Step.Kind.DROP, "neighbour discovery on " + device, via + ": nobody on the link owns " + target, p, p,
        route.where());
    return new Ended(host, Disposition.NEIGHBOR_UNREACHABLE);
  }

  // ---- north-south services at the ingress node ----

  /** NodePort/LoadBalancer/ExternalIP (and external ClusterIP) at the node a request enters; null if none. */
  private HopResult northSouth(String host, String iface, Packet p) {
    if (dir != Direction.REQUEST || serviceTranslated) {
      return null;
    }
    boolean kpr = s.kubeProxyReplacement();
    String fam = fam(p);
    String actor = kpr ? "bpf_host from-netdev " + iface + " (nodeport_lb" + fam + ")"
        : "iptables KUBE-SERVICES (nat PREROUTING, kube-proxy)";
    // ClusterIP from outside only when SVC_FLAG_ROUTABLE (bpf-lb-external-clusterip): bpf/lib/lb.h lb6_svc_is_routable.
    Optional<ServiceLookup.Match> m = services.find(p,
        k -> k != Service.FrontendKind.CLUSTER_IP || !kpr || s.lbExternalClusterIp(), a -> t.owns(host, a));
    if (m.isEmpty()) {
      Optional<ServiceLookup.Match> clusterIp = kpr
          ? services.find(p, k -> k == Service.FrontendKind.CLUSTER_IP, a -> false) : Optional.empty();
      if (clusterIp.isPresent()) {
        // cilium bpf/lib/nodeport.h nodeport_lb6: service found but !lb6_svc_is_routable => DROP_IS_CLUSTER_IP.
        add(host, Step.Kind.DROP, actor, clusterIp.get().service().name() + " " + clusterIp.get().frontend()
            + " is not routable from outside the cluster (bpf-lb-external-clusterip=false)", p, p,
            s.where(DatapathSettings.LB_EXTERNAL_CLUSTER_IP));
        return new Ended(host, Disposition.IS_A_CLUSTERIP);
      }
      return null;
    }
    HopResult dropped = translate(host, kpr ? NatEntry.Kind.NODEPORT_DNAT : NatEntry.Kind.IPTABLES_DNAT, actor, m.get(),
        p, kpr ? "service translation at the ingress node" : "kube-proxy DNAT", m.get().service().where());
    if (dropped != null) {
      return dropped;
    }
    Packet dnat = p.withDst(backend.address(), backend.port());
    if (backend.node().equals(host)) {
      Optional<Endpoints.Pod> pod = localPod(host, dnat.dst());
      return pod.isPresent() ? deliverPod(host, pod.get(), dnat)
          : deliverHost(host, dnat, "host stack", "local backend " + backend.name());
    }
    LbMode mode = (service.lbMode() != null ? service.lbMode() : s.lbMode()).forProtocol(p.protocol());
    if (kpr && mode == LbMode.DSR) {
      // cilium bpf/lib/nodeport.h (DSR): client address kept, service address carried to the backend's node,
      // which rewrites the reply's source (bpf_lxc CT node_port => CILIUM_CALL_IPV6_NODEPORT_REVNAT).
      nat.add(new NatEntry(backend.node(), NatEntry.Kind.DSR, p, dnat, actor, "nodeport rev-DNAT",
          s.where(DatapathSettings.LB_MODE)));
      add(host, Step.Kind.SKIP, actor, "DSR: source kept, backend's node answers the client directly", dnat, dnat,
          s.where(DatapathSettings.LB_MODE));
      return bpfFib(host, dnat, actor + " fib_lookup");
    }
    // SNAT mode (cilium nodeport.h nodeport_snat_fwd_ipv6) or kube-proxy KUBE-POSTROUTING MASQUERADE:
    // the source becomes the node's address on the way to the backend, so the reply returns here.
    Optional<KernelRoute> r = t.lookup(host, "main", dnat.dst());
    String dev = r.map(Walk::device).orElse(null);
    Optional<IpAddr> nodeAddr = dev == null ? Optional.empty() : t.sourceAddress(host, dev, dnat.v6());
    if (nodeAddr.isEmpty()) {
      add(host, Step.Kind.DROP, actor, "no route with a source address towards backend " + backend, dnat, dnat, SourceRef.NONE);
      return new Ended(host, kpr ? Disposition.FIB_LOOKUP_FAILED : Disposition.NO_ROUTE);
    }
    Packet snat = dnat.withSrc(nodeAddr.get(), dnat.srcPort());
    String snatActor = kpr ? "bpf_host to-netdev " + dev + " (nodeport_snat_fwd_ipv" + fam + ")"
        : "iptables KUBE-POSTROUTING (kube-proxy)";
    add(host, Step.Kind.SNAT, snatActor, kpr ? "SNAT mode: source rewritten to the node's address"
        : "-j MASQUERADE (KUBE-MARK-MASQ, externalTrafficPolicy Cluster)", dnat, snat,
        kpr ? s.where(DatapathSettings.LB_MODE) : s.where(DatapathSettings.KPR));
    nat.add(new NatEntry(host, NatEntry.Kind.SNAT, dnat, snat, snatActor,
        kpr ? "bpf_host from-netdev (nodeport rev-SNAT)" : "conntrack (kube-proxy MASQUERADE undone)",
        s.where(DatapathSettings.LB_MODE)));
    return kpr ? bpfFib(host, snat, actor + " fib_lookup") : kernelRoute(host, "main", snat, iface);
  }

  // ---- delivery and the reply ----

  private HopResult deliverPod(String host, Endpoints.Pod pod, Packet p) {
    if (dir == Direction.REPLY) {
      for (NatEntry e : nat) {
        if (e.host().equals(host) && e.kind() == NatEntry.Kind.LXC_CT && p.src().equals(e.after().dst())
            && p.srcPort() == e.after().dstPort()) {
          // cilium bpf/bpf_lxc.c ipv6_policy: CT_REPLY && rev_nat_index => lb6_rev_nat.
          Packet back = p.withSrc(e.before().dst(), e.before().dstPort());
          add(host, Step.Kind.REVERSE_NAT, "bpf_lxc to-container (ipv" + fam(p) + "_policy)",
              "CT reply with rev_nat_index: lb" + fam(p) + "_rev_nat restores the service address", p, back, e.where());
          p = back;
        }
      }
    }
    add(host, Step.Kind.DELIVER, "bpf_lxc to-container", "delivered to pod " + pod.name(), p, p, SourceRef.NONE);
    return new Delivered(host, pod, p);
  }

  private HopResult deliverHost(String host, Packet p, String actor, String rule) {
    add(host, Step.Kind.DELIVER, actor, rule + ": delivered to " + host + "'s stack", p, p, SourceRef.NONE);
    return new Delivered(host, null, p);
  }

  /** Translation state on this host that the reply undoes (conntrack, BPF NAT maps). */
  private Packet reverseAt(String host, Packet p) {
    Packet q = p;
    for (NatEntry e : nat) {
      if (!e.host().equals(host)) {
        continue;
      }
      if (e.kind() == NatEntry.Kind.SNAT && q.dst().equals(e.after().src()) && q.dstPort() == e.after().srcPort()) {
        Packet back = q.withDst(e.before().src(), e.before().srcPort());
        add(host, Step.Kind.REVERSE_NAT, e.reverseActor(), "reply to the translated source: destination restored",
            q, back, e.where());
        q = back;
      }
    }
    for (NatEntry e : nat) {
      if (e.host().equals(host) && (e.kind() == NatEntry.Kind.IPTABLES_DNAT || e.kind() == NatEntry.Kind.NODEPORT_DNAT)
          && q.src().equals(e.after().dst()) && q.srcPort() == e.after().dstPort()) {
        Packet back = q.withSrc(e.before().dst(), e.before().dstPort());
        add(host, Step.Kind.REVERSE_NAT, e.reverseActor(), "reply from the backend: service address restored",
            q, back, e.where());
        q = back;
      }
    }
    return q;
  }

  /** DSR: the backend's node puts the service address back as the reply's source. */
  private Packet dsrReverse(String host, boolean fromPod, Packet r) {
    for (NatEntry e : nat) {
      if (e.host().equals(host) && e.kind() == NatEntry.Kind.DSR && r.src().equals(e.after().dst())
          && r.srcPort() == e.after().dstPort()) {
        Packet back = r.withSrc(e.before().dst(), e.before().dstPort());
        add(host, Step.Kind.REVERSE_NAT, fromPod ? "bpf_lxc from-container (CT node_port => nodeport rev-DNAT)"
            : "bpf_host to-netdev (nodeport rev-DNAT)", "DSR reply: source rewritten to the service address", r, back,
            e.where());
        return back;
      }
    }
    return r;
  }

  private PathTrace finishReply(FlowSpec flow, HopResult back) {
    Source src = flow.source();
    if (back instanceof Ended e) {
      boolean outsideClient = src instanceof Source.Outside;
      if (outsideClient && e.disposition() == Disposition.EXITS_NETWORK) {
        return checkHeader(lastStep().after(), e.host());
      }
      return new PathTrace(backend, forward, reply, e.disposition(), Direction.REPLY, e.host(), true);
    }
    Delivered d = (Delivered) back;
    boolean atClient;
    if (src instanceof Source.Pod pod) {
      atClient = d.pod() != null && d.pod().address().equals(pod.address());
    } else if (src instanceof Source.HostProcess hp) {
      atClient = d.pod() == null && d.host().equals(hp.host());
    } else if (src instanceof Source.Router r) {
      atClient = d.pod() == null && d.host().equals(r.host());
    } else {
      atClient = false;
    }
    if (!atClient) {
      add(d.host(), Step.Kind.DROP, "walk", "reply delivered on " + d.host() + ", not to the client " + src, d.packet(),
          d.packet(), SourceRef.NONE);
      return new PathTrace(backend, forward, reply, Disposition.INSUFFICIENT_INFO, Direction.REPLY, d.host(), true);
    }
    return checkHeader(d.packet(), d.host());
  }

  /** The reply must come from the address the client's socket is connected to. */
  private PathTrace checkHeader(Packet got, String host) {
    if (got.src().equals(clientView.dst()) && got.srcPort() == clientView.dstPort()
        && got.dst().equals(clientView.src())) {
      return new PathTrace(backend, forward, reply, Disposition.ACCEPTED, Direction.REPLY, host, true);
    }
    add(host, Step.Kind.DROP, "client socket", "reply " + got + " does not match the connection " + clientView
        + " (no reverse NAT on this path)", got, got, SourceRef.NONE);
    return new PathTrace(backend, forward, reply, Disposition.REPLY_NOT_REVERSE_NATED, Direction.REPLY, host, true);
  }

  // ---- kernel checks ----

  /** rp_filter (IPv4 only; the kernel uses the max of conf/all and conf/IFACE). Applied only when given. */
  private HopResult rpFilter(String host, String iface, Packet p) {
    if (p.v6()) {
      return null;
    }
    Optional<ForwardingTables.Sysctl> all = t.sysctl(host, "net.ipv4.conf.all.rp_filter");
    Optional<ForwardingTables.Sysctl> dev = t.sysctl(host, "net.ipv4.conf." + iface + ".rp_filter");
    ForwardingTables.Sysctl eff = all.orElse(null);
    if (dev.isPresent() && (eff == null || dev.get().value() > eff.value())) {
      eff = dev.get();
    }
    if (eff == null || eff.value() == 0) {
      return null;
    }
    Optional<KernelRoute> back = t.lookup(host, t.tableOf(host, iface), p.src());
    boolean usable = back.isPresent() && back.get().type() == KernelRoute.Type.UNICAST;
    boolean ok = eff.value() == 1 ? usable && iface.equals(device(back.get())) : usable;
    if (ok) {
      return null;
    }
    String mode = eff.value() == 1 ? "strict" : "loose";
    add(host, Step.Kind.DROP, "kernel rp_filter (" + mode + ")", eff.key() + "=" + eff.value() + ": route back to "
        + p.src() + (back.isPresent() ? " is " + describe(back.get()) : " missing") + ", packet came in on " + iface,
        p, p, eff.where());
    return new Ended(host, Disposition.DENIED_IN);
  }

  /**
   * The forwarding sysctl. Cilium nodes forward (cilium pkg/datapath/iptables enableIPForwarding sets
   * net.ipv4.ip_forward, net.ipv4.conf.all.forwarding, net.ipv6.conf.all.forwarding); other hosts
   * forward unless their config says 0 (a missing sysctl is not invented as 0).
   */
  private HopResult forwardingOff(String host, Packet p) {
    if (t.runsCilium(host)) {
      return null;
    }
    List<String> keys = p.v6() ? List.of("net.ipv6.conf.all.forwarding")
        : List.of("net.ipv4.ip_forward", "net.ipv4.conf.all.forwarding");
    for (String k : keys) {
      Optional<ForwardingTables.Sysctl> v = t.sysctl(host, k);
      if (v.isPresent() && v.get().value() == 0) {
        add(host, Step.Kind.DROP, "kernel forwarding", k + "=0: the host does not forward", p, p, v.get().where());
        return new Ended(host, Disposition.DENIED_IN);
      }
    }
    return null;
  }

  // ---- small helpers ----

  private Optional<Endpoints.Pod> localPod(String host, IpAddr a) {
    return eps.pod(a).filter(pod -> pod.node().equals(host));
  }

  /** Warns when a route for a local pod does not lead to cilium_host: a daemon's route shadows Cilium's. */
  private String shadowNote(String host, Packet p, KernelRoute route) {
    if (!t.runsCilium(host) || localPod(host, p.dst()).isEmpty()) {
      return "";
    }
    String dev = device(route);
    return dev != null && !dev.startsWith("cilium_") && !dev.startsWith("lxc")
        ? " [local pod " + p.dst() + " routed away from cilium_host: this route shadows Cilium's]" : "";
  }

  static String device(KernelRoute r) {
    if (!r.nextHops().isEmpty() && r.nextHops().get(0).device() != null) {
      return r.nextHops().get(0).device();
    }
    return r.device();
  }

  static String describe(KernelRoute r) {
    StringBuilder sb = new StringBuilder();
    if (r.type() != KernelRoute.Type.UNICAST) {
      sb.append(r.type().name().toLowerCase()).append(' ');
    }
    sb.append(r.prefix());
    for (KernelRoute.NextHop nh : r.nextHops()) {
      if (nh.gateway() != null) {
        sb.append(" via ").append(nh.gateway());
      }
      if (nh.device() != null) {
        sb.append(" dev ").append(nh.device());
      }
    }
    if (r.nextHops().isEmpty() && r.device() != null) {
      sb.append(" dev ").append(r.device());
    }
    if (r.protocol() != null && !r.protocol().isEmpty()) {
      sb.append(" proto ").append(r.protocol());
    }
    if (r.metric() != 0) {
      sb.append(" metric ").append(r.metric());
    }
    if (r.nextHops().size() > 1) {
      sb.append(" (ECMP: first next hop taken)");
    }
    if (r.installedBy() != null && !r.installedBy().isEmpty()) {
      sb.append(" [").append(r.installedBy()).append(']');
    }
    return sb.toString();
  }

  private static String fam(Packet p) {
    return p.v6() ? "6" : "4";
  }

  private Step lastStep() {
    List<Step> l = dir == Direction.REQUEST ? forward : reply;
    return l.get(l.size() - 1);
  }

  private void add(String host, Step.Kind kind, String actor, String rule, Packet before, Packet after, SourceRef where) {
    addStep(new Step(dir, host, kind, actor, rule, before, after, where));
  }

  private void addStep(Step step) {
    Step s2 = step.direction() == dir ? step
        : new Step(dir, step.host(), step.kind(), step.actor(), step.rule(), step.before(), step.after(), step.where());
    (dir == Direction.REQUEST ? forward : reply).add(s2);
  }
}
