package dev.podpath.controlplane.cilium;

import dev.podpath.controlplane.cilium.CiliumBgpNodeConfig.AdvertisementType;
import dev.podpath.controlplane.spi.AddressFamily;
import dev.podpath.core.Finding;
import dev.podpath.core.SourceRef;
import dev.podpath.core.net.IpAddr;
import dev.podpath.ingest.cilium.CiliumVersion;
import dev.podpath.ingest.kubernetes.CiliumBGPAdvertisement;
import dev.podpath.ingest.kubernetes.CiliumBGPClusterConfig;
import dev.podpath.ingest.kubernetes.CiliumBGPNodeConfigOverride;
import dev.podpath.ingest.kubernetes.CiliumBGPPeerConfig;
import dev.podpath.ingest.kubernetes.KubernetesObjects;
import dev.podpath.ingest.kubernetes.LabelSelector;
import dev.podpath.model.routing.Community;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.SortedSet;

/**
 * One CiliumBGPClusterConfig applied to one node: the CiliumBGPNodeConfig the operator writes
 * (operator/pkg/bgpv2/cluster.go toNodeBGPInstance, node override applied) and what the agent's
 * reconcilers make of it (reconcilerv2/neighbor.go, peer_advertisements.go, pod_cidr.go, service.go).
 */
final class ClusterConfigResolver {

  private final KubernetesObjects k;
  private final CiliumVersion version;
  private final AdvertisementPrefixes prefixes;
  private final Collection<Finding> findings;

  ClusterConfigResolver(KubernetesObjects k, CiliumVersion version, AdvertisementPrefixes prefixes, Collection<Finding> findings) {
    this.k = k;
    this.version = version;
    this.prefixes = prefixes;
    this.findings = findings;
  }

  /** cluster.go toNodeBGPInstance (override applied) + the agent's reconcilers, for one node. */
  CiliumBgpNodeConfig nodeConfig(CiliumBGPClusterConfig cc, NodeFacts node) {
    Optional<CiliumBGPNodeConfigOverride> override = k.bgpNodeConfigOverride(node.name());
    override.ifPresent(o -> checkOverrideNames(o, cc));
    List<CiliumBgpNodeConfig.Instance> instances = new ArrayList<>();
    for (CiliumBGPClusterConfig.Instance inst : cc.bgpInstances()) {
      CiliumBGPNodeConfigOverride.Instance ov = override.flatMap(o -> o.bgpInstances().stream()
          .filter(x -> inst.name().equals(x.name())).findFirst()).orElse(null);
      // toNodeBGPInstance: routerID, localPort, localASN of the override win when set
      Long localAsn = ov != null && ov.localAsn() != null ? ov.localAsn() : inst.localAsn();
      Integer localPort = ov != null && ov.localPort() != null ? ov.localPort() : inst.localPort();
      if (localAsn == null) {
        findings.add(Finding.warning("cilium-bgp/no-local-asn", "BGP instance " + inst.name() + " has no localASN (neither in "
            + cc.name() + " nor in an override for node " + node.name() + "): the agent cannot start it (UNCONFIRMED: exact agent error)",
            inst.where()).onHost(node.name()));
        continue;
      }
      IpAddr routerId = routerId(ov, node, inst.where());
      List<CiliumBgpNodeConfig.Peer> peers = new ArrayList<>();
      for (CiliumBGPClusterConfig.Peer p : inst.peers()) {
        CiliumBGPNodeConfigOverride.Peer ovPeer = ov == null ? null
            : ov.peers().stream().filter(x -> p.name().equals(x.name())).findFirst().orElse(null);
        CiliumBgpNodeConfig.Peer peer = peer(cc, p, ovPeer, node);
        if (peer != null) {
          peers.add(peer);
        }
      }
      instances.add(new CiliumBgpNodeConfig.Instance(inst.name(), localAsn, localPort, routerId, peers, inst.where()));
    }
    return new CiliumBgpNodeConfig(node.name(), instances, cc.where());
  }

  private void checkOverrideNames(CiliumBGPNodeConfigOverride o, CiliumBGPClusterConfig cc) {
    for (CiliumBGPNodeConfigOverride.Instance oi : o.bgpInstances()) {
      Optional<CiliumBGPClusterConfig.Instance> ci = cc.bgpInstances().stream().filter(x -> x.name().equals(oi.name())).findFirst();
      if (ci.isEmpty()) {
        findings.add(Finding.warning("cilium-bgp/override-unknown-instance", "CiliumBGPNodeConfigOverride " + o.name()
            + " overrides instance '" + oi.name() + "', which CiliumBGPClusterConfig " + cc.name() + " does not define: ignored"
            + " (cluster.go toNodeBGPInstance matches by name)", oi.where()).onHost(o.name()));
        continue;
      }
      for (CiliumBGPNodeConfigOverride.Peer op : oi.peers()) {
        if (ci.get().peers().stream().noneMatch(x -> x.name().equals(op.name()))) {
          findings.add(Finding.warning("cilium-bgp/override-unknown-peer", "CiliumBGPNodeConfigOverride " + o.name() + " overrides peer '"
              + op.name() + "' of instance " + oi.name() + ", which has no such peer: ignored", op.where()).onHost(o.name()));
        }
        if (op.localPort() != null) {
          findings.add(Finding.info("cilium-bgp/override-local-port-ignored", "peers[].localPort of CiliumBGPNodeConfigOverride "
              + o.name() + " has no effect (deprecated; cluster.go toNodeBGPInstance copies only localAddress)", op.where()).onHost(o.name()));
        }
      }
    }
  }

  /**
   * The override's routerID, else the node's IPv4 (bgp_node_types.go: "derived from the node local
   * address"; Helm routerIDAllocation mode default: "derived from the IPv4 address if it is available,
   * or else ... the lower 32 bits of the MAC address" — a MAC is not in a snapshot).
   */
  private IpAddr routerId(CiliumBGPNodeConfigOverride.Instance ov, NodeFacts node, SourceRef where) {
    if (ov != null && ov.routerId() != null) {
      return ov.routerId();
    }
    if (node.internalIpv4() == null) {
      findings.add(Finding.info("cilium-bgp/router-id-unknown", "node " + node.name() + " has no IPv4 InternalIP and no override"
          + " routerID: Cilium derives the router ID from a MAC address, which the snapshot does not hold", where).onHost(node.name()));
    }
    return node.internalIpv4();
  }

  private CiliumBgpNodeConfig.Peer peer(CiliumBGPClusterConfig cc, CiliumBGPClusterConfig.Peer p,
      CiliumBGPNodeConfigOverride.Peer ovPeer, NodeFacts node) {
    if (p.peerAddress() == null) {
      // neighbor.go Reconcile: "Peer does not have PeerAddress configured, skipping" (auto-discovery is not modelled)
      findings.add(Finding.info("cilium-bgp/peer-without-address", "peer " + p.name() + " of " + cc.name() + " has no peerAddress"
          + (p.autoDiscoveryMode() == null ? "" : " (autoDiscovery " + p.autoDiscoveryMode() + " is not modelled)") + ": no session modelled",
          p.where()).onHost(node.name()));
      return null;
    }
    CiliumBGPPeerConfig pc;
    boolean defaults = p.peerConfigRef() == null || p.peerConfigRef().isEmpty();
    if (defaults) {
      // neighbor.go getPeerConfig: no reference => CiliumBGPPeerConfigSpec{} with SetDefaults
      pc = CiliumBGPPeerConfig.defaults(cc.doc());
    } else {
      Optional<CiliumBGPPeerConfig> found = k.bgpPeerConfig(p.peerConfigRef());
      if (found.isEmpty()) {
        return null; // neighbor.go: "configured peer config does not exist, skip" (finding from checkPeerConfigRefs)
      }
      pc = found.get();
    }
    long peerAsn = p.effectivePeerAsn();
    if (peerAsn == 0 && !version.atLeast(CiliumVersion.V1_17)) {
      // peerASN 0 (accept the ASN of the peer's OPEN) arrived with cilium/cilium#35817 (merged 2024-11: 1.17, inferred from the date)
      findings.add(Finding.error("cilium-bgp/peer-asn-zero-unsupported", "peer " + p.name() + " of " + cc.name()
          + " has no peerASN (0); Cilium " + version + " requires one (0 = learn from OPEN is 1.17+, cilium/cilium#35817):"
          + " no session is made (UNCONFIRMED: exact failure)", p.where()).onHost(node.name()));
      return null;
    }
    String digest = null;
    if (pc.authSecretRef() != null && !pc.authSecretRef().isEmpty()) {
      digest = PeerPassword.digestOfSecretName(pc.authSecretRef());
      findings.add(Finding.info("cilium-bgp/auth-secret-not-in-snapshot", "CiliumBGPPeerConfig " + pc.name() + " takes its TCP-MD5"
          + " password from Secret '" + pc.authSecretRef() + "' (key password), which a snapshot does not hold: podpath compares the"
          + " secret's NAME, so a password on the other side never matches it", pc.refOf("spec.authSecretRef")));
    }
    List<CiliumBgpNodeConfig.Family> families = new ArrayList<>();
    for (CiliumBGPPeerConfig.Family f : pc.effectiveFamilies()) {
      AddressFamily fam = family(f);
      if (fam == null) {
        findings.add(Finding.info("cilium-bgp/family-not-modelled", "family " + f.afi() + "/" + f.safi() + " of CiliumBGPPeerConfig "
            + pc.name() + " is not modelled (unicast only)", f.where()));
        continue;
      }
      families.add(new CiliumBgpNodeConfig.Family(fam, advertisements(cc, p, pc, f, defaults, fam, node)));
    }
    IpAddr localAddress = ovPeer == null ? null : ovPeer.localAddress();
    return new CiliumBgpNodeConfig.Peer(p.name(), p.peerAddress(), peerAsn, pc.effectivePeerPort(), localAddress,
        pc.effectiveEbgpMultihop(), digest, families, p.where());
  }

  static AddressFamily family(CiliumBGPPeerConfig.Family f) {
    if (!"unicast".equals(f.safi())) {
      return null;
    }
    return "ipv6".equals(f.afi()) ? AddressFamily.IPV6_UNICAST : "ipv4".equals(f.afi()) ? AddressFamily.IPV4_UNICAST : null;
  }

  /** peer_advertisements.go getFamilyAdvertisements: the CiliumBGPAdvertisements the family's label selector matches. */
  private List<CiliumBgpNodeConfig.Advertisement> advertisements(CiliumBGPClusterConfig cc, CiliumBGPClusterConfig.Peer p,
      CiliumBGPPeerConfig pc, CiliumBGPPeerConfig.Family f, boolean defaults, AddressFamily fam, NodeFacts node) {
    List<CiliumBgpNodeConfig.Advertisement> out = new ArrayList<>();
    if (f.advertisements() == null) {
      // bgp_peer_types.go families[].advertisements: "If not specified, no advertisements are sent"
      String what = defaults ? "peer " + p.name() + " of " + cc.name() + " has no peerConfigRef; the default peer config's families"
          : "family " + f.afi() + "/" + f.safi() + " of CiliumBGPPeerConfig " + pc.name();
      findings.add(Finding.warning("cilium-bgp/family-without-advertisements", what + " select no CiliumBGPAdvertisement"
          + " (advertisements not set): the session sends nothing", defaults ? p.where() : f.where()));
      return out;
    }
    List<CiliumBGPAdvertisement> selected = k.bgpAdvertisements().stream().filter(a -> f.selectsAdvertisement(a.labels())).toList();
    if (selected.isEmpty()) {
      findings.add(Finding.warning("cilium-bgp/advertisement-selector-selects-nothing", "the advertisements selector of family "
          + f.afi() + "/" + f.safi() + " in CiliumBGPPeerConfig " + pc.name() + " matches no CiliumBGPAdvertisement: nothing is"
          + " advertised in this family", f.advertisements().where()));
    }
    for (CiliumBGPAdvertisement a : selected) {
      for (CiliumBGPAdvertisement.Advertisement e : a.advertisements()) {
        out.addAll(entry(a, e, node, fam));
      }
    }
    return out;
  }

  private List<CiliumBgpNodeConfig.Advertisement> entry(CiliumBGPAdvertisement a, CiliumBGPAdvertisement.Advertisement e,
      NodeFacts node, AddressFamily fam) {
    List<CiliumBgpNodeConfig.Advertisement> out = new ArrayList<>();
    SortedSet<Community> comms = Communities.of(e.standardCommunities(), e.wellKnownCommunities(), e.largeCommunities(),
        e.where(), findings);
    String type = e.type() == null ? "" : e.type();
    switch (type) {
      case "PodCIDR" -> out.add(new CiliumBgpNodeConfig.Advertisement(a.name(), AdvertisementType.POD_CIDR,
          prefixes.podCidrs(node, fam, e.where(), findings), comms, e.localPreference(), e.where()));
      case "Service" -> {
        LabelSelector sel = e.selector();
        if (sel == null) {
          findings.add(Finding.warning("cilium-bgp/service-selector-nil", "Service advertisement in CiliumBGPAdvertisement " + a.name()
              + " has no selector: it selects no Service (service.go getServicePrefixes; use an empty selector {} for all)", e.where()));
          return out;
        }
        if (!prefixes.selectsAnyService(sel)) {
          findings.add(Finding.warning("cilium-bgp/service-selector-selects-nothing", "the selector of the Service advertisement in"
              + " CiliumBGPAdvertisement " + a.name() + " matches no Service of the snapshot", sel.where()));
        }
        if (e.aggregationLengthIPv4() != null || e.aggregationLengthIPv6() != null) {
          findings.add(Finding.info("cilium-bgp/aggregation-not-modelled", "service.aggregationLength* in CiliumBGPAdvertisement "
              + a.name() + " is not modelled: podpath advertises host routes", e.where()));
        }
        for (String addr : e.serviceAddresses()) {
          AdvertisementType t = switch (addr) {
            case "LoadBalancerIP" -> AdvertisementType.SERVICE_LOAD_BALANCER_IP;
            case "ClusterIP" -> AdvertisementType.SERVICE_CLUSTER_IP;
            case "ExternalIP" -> AdvertisementType.SERVICE_EXTERNAL_IP;
            default -> null;
          };
          if (t == null) {
            findings.add(Finding.warning("cilium-bgp/unknown-service-address", "service address type '" + addr + "' in CiliumBGPAdvertisement "
                + a.name() + " is not LoadBalancerIP, ClusterIP or ExternalIP: Cilium ignores it", e.where()));
            continue;
          }
          out.add(new CiliumBgpNodeConfig.Advertisement(a.name(), t, prefixes.servicePrefixes(sel, t, node, fam), comms,
              e.localPreference(), e.where()));
        }
      }
      case "CiliumPodIPPool", "Interface" -> findings.add(Finding.info("cilium-bgp/advertisement-not-modelled", type
          + " advertisement in CiliumBGPAdvertisement " + a.name() + " is not modelled by podpath: treated as advertising nothing", e.where()));
      default -> findings.add(Finding.warning("cilium-bgp/unknown-advertisement-type", "advertisementType '" + type
          + "' in CiliumBGPAdvertisement " + a.name() + " is unknown (PodCIDR, CiliumPodIPPool, Service, Interface): ignored", e.where()));
    }
    return out;
  }
}
