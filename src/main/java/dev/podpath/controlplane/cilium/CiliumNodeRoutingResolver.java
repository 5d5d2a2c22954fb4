package dev.podpath.controlplane.cilium;

import dev.podpath.core.Finding;
import dev.podpath.core.SourceRef;
import dev.podpath.core.net.IpAddr;
import dev.podpath.core.net.IpPrefix;
import dev.podpath.ingest.Snapshot;
import dev.podpath.ingest.kubernetes.KubeObject;
import dev.podpath.model.cilium.AgentSettings;
import dev.podpath.model.cilium.RoutingMode;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodIP;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Fills {@link CiliumNodeRouting} for every node from the effective agent settings, the Nodes (or
 * CiliumNodes) and the Pods:
 * <ul>
 *   <li>pod CIDRs as in {@link NodeFacts} (IPAM kubernetes: Node spec.podCIDRs; cluster-pool:
 *       CiliumNode spec.ipam.podCIDRs);
 *   <li>remote node IPs: the first InternalIP of each family (the node IP the agent routes to:
 *       pkg/datapath/linux/node.go updateDirectRoutes uses the node's primary IP per family);
 *   <li>the cilium_host ("router") address: CiliumNode spec.addresses type CiliumInternalIP, else the
 *       Node annotation network.cilium.io/ipv{4,6}-cilium-host, else an assumption (the first host
 *       address of the pod CIDR; the agent takes an address from its IPAM pool, in practice not
 *       predictable) reported as an info finding;
 *   <li>endpoints: every non-hostNetwork Pod bound to the node with its status.podIPs; the host-side
 *       device is named {@code lxc} + 12 hex digits, a stand-in (the real name hashes the container
 *       ID, cilium-cni Endpoint2IfName, which a snapshot does not hold).
 * </ul>
 */
public final class CiliumNodeRoutingResolver {

  static final String ANNOTATION_HOST_V4 = "network.cilium.io/ipv4-cilium-host";
  static final String ANNOTATION_HOST_V6 = "network.cilium.io/ipv6-cilium-host";

  private CiliumNodeRoutingResolver() {}

  public static CiliumNodeRoutingResolution resolve(Snapshot snapshot, AgentSettings effective) {
    return resolve(snapshot, effective, SourceRef.NONE);
  }

  /** {@code settingsWhere}: the line of the setting that decides these routes most (e.g. autoDirectNodeRoutes), or NONE for each node's own line. */
  public static CiliumNodeRoutingResolution resolve(Snapshot snapshot, AgentSettings effective, SourceRef settingsWhere) {
    Map<String, NodeFacts> nodes = NodeFacts.of(snapshot, effective.ipamMode());
    List<Finding> findings = new ArrayList<>();
    Map<String, CiliumNodeRouting> out = new LinkedHashMap<>();
    for (NodeFacts n : nodes.values()) {
      List<CiliumNodeRouting.RemoteNode> remotes = new ArrayList<>();
      for (NodeFacts o : nodes.values()) {
        if (!o.name().equals(n.name())) {
          remotes.add(new CiliumNodeRouting.RemoteNode(o.name(), o.internalIpv4(), o.internalIpv6(), o.podCidrs(), o.where()));
        }
      }
      IpAddr host4 = effective.ipv4() ? hostAddress(snapshot, n, false, findings) : null;
      IpAddr host6 = effective.ipv6() ? hostAddress(snapshot, n, true, findings) : null;
      out.put(n.name(), new CiliumNodeRouting(n.name(),
          effective.routingMode() == RoutingMode.NATIVE ? CiliumNodeRouting.RoutingMode.NATIVE : CiliumNodeRouting.RoutingMode.TUNNEL,
          effective.ipv4(), effective.ipv6(), effective.autoDirectNodeRoutes(), effective.directRoutingSkipUnreachable(),
          effective.endpointRoutes(), effective.localNodeRoute(), host4, host6, n.podCidrs(), remotes,
          endpoints(snapshot, n.name()), 0, settingsWhere.isKnown() ? settingsWhere : n.where()));
    }
    return new CiliumNodeRoutingResolution(out, findings);
  }

  private static IpAddr hostAddress(Snapshot snapshot, NodeFacts n, boolean v6, List<Finding> findings) {
    IpAddr ip = NodeFacts.ciliumInternalIp(snapshot, n.name(), v6);
    if (ip != null) {
      return ip;
    }
    String ann = n.annotations().get(v6 ? ANNOTATION_HOST_V6 : ANNOTATION_HOST_V4);
    if (ann != null) {
      try {
        return IpAddr.parse(ann.strip());
      } catch (IllegalArgumentException e) {
        // fall through to the assumption
      }
    }
    IpPrefix cidr = n.podCidrs().stream().filter(p -> p.v6() == v6).findFirst().orElse(null);
    if (cidr == null) {
      return null; // CiliumAgentRoutes reports the missing router address if a route needs it
    }
    IpAddr assumed = cidr.network().plus(1);
    findings.add(Finding.info("cilium/cilium-host-address-assumed", "node " + n.name() + ": the cilium_host "
        + (v6 ? "IPv6" : "IPv4") + " address is not in the snapshot (CiliumNode CiliumInternalIP or annotation "
        + (v6 ? ANNOTATION_HOST_V6 : ANNOTATION_HOST_V4) + "); podpath assumes " + assumed + ", the first host address of "
        + cidr, n.podCidrsWhere()).onHost(n.name()));
    return assumed;
  }

  private static List<CiliumNodeRouting.Endpoint> endpoints(Snapshot snapshot, String node) {
    List<CiliumNodeRouting.Endpoint> out = new ArrayList<>();
    for (KubeObject<Pod> p : snapshot.kubernetes().pods()) {
      var spec = p.object().getSpec();
      var status = p.object().getStatus();
      if (spec == null || !node.equals(spec.getNodeName()) || Boolean.TRUE.equals(spec.getHostNetwork()) || status == null) {
        continue;
      }
      List<String> ips = new ArrayList<>();
      if (status.getPodIPs() != null && !status.getPodIPs().isEmpty()) {
        status.getPodIPs().stream().map(PodIP::getIp).forEach(ips::add);
      } else if (status.getPodIP() != null) {
        ips.add(status.getPodIP());
      }
      String dev = "lxc" + shortHash(p.namespace() + "/" + p.name());
      for (String s : ips) {
        try {
          out.add(new CiliumNodeRouting.Endpoint(IpAddr.parse(s), dev));
        } catch (IllegalArgumentException | NullPointerException e) {
          // BuiltinChecks reports malformed pod IPs
        }
      }
    }
    return out;
  }

  private static String shortHash(String s) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)), 0, 6);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }
}
