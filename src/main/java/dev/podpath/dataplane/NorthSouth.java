package dev.podpath.dataplane;

import dev.podpath.core.SourceRef;
import dev.podpath.core.net.IpAddr;
import dev.podpath.dataplane.HopResult.Ended;
import dev.podpath.model.routing.KernelRoute;
import java.util.Optional;

/**
 * North-south services at the node a request enters: NodePort, LoadBalancer and external IPs
 * (and ClusterIPs from outside when allowed), by bpf_host's nodeport_lb or by kube-proxy.
 */
final class NorthSouth {

  private final WalkState st;
  private final DatapathSettings s;
  private final ForwardingTables t;
  private final HopWalker hopper;

  NorthSouth(WalkState st, HopWalker hopper) {
    this.st = st;
    this.s = st.s;
    this.t = st.t;
    this.hopper = hopper;
  }

  /** NodePort/LoadBalancer/ExternalIP (and external ClusterIP) at the node a request enters; null if none. */
  HopResult handle(String host, String iface, Packet p) {
    if (st.dir != Direction.REQUEST || st.serviceTranslated) {
      return null;
    }
    boolean kpr = s.kubeProxyReplacement();
    String fam = WalkState.fam(p);
    String actor = kpr ? "bpf_host from-netdev " + iface + " (nodeport_lb" + fam + ")"
        : "iptables KUBE-SERVICES (nat PREROUTING, kube-proxy)";
    // ClusterIP from outside only when SVC_FLAG_ROUTABLE (bpf-lb-external-clusterip): bpf/lib/lb.h lb6_svc_is_routable.
    Optional<ServiceLookup.Match> m = st.services.find(p,
        k -> k != Service.FrontendKind.CLUSTER_IP || !kpr || s.lbExternalClusterIp(), a -> t.owns(host, a));
    if (m.isEmpty()) {
      Optional<ServiceLookup.Match> clusterIp = kpr
          ? st.services.find(p, k -> k == Service.FrontendKind.CLUSTER_IP, a -> false) : Optional.empty();
      if (clusterIp.isPresent()) {
        // cilium bpf/lib/nodeport.h nodeport_lb6: service found but !lb6_svc_is_routable => DROP_IS_CLUSTER_IP.
        st.add(host, Step.Kind.DROP, actor, clusterIp.get().service().name() + " " + clusterIp.get().frontend()
            + " is not routable from outside the cluster (bpf-lb-external-clusterip=false)", p, p,
            s.where(DatapathSettings.LB_EXTERNAL_CLUSTER_IP));
        return new Ended(host, Disposition.IS_A_CLUSTERIP);
      }
      return null;
    }
    HopResult dropped = st.translate(host, kpr ? NatEntry.Kind.NODEPORT_DNAT : NatEntry.Kind.IPTABLES_DNAT, actor, m.get(),
        p, kpr ? "service translation at the ingress node" : "kube-proxy DNAT", m.get().service().where());
    if (dropped != null) {
      return dropped;
    }
    Packet dnat = p.withDst(st.backend.address(), st.backend.port());
    if (st.backend.node().equals(host)) {
      Optional<Endpoints.Pod> pod = st.localPod(host, dnat.dst());
      return pod.isPresent() ? hopper.deliverPod(host, pod.get(), dnat)
          : hopper.deliverHost(host, dnat, "host stack", "local backend " + st.backend.name());
    }
    LbMode mode = (st.service.lbMode() != null ? st.service.lbMode() : s.lbMode()).forProtocol(p.protocol());
    if (kpr && mode == LbMode.DSR) {
      // cilium bpf/lib/nodeport.h (DSR): client address kept, service address carried to the backend's node,
      // which rewrites the reply's source (bpf_lxc CT node_port => CILIUM_CALL_IPV6_NODEPORT_REVNAT).
      st.nat.add(new NatEntry(st.backend.node(), NatEntry.Kind.DSR, p, dnat, actor, "nodeport rev-DNAT",
          s.where(DatapathSettings.LB_MODE)));
      st.add(host, Step.Kind.SKIP, actor, "DSR: source kept, backend's node answers the client directly", dnat, dnat,
          s.where(DatapathSettings.LB_MODE));
      return hopper.bpfFib(host, dnat, actor + " fib_lookup");
    }
    // SNAT mode (cilium nodeport.h nodeport_snat_fwd_ipv6) or kube-proxy KUBE-POSTROUTING MASQUERADE:
    // the source becomes the node's address on the way to the backend, so the reply returns here.
    Optional<KernelRoute> r = t.lookup(host, "main", dnat.dst());
    String dev = r.map(RouteText::device).orElse(null);
    Optional<IpAddr> nodeAddr = dev == null ? Optional.empty() : t.sourceAddress(host, dev, dnat.v6());
    if (nodeAddr.isEmpty()) {
      st.add(host, Step.Kind.DROP, actor, "no route with a source address towards backend " + st.backend, dnat, dnat, SourceRef.NONE);
      return new Ended(host, kpr ? Disposition.FIB_LOOKUP_FAILED : Disposition.NO_ROUTE);
    }
    Packet snat = dnat.withSrc(nodeAddr.get(), dnat.srcPort());
    String snatActor = kpr ? "bpf_host to-netdev " + dev + " (nodeport_snat_fwd_ipv" + fam + ")"
        : "iptables KUBE-POSTROUTING (kube-proxy)";
    st.add(host, Step.Kind.SNAT, snatActor, kpr ? "SNAT mode: source rewritten to the node's address"
        : "-j MASQUERADE (KUBE-MARK-MASQ, externalTrafficPolicy Cluster)", dnat, snat,
        kpr ? s.where(DatapathSettings.LB_MODE) : s.where(DatapathSettings.KPR));
    st.nat.add(new NatEntry(host, NatEntry.Kind.SNAT, dnat, snat, snatActor,
        kpr ? "bpf_host from-netdev (nodeport rev-SNAT)" : "conntrack (kube-proxy MASQUERADE undone)",
        s.where(DatapathSettings.LB_MODE)));
    return kpr ? hopper.bpfFib(host, snat, actor + " fib_lookup") : hopper.kernelRoute(host, "main", snat, iface);
  }
}
