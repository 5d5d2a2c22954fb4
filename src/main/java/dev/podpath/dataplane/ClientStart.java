package dev.podpath.dataplane;

import dev.podpath.core.SourceRef;
import dev.podpath.core.net.IpAddr;
import dev.podpath.dataplane.Arrival.FromNetwork;
import dev.podpath.dataplane.Arrival.FromPod;
import dev.podpath.dataplane.Arrival.LocalOut;
import dev.podpath.dataplane.FlowSpec.Source;
import dev.podpath.dataplane.HopResult.Ended;
import java.util.List;
import java.util.Optional;

/**
 * Where a request is born and what translates it before it moves: bpf_sock at connect(),
 * bpf_lxc per packet, or kube-proxy's iptables on the client's node.
 */
final class ClientStart {

  private final WalkState st;
  private final DatapathSettings s;
  private final ForwardingTables t;
  private final Endpoints eps;
  private final HopWalker hopper;

  ClientStart(WalkState st, HopWalker hopper) {
    this.st = st;
    this.s = st.s;
    this.t = st.t;
    this.eps = st.eps;
    this.hopper = hopper;
  }

  HopResult request(FlowSpec flow) {
    Source src = flow.source();
    if (src instanceof Source.Pod pod) {
      return fromPodSource(flow, pod);
    }
    if (src instanceof Source.HostProcess hp) {
      return fromHostProcess(flow, hp);
    }
    if (src instanceof Source.Router r) {
      Packet p = new Packet(r.address(), flow.srcPort(), flow.dst(), flow.dstPort(), flow.protocol());
      st.clientView = p;
      return hopper.hops(r.host(), new LocalOut(), p);
    }
    Source.Outside o = (Source.Outside) src;
    Packet p = new Packet(o.address(), flow.srcPort(), flow.dst(), flow.dstPort(), flow.protocol());
    st.clientView = p;
    return hopper.hops(o.host(), new FromNetwork(o.iface()), p);
  }

  private HopResult fromPodSource(FlowSpec flow, Source.Pod src) {
    Packet p = new Packet(src.address(), flow.srcPort(), flow.dst(), flow.dstPort(), flow.protocol());
    st.clientView = p;
    Optional<Endpoints.Pod> pod = eps.pod(src.address());
    if (pod.isEmpty()) {
      st.add("?", Step.Kind.DROP, "endpoints", "no pod has address " + src.address(), p, p, SourceRef.NONE);
      return new Ended("?", Disposition.INSUFFICIENT_INFO);
    }
    String host = pod.get().node();
    String fam = p.v6() ? "6" : "4";
    // Frontends bpf_lxc's lb6_lookup_service sees: ClusterIP always; with KPR (ENABLE_NODEPORT) also
    // NodePort on the local node's addresses, LoadBalancer and external IPs.
    Optional<ServiceLookup.Match> m = st.services.find(p,
        k -> k == Service.FrontendKind.CLUSTER_IP || s.kubeProxyReplacement(),
        a -> t.owns(host, a));
    if (m.isPresent()) {
      if (s.socketLbTranslates(false)) {
        // cilium bpf/bpf_sock.c sock6_connect -> __sock6_xlate_fwd: ENABLE_SOCKET_LB_FULL covers pod netns too.
        HopResult dropped = st.translate(host, NatEntry.Kind.SOCKET, "bpf_sock connect" + fam, m.get(), p,
            "connect() rewritten to the backend (socket LB, all namespaces)", s.where(DatapathSettings.SOCKET_LB_HOSTNS_ONLY));
        if (dropped != null) {
          return dropped;
        }
        p = st.clientView = p.withDst(st.backend.address(), st.backend.port());
      } else {
        if (s.socketLb()) {
          // cilium bpf/bpf_sock.c __sock6_xlate_fwd: ENABLE_SOCKET_LB_HOST_ONLY && !in_hostns => -ENXIO.
          st.add(host, Step.Kind.SKIP, "bpf_sock connect" + fam,
              "bpf-lb-sock-hostns-only: socket is not in the host netns => -ENXIO, connect() not translated",
              p, p, s.where(DatapathSettings.SOCKET_LB_HOSTNS_ONLY));
        }
        if (s.perPacketLb()) {
          // cilium bpf/bpf_lxc.c __per_packet_lb_svc_xlate_6 -> lb6_local: DNAT, CT entry keeps rev_nat_index.
          HopResult dropped = st.translate(host, NatEntry.Kind.LXC_CT,
              "bpf_lxc from-container (__per_packet_lb_svc_xlate_" + fam + ")", m.get(), p,
              "per-packet LB: DNAT, CT entry with rev_nat_index on " + host,
              s.where(s.socketLb() ? DatapathSettings.SOCKET_LB_HOSTNS_ONLY : DatapathSettings.SOCKET_LB));
          if (dropped != null) {
            return dropped;
          }
          p = p.withDst(st.backend.address(), st.backend.port());
        }
      }
    }
    return hopper.hops(host, new FromPod(pod.get().name()), p);
  }

  private HopResult fromHostProcess(FlowSpec flow, Source.HostProcess src) {
    String host = src.host();
    Packet p = new Packet(flow.dst(), flow.srcPort(), flow.dst(), flow.dstPort(), flow.protocol());
    String fam = p.v6() ? "6" : "4";
    // bpf_sock sock6_wildcard_lookup: NodePort on any node address (HOST or REMOTE_NODE identity).
    Optional<ServiceLookup.Match> m = st.services.find(p, k -> true,
        a -> t.ownerOf(a).map(t::runsCilium).orElse(false));
    boolean socketLb = m.isPresent() && s.socketLbTranslates(true);
    boolean kubeProxy = m.isPresent() && !socketLb && !s.kubeProxyReplacement();
    // The kernel picks the source for the address the socket really talks to (after translation).
    IpAddr from = src.address();
    if (from == null) {
      List<Service.Backend> bs = m.map(x -> x.service().backends()).orElse(List.of());
      IpAddr towards = (socketLb || kubeProxy) && !bs.isEmpty() ? bs.get(st.choice % bs.size()).address() : flow.dst();
      Optional<IpAddr> picked = sourceFor(host, towards);
      if (picked.isEmpty()) {
        st.add(host, Step.Kind.DROP, "kernel source address selection", "no address to send from towards " + towards, p, p,
            SourceRef.NONE);
        return new Ended(host, Disposition.INSUFFICIENT_INFO);
      }
      from = picked.get();
    }
    p = p.withSrc(from, flow.srcPort());
    st.clientView = p;
    if (socketLb) {
      // cilium bpf/bpf_sock.c __sock6_xlate_fwd: host-netns sockets are always translated at connect().
      HopResult dropped = st.translate(host, NatEntry.Kind.SOCKET, "bpf_sock connect" + fam, m.get(), p,
          "connect() rewritten to the backend (socket LB, host netns)", s.where(DatapathSettings.SOCKET_LB));
      if (dropped != null) {
        return dropped;
      }
      p = st.clientView = p.withDst(st.backend.address(), st.backend.port());
    } else if (kubeProxy) {
      // kube-proxy (KPR off): nat OUTPUT -> KUBE-SERVICES DNAT on the client node (conntrack undoes it).
      HopResult dropped = st.translate(host, NatEntry.Kind.IPTABLES_DNAT, "iptables KUBE-SERVICES (nat OUTPUT, kube-proxy)",
          m.get(), p, "kube-proxy DNAT", s.where(DatapathSettings.KPR));
      if (dropped != null) {
        return dropped;
      }
      p = p.withDst(st.backend.address(), st.backend.port());
    } else if (m.isPresent()) {
      st.add(host, Step.Kind.SKIP, "bpf_sock connect" + fam, "socket LB off: host traffic to the service is not translated",
          p, p, s.where(DatapathSettings.SOCKET_LB));
    }
    return hopper.hops(host, new LocalOut(), p);
  }

  private Optional<IpAddr> sourceFor(String host, IpAddr dst) {
    if (t.owns(host, dst)) {
      return Optional.of(dst);
    }
    return t.lookup(host, "main", dst).flatMap(r -> {
      String dev = RouteText.device(r);
      return dev == null ? Optional.empty() : t.sourceAddress(host, dev, dst.v6());
    });
  }
}
