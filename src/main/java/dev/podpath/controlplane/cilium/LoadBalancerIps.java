package dev.podpath.controlplane.cilium;

import dev.podpath.core.Finding;
import dev.podpath.core.net.IpAddr;
import dev.podpath.core.net.IpPrefix;
import dev.podpath.ingest.kubernetes.CiliumLoadBalancerIPPool;
import dev.podpath.ingest.kubernetes.KubeObject;
import dev.podpath.ingest.kubernetes.KubernetesObjects;
import dev.podpath.ingest.kubernetes.LabelSelector;
import io.fabric8.kubernetes.api.model.LoadBalancerIngress;
import io.fabric8.kubernetes.api.model.Service;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The LoadBalancer IPs of every Service, as the BGP service reconciler sees them: it only reads
 * {@code status.loadBalancer.ingress[].ip} (reconcilerv2/service.go getLBSvcPaths). A snapshot taken
 * before LB-IPAM wrote the status gets the address LB-IPAM would assign, marked as an assumption:
 * the requested one ({@code lbipam.cilium.io/ips} annotation, else {@code spec.loadBalancerIP}) if a
 * matching pool holds it, else the first free address. Sources: Documentation/network/lb-ipam.rst
 * (service selectors, requested IPs, LoadBalancerClass, first/last IP reservation); the allocation
 * order (pools and blocks in snapshot order, lowest address first) is UNCONFIRMED.
 */
final class LoadBalancerIps {

  static final String ANNOTATION_IPS = "lbipam.cilium.io/ips";
  /** lb-ipam.rst "LoadBalancerClass": the classes Cilium's LB-IPAM serves besides no class. */
  static final Set<String> LB_IPAM_CLASSES = Set.of("io.cilium/bgp-control-plane", "io.cilium/l2-announcer");

  private final Map<String, List<IpAddr>> bySvc = new HashMap<>();

  private LoadBalancerIps() {}

  static LoadBalancerIps of(KubernetesObjects k, boolean ipv4, boolean ipv6, List<Finding> findings) {
    LoadBalancerIps out = new LoadBalancerIps();
    Set<IpAddr> used = new HashSet<>();
    Map<KubeObject<Service>, List<IpAddr>> fromStatus = new LinkedHashMap<>();
    for (KubeObject<Service> s : k.services()) {
      if (!isLoadBalancer(s)) {
        continue;
      }
      List<IpAddr> ips = statusIps(s);
      fromStatus.put(s, ips);
      used.addAll(ips);
    }
    for (Map.Entry<KubeObject<Service>, List<IpAddr>> e : fromStatus.entrySet()) {
      KubeObject<Service> s = e.getKey();
      if (!e.getValue().isEmpty()) {
        out.bySvc.put(key(s), e.getValue());
        continue;
      }
      String cls = s.object().getSpec().getLoadBalancerClass();
      if (cls != null && !LB_IPAM_CLASSES.contains(cls)) {
        continue; // lb-ipam.rst: another class => LB-IPAM ignores the service entirely
      }
      out.bySvc.put(key(s), allocate(s, k.lbIPPools(), used, ipv4, ipv6, findings));
    }
    return out;
  }

  List<IpAddr> of(KubeObject<Service> s) {
    return bySvc.getOrDefault(key(s), List.of());
  }

  static boolean isLoadBalancer(KubeObject<Service> s) {
    return s.object().getSpec() != null && "LoadBalancer".equals(s.object().getSpec().getType());
  }

  /** Labels a selector over Services sees: its labels plus name and namespace (lb-ipam.rst; reconcilerv2/service.go serviceLabelSet). */
  static Map<String, String> selectorLabels(KubeObject<Service> s) {
    Map<String, String> m = new HashMap<>(s.labels());
    m.put("io.kubernetes.service.name", s.name());
    m.put("io.kubernetes.service.namespace", s.namespace());
    return m;
  }

  private static List<IpAddr> statusIps(KubeObject<Service> s) {
    List<IpAddr> out = new ArrayList<>();
    var st = s.object().getStatus();
    if (st == null || st.getLoadBalancer() == null || st.getLoadBalancer().getIngress() == null) {
      return out;
    }
    for (LoadBalancerIngress i : st.getLoadBalancer().getIngress()) {
      if (i.getIp() == null || i.getIp().isEmpty()) {
        continue; // getLBSvcPaths: ingress without IP (hostname) is skipped
      }
      try {
        out.add(IpAddr.parse(i.getIp()));
      } catch (IllegalArgumentException e) {
        // getLBSvcPaths: netip.ParseAddr failure => skipped
      }
    }
    return out;
  }

  private static List<IpAddr> allocate(KubeObject<Service> s, List<CiliumLoadBalancerIPPool> pools, Set<IpAddr> used,
      boolean ipv4, boolean ipv6, List<Finding> findings) {
    Map<String, String> labels = selectorLabels(s);
    List<CiliumLoadBalancerIPPool> matching = new ArrayList<>();
    for (CiliumLoadBalancerIPPool p : pools) {
      // lb-ipam.rst "Service Selectors": "The pool will allocate to any service if no service selector is specified"
      if (!p.disabled() && LabelSelector.nilSelectsAll(p.serviceSelector(), labels)) {
        matching.add(p);
      }
    }
    String who = "Service " + s.namespace() + "/" + s.name();
    if (pools.isEmpty()) {
      findings.add(Finding.info("cilium-bgp/lb-ip-pending", who + " has no status.loadBalancer.ingress and there is no"
          + " CiliumLoadBalancerIPPool: it has no LoadBalancer IP, so Cilium advertises none for it", s.where()));
      return List.of();
    }
    if (matching.isEmpty()) {
      findings.add(Finding.warning("cilium-bgp/lb-ip-no-pool", who + ": there are no enabled CiliumLoadBalancerIPPools that"
          + " match this service (LB-IPAM condition io.cilium/lb-ipam-request-satisfied=False, reason no_pool): no LoadBalancer IP",
          s.where()));
      return List.of();
    }
    List<IpAddr> requested = requested(s, findings);
    List<IpAddr> out = new ArrayList<>();
    if (!requested.isEmpty()) {
      for (IpAddr ip : requested) {
        CiliumLoadBalancerIPPool holder = matching.stream().filter(p -> holds(p, ip)).findFirst().orElse(null);
        if (holder == null || used.contains(ip)) {
          findings.add(Finding.warning("cilium-bgp/lb-ip-request-unsatisfied", who + " requests " + ip + " but "
              + (holder == null ? "no enabled pool matching the service holds it" : "another Service already has it")
              + ": LB-IPAM does not assign it", s.where()));
          continue;
        }
        used.add(ip);
        out.add(ip);
        findings.add(Finding.info("cilium-bgp/lb-ip-assumed", who + " has no status.loadBalancer.ingress: podpath assumes LB-IPAM"
            + " assigned the requested " + ip + " from pool " + holder.name(), s.where()));
      }
      return out;
    }
    for (boolean v6 : families(s, ipv4, ipv6)) {
      IpAddr ip = null;
      String pool = null;
      for (CiliumLoadBalancerIPPool p : matching) {
        ip = firstFree(p, v6, used);
        if (ip != null) {
          pool = p.name();
          break;
        }
      }
      if (ip == null) {
        findings.add(Finding.warning("cilium-bgp/lb-ip-pool-exhausted", who + ": no free " + (v6 ? "IPv6" : "IPv4")
            + " address in the pools matching it: no LoadBalancer IP of that family", s.where()));
        continue;
      }
      used.add(ip);
      out.add(ip);
      findings.add(Finding.info("cilium-bgp/lb-ip-assumed", who + " has no status.loadBalancer.ingress: podpath assumes LB-IPAM"
          + " assigns " + ip + ", the first free address of pool " + pool + " (UNCONFIRMED: LB-IPAM's allocation order)", s.where()));
    }
    return out;
  }

  private static List<IpAddr> requested(KubeObject<Service> s, List<Finding> findings) {
    List<IpAddr> out = new ArrayList<>();
    var ann = s.object().getMetadata().getAnnotations();
    String text = ann == null ? null : ann.get(ANNOTATION_IPS);
    if (text == null || text.isBlank()) {
      text = s.object().getSpec().getLoadBalancerIP(); // lb-ipam.rst: the legacy, deprecated way
    }
    if (text == null || text.isBlank()) {
      return out;
    }
    for (String part : text.split(",")) {
      try {
        out.add(IpAddr.parse(part.strip()));
      } catch (IllegalArgumentException e) {
        findings.add(Finding.warning("cilium-bgp/lb-ip-request-invalid", "Service " + s.namespace() + "/" + s.name()
            + " requests '" + part.strip() + "', which is not an IP address; ignored", s.where()));
      }
    }
    return out;
  }

  /**
   * lb-ipam.rst "IPv4 / IPv6 families + policy": SingleStack gets one address (podpath takes the
   * first of spec.ipFamilies, else IPv4 — the doc says IPv4 when both are enabled); the dual-stack
   * policies one per enabled family.
   */
  private static List<Boolean> families(KubeObject<Service> s, boolean ipv4, boolean ipv6) {
    var spec = s.object().getSpec();
    String policy = spec.getIpFamilyPolicy();
    List<Boolean> out = new ArrayList<>();
    if ("PreferDualStack".equals(policy) || "RequireDualStack".equals(policy)) {
      if (ipv4) {
        out.add(false);
      }
      if (ipv6) {
        out.add(true);
      }
      return out;
    }
    List<String> fams = spec.getIpFamilies();
    if (fams != null && !fams.isEmpty()) {
      out.add("IPv6".equals(fams.get(0)));
    } else {
      out.add(!ipv4 && ipv6);
    }
    return out;
  }

  private static boolean holds(CiliumLoadBalancerIPPool p, IpAddr ip) {
    for (CiliumLoadBalancerIPPool.Block b : p.blocks()) {
      if (b.cidr() != null && b.cidr().contains(ip)) {
        return true;
      }
      if (b.start() != null && b.start().v6() == ip.v6() && b.start().compareTo(ip) <= 0
          && (b.stop() == null ? b.start() : b.stop()).compareTo(ip) >= 0) {
        return true;
      }
    }
    return false;
  }

  /**
   * The lowest free address of one family. CIDR blocks keep their first and last address unless
   * allowFirstLastIPs is "Yes" (lbipam_types.go AllowFirstLastIPs: "If `no` or undefined, these IPs will
   * be reserved"; ignored for /31, /32, /127, /128); ranges reserve nothing (lb-ipam.rst).
   */
  private static IpAddr firstFree(CiliumLoadBalancerIPPool p, boolean v6, Set<IpAddr> used) {
    boolean allowEdges = "yes".equalsIgnoreCase(p.allowFirstLastIPs());
    for (CiliumLoadBalancerIPPool.Block b : p.blocks()) {
      if (b.cidr() != null && b.cidr().v6() == v6) {
        IpPrefix c = b.cidr();
        boolean reserve = !allowEdges && c.length() < c.network().bits() - 1;
        IpAddr a = reserve ? c.network().plus(1) : c.network();
        for (int guard = 0; guard <= used.size() + 1 && c.contains(a); guard++) {
          IpAddr next = a.plus(1);
          boolean last = !c.contains(next) || next.compareTo(a) <= 0;
          if (reserve && last) {
            break;
          }
          if (!used.contains(a)) {
            return a;
          }
          if (last) {
            break;
          }
          a = next;
        }
      } else if (b.start() != null && b.start().v6() == v6) {
        IpAddr stop = b.stop() == null ? b.start() : b.stop();
        IpAddr a = b.start();
        for (int guard = 0; guard <= used.size() + 1 && a.compareTo(stop) <= 0; guard++) {
          if (!used.contains(a)) {
            return a;
          }
          IpAddr next = a.plus(1);
          if (next.compareTo(a) <= 0) {
            break;
          }
          a = next;
        }
      }
    }
    return null;
  }

  private static String key(KubeObject<Service> s) {
    return s.namespace() + "/" + s.name();
  }
}
