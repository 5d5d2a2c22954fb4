package dev.podpath.controlplane.cilium;

import dev.podpath.controlplane.cilium.CiliumBgpNodeConfig.AdvertisementType;
import dev.podpath.controlplane.spi.AddressFamily;
import dev.podpath.core.Finding;
import dev.podpath.core.net.IpAddr;
import dev.podpath.core.net.IpPrefix;
import dev.podpath.ingest.cilium.CiliumVersion;
import dev.podpath.ingest.kubernetes.CiliumBGPPeeringPolicy;
import dev.podpath.ingest.kubernetes.LabelSelector;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;

/**
 * A legacy CiliumBGPPeeringPolicy (BGPv1, cilium.io/v2alpha1, pkg/k8s/apis/cilium.io/v2alpha1/bgpp_types.go)
 * applied to one node, in the same shape as BGPv2: one instance per virtual router (named
 * {@code asn-<localASN>}), one peer per neighbor (named by its peerAddress), every neighbor family
 * carrying the router's advertisements (BGPv1 cannot advertise per peer: CFP-28175 "all peers get same
 * advertisement"): its pod CIDRs when exportPodCIDR, the Services its serviceSelector matches.
 */
final class PeeringPolicyResolver {

  /** pkg/bgpv1/agent annotations: {@code cilium.io/bgp-virtual-router.<asn>="router-id=...,local-port=..."}. */
  static final String ANNOTATION_PREFIX = "cilium.io/bgp-virtual-router.";

  private final CiliumVersion version;
  private final AdvertisementPrefixes prefixes;
  private final Collection<Finding> findings;

  PeeringPolicyResolver(CiliumVersion version, AdvertisementPrefixes prefixes, Collection<Finding> findings) {
    this.version = version;
    this.prefixes = prefixes;
    this.findings = findings;
  }

  CiliumBgpNodeConfig resolve(CiliumBGPPeeringPolicy policy, NodeFacts node) {
    List<CiliumBgpNodeConfig.Instance> instances = new ArrayList<>();
    for (CiliumBGPPeeringPolicy.VirtualRouter vr : policy.virtualRouters()) {
      String ann = node.annotations().get(ANNOTATION_PREFIX + vr.localAsn());
      IpAddr routerId = node.internalIpv4();
      Integer localPort = null; // BGPv1 listens only when the annotation gives local-port (UNCONFIRMED beyond the annotation doc)
      if (ann != null) {
        for (String kv : ann.split(",")) {
          String[] p = kv.split("=", 2);
          if (p.length != 2) {
            continue;
          }
          try {
            if ("router-id".equals(p[0].strip())) {
              routerId = IpAddr.parse(p[1].strip());
            } else if ("local-port".equals(p[0].strip())) {
              localPort = Integer.parseInt(p[1].strip());
            }
          } catch (IllegalArgumentException e) {
            findings.add(Finding.warning("cilium-bgp/bad-virtual-router-annotation", "node " + node.name() + " annotation "
                + ANNOTATION_PREFIX + vr.localAsn() + ": '" + kv + "' is not valid; ignored", node.where()).onHost(node.name()));
          }
        }
      }
      if (routerId == null) {
        findings.add(Finding.info("cilium-bgp/router-id-unknown", "node " + node.name() + " has no IPv4 InternalIP and no "
            + ANNOTATION_PREFIX + vr.localAsn() + " router-id annotation: the router ID is not known", vr.where()).onHost(node.name()));
      }
      List<CiliumBgpNodeConfig.Peer> peers = new ArrayList<>();
      for (CiliumBGPPeeringPolicy.Neighbor n : vr.neighbors()) {
        CiliumBgpNodeConfig.Peer peer = peer(policy, vr, n, node);
        if (peer != null) {
          peers.add(peer);
        }
      }
      instances.add(new CiliumBgpNodeConfig.Instance("asn-" + vr.localAsn(), vr.localAsn(), localPort, routerId, peers, vr.where()));
    }
    return new CiliumBgpNodeConfig(node.name(), instances, policy.where());
  }

  private CiliumBgpNodeConfig.Peer peer(CiliumBGPPeeringPolicy policy, CiliumBGPPeeringPolicy.VirtualRouter vr,
      CiliumBGPPeeringPolicy.Neighbor n, NodeFacts node) {
    IpPrefix pa = n.peerAddress();
    if (pa == null) {
      return null; // the reader already reported it (bgpp_types.go PeerAddress: Format=cidr)
    }
    if (pa.length() != pa.network().bits()) {
      // bgpp_types.go: "must be in CIDR notation and use a /32 to express a single host"
      findings.add(Finding.warning("cilium-bgp/peer-address-not-host", "neighbor " + pa + " of CiliumBGPPeeringPolicy " + policy.name()
          + " is not a /" + pa.network().bits() + ": Cilium peers with the address as written, podpath with " + pa.network(), n.where()));
    }
    if (n.peerAsn() == 0 && !version.atLeast(CiliumVersion.V1_17)) {
      findings.add(Finding.error("cilium-bgp/peer-asn-zero-unsupported", "neighbor " + pa + " of CiliumBGPPeeringPolicy " + policy.name()
          + " has peerASN 0; Cilium " + version + " requires the peer's ASN (0 = learn from OPEN is 1.17+, cilium/cilium#35817):"
          + " no session is made (UNCONFIRMED: exact failure)", n.where()).onHost(node.name()));
      return null;
    }
    String digest = null;
    if (n.authSecretRef() != null && !n.authSecretRef().isEmpty()) {
      digest = PeerPassword.digestOfSecretName(n.authSecretRef());
      findings.add(Finding.info("cilium-bgp/auth-secret-not-in-snapshot", "neighbor " + pa + " takes its TCP-MD5 password from Secret '"
          + n.authSecretRef() + "', which a snapshot does not hold: podpath compares the secret's NAME", n.where()));
    }
    List<CiliumBgpNodeConfig.Family> families = new ArrayList<>();
    for (String f : n.effectiveFamilies()) {
      AddressFamily fam = "ipv4/unicast".equals(f) ? AddressFamily.IPV4_UNICAST : "ipv6/unicast".equals(f) ? AddressFamily.IPV6_UNICAST : null;
      if (fam == null) {
        findings.add(Finding.info("cilium-bgp/family-not-modelled", "family " + f + " of neighbor " + pa + " is not modelled (unicast only)", n.where()));
        continue;
      }
      families.add(new CiliumBgpNodeConfig.Family(fam, advertisements(policy, vr, node, fam)));
    }
    return new CiliumBgpNodeConfig.Peer(pa.toString(), pa.network(), n.peerAsn(), n.effectivePeerPort(), null,
        n.effectiveEBGPMultihopTTL(), digest, families, n.where());
  }

  private List<CiliumBgpNodeConfig.Advertisement> advertisements(CiliumBGPPeeringPolicy policy,
      CiliumBGPPeeringPolicy.VirtualRouter vr, NodeFacts node, AddressFamily fam) {
    List<CiliumBgpNodeConfig.Advertisement> out = new ArrayList<>();
    if (vr.effectiveExportPodCIDR()) {
      out.add(new CiliumBgpNodeConfig.Advertisement(policy.name(), AdvertisementType.POD_CIDR,
          prefixes.podCidrs(node, fam, vr.where(), findings), new TreeSet<>(), null, vr.where()));
    }
    LabelSelector sel = vr.serviceSelector();
    // cilium pkg/bgpv1/manager/reconciler/service.go svcDesiredRoutes: nil selector => no routes; an empty one
    // goes through LabelSelectorAsSelector => Everything (the bgpp_types.go comment "empty / nil" is not what the code does)
    if (sel != null) {
      if (!prefixes.selectsAnyService(sel)) {
        findings.add(Finding.warning("cilium-bgp/service-selector-selects-nothing", "the serviceSelector of CiliumBGPPeeringPolicy "
            + policy.name() + " (localASN " + vr.localAsn() + ") matches no Service of the snapshot", sel.where()));
      }
      // bgpp_types.go ServiceAdvertisements: kubebuilder default [LoadBalancerIP]
      List<String> kinds = vr.serviceAdvertisements().isEmpty() ? List.of("LoadBalancerIP") : vr.serviceAdvertisements();
      for (String k : kinds) {
        AdvertisementType t = switch (k) {
          case "LoadBalancerIP" -> AdvertisementType.SERVICE_LOAD_BALANCER_IP;
          case "ClusterIP" -> AdvertisementType.SERVICE_CLUSTER_IP;
          case "ExternalIP" -> AdvertisementType.SERVICE_EXTERNAL_IP;
          default -> null;
        };
        if (t != null) {
          out.add(new CiliumBgpNodeConfig.Advertisement(policy.name(), t, prefixes.servicePrefixes(sel, t, node, fam),
              new TreeSet<>(), null, sel.where()));
        }
      }
    }
    if (vr.podIPPoolSelector() != null) {
      findings.add(Finding.info("cilium-bgp/advertisement-not-modelled", "podIPPoolSelector of CiliumBGPPeeringPolicy " + policy.name()
          + " (CiliumPodIPPool advertisement) is not modelled by podpath", vr.podIPPoolSelector().where()));
    }
    return out;
  }
}
