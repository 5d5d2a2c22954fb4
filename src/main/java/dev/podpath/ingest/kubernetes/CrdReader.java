package dev.podpath.ingest.kubernetes;

import static dev.podpath.ingest.DocFields.child;
import static dev.podpath.ingest.DocFields.item;
import static dev.podpath.ingest.DocFields.path;

import dev.podpath.core.Finding;
import dev.podpath.core.net.IpAddr;
import dev.podpath.core.net.IpPrefix;
import dev.podpath.ingest.DocFields;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Cilium CRDs -> typed records. Field names and ranges follow the Go types in cilium
 * pkg/k8s/apis/cilium.io/{v2,v2alpha1}/*_types.go; a value the API server would refuse (wrong
 * type, invalid address, out-of-range ASN) is an input problem at its line.
 */
final class CrdReader {

  private static final long MAX_ASN = 4294967295L;

  private CrdReader() {}

  static Map<String, String> labels(DocFields f) {
    return f.stringMap("metadata.labels");
  }

  static CiliumBGPClusterConfig clusterConfig(DocFields f, String apiVersion, String name) {
    List<CiliumBGPClusterConfig.Instance> instances = new ArrayList<>();
    String ip = "spec.bgpInstances";
    if (f.size(ip) == 0) {
      // bgp_cluster_types.go BGPInstances: Required, MinItems=1
      f.problem(f.has("spec") ? "spec" : "", "spec.bgpInstances needs at least one instance");
    }
    for (int i = 0; i < f.size(ip); i++) {
      String p = item(ip, i);
      List<CiliumBGPClusterConfig.Peer> peers = new ArrayList<>();
      String pp = child(p, "peers");
      for (int j = 0; j < f.size(pp); j++) {
        String q = item(pp, j);
        String addrPath = child(q, "peerAddress");
        String raw = f.string(addrPath);
        IpAddr addr = null;
        String zone = null;
        if (raw != null) {
          // bgp_cluster_types.go PeerAddress pattern allows an IPv6 %zone suffix
          String a = raw.strip();
          int pct = a.indexOf('%');
          if (pct > 0) {
            zone = a.substring(pct + 1);
            a = a.substring(0, pct);
          }
          try {
            DocFields.checkAddressText(a);
            addr = IpAddr.parse(a);
          } catch (IllegalArgumentException e) {
            f.problem(addrPath, "'" + addrPath + "': invalid IP address: " + e.getMessage());
          }
        }
        peers.add(new CiliumBGPClusterConfig.Peer(
            f.requiredString(child(q, "name")), addr, zone,
            f.integer(child(q, "peerASN"), 0, MAX_ASN),
            f.string(path(q, "autoDiscovery.mode")),
            f.string(path(q, "peerConfigRef.name")), f.ref(q)));
      }
      instances.add(new CiliumBGPClusterConfig.Instance(
          f.requiredString(child(p, "name")),
          f.integer(child(p, "localASN"), 1, MAX_ASN),
          f.intValue(child(p, "localPort"), 1, 65535), peers, f.ref(p)));
    }
    return new CiliumBGPClusterConfig(apiVersion, name, labels(f),
        SelectorReader.read(f, "spec.nodeSelector"), instances, f.doc());
  }

  static CiliumBGPPeerConfig peerConfig(DocFields f, String apiVersion, String name) {
    List<CiliumBGPPeerConfig.Family> families = new ArrayList<>();
    for (int i = 0; i < f.size("spec.families"); i++) {
      String p = item("spec.families", i);
      families.add(new CiliumBGPPeerConfig.Family(
          f.requiredString(child(p, "afi")), f.requiredString(child(p, "safi")),
          SelectorReader.read(f, child(p, "advertisements")), f.ref(p)));
    }
    return new CiliumBGPPeerConfig(apiVersion, name, labels(f),
        f.intValue("spec.transport.peerPort", 1, 65535),
        f.intValue("spec.timers.connectRetryTimeSeconds", 1, Integer.MAX_VALUE),
        f.intValue("spec.timers.holdTimeSeconds", 3, 65535),
        f.intValue("spec.timers.keepAliveTimeSeconds", 1, 65535),
        f.string("spec.authSecretRef"),
        f.bool("spec.gracefulRestart.enabled"),
        f.intValue("spec.gracefulRestart.restartTimeSeconds", 1, 4095),
        f.intValue("spec.ebgpMultihop", 1, 255), families, f.doc());
  }

  static CiliumBGPAdvertisement advertisement(DocFields f, String apiVersion, String name) {
    List<CiliumBGPAdvertisement.Advertisement> ads = new ArrayList<>();
    for (int i = 0; i < f.size("spec.advertisements"); i++) {
      String p = item("spec.advertisements", i);
      String type = f.requiredString(child(p, "advertisementType"));
      if ("Service".equals(type) && !f.has(child(p, "service"))) {
        // bgp_advert_types.go XValidation: "service field is required for the 'Service' advertisementType"
        f.problem(p, "service field is required for the 'Service' advertisementType");
      }
      ads.add(new CiliumBGPAdvertisement.Advertisement(
          type, f.stringList(path(p, "service.addresses")),
          f.intValue(path(p, "service.aggregationLengthIPv4"), 0, 31),
          f.intValue(path(p, "service.aggregationLengthIPv6"), 0, 127),
          SelectorReader.read(f, child(p, "selector")),
          f.stringList(path(p, "attributes.communities.standard")),
          f.stringList(path(p, "attributes.communities.wellKnown")),
          f.stringList(path(p, "attributes.communities.large")),
          f.integer(path(p, "attributes.localPreference"), 0, MAX_ASN),
          f.string(path(p, "interface.name")), f.ref(p)));
    }
    return new CiliumBGPAdvertisement(apiVersion, name, labels(f), ads, f.doc());
  }

  static CiliumBGPNodeConfigOverride nodeOverride(DocFields f, String apiVersion, String name) {
    List<CiliumBGPNodeConfigOverride.Instance> instances = new ArrayList<>();
    for (int i = 0; i < f.size("spec.bgpInstances"); i++) {
      String p = item("spec.bgpInstances", i);
      List<CiliumBGPNodeConfigOverride.Peer> peers = new ArrayList<>();
      for (int j = 0; j < f.size(child(p, "peers")); j++) {
        String q = item(child(p, "peers"), j);
        peers.add(new CiliumBGPNodeConfigOverride.Peer(f.requiredString(child(q, "name")),
            f.ip(child(q, "localAddress")), f.intValue(child(q, "localPort"), 0, 65535), f.ref(q)));
      }
      IpAddr routerId = f.ip(child(p, "routerID"));
      if (routerId != null && routerId.v6()) {
        // bgp_node_override_types.go RouterID: +kubebuilder:validation:Format=ipv4
        f.problem(child(p, "routerID"), "routerID must be an IPv4-format address, got " + routerId);
        routerId = null;
      }
      instances.add(new CiliumBGPNodeConfigOverride.Instance(f.requiredString(child(p, "name")), routerId,
          f.intValue(child(p, "localPort"), 0, 65535), f.integer(child(p, "localASN"), 1, MAX_ASN), peers, f.ref(p)));
    }
    return new CiliumBGPNodeConfigOverride(apiVersion, name, instances, f.doc());
  }

  static CiliumBGPPeeringPolicy peeringPolicy(DocFields f, String apiVersion, String name) {
    List<CiliumBGPPeeringPolicy.VirtualRouter> routers = new ArrayList<>();
    for (int i = 0; i < f.size("spec.virtualRouters"); i++) {
      String p = item("spec.virtualRouters", i);
      List<CiliumBGPPeeringPolicy.Neighbor> neighbors = new ArrayList<>();
      for (int j = 0; j < f.size(child(p, "neighbors")); j++) {
        String q = item(child(p, "neighbors"), j);
        String pa = child(q, "peerAddress");
        IpPrefix peer = null;
        String raw = f.requiredString(pa);
        if (raw != null) {
          try {
            // bgpp_types.go PeerAddress: Format=cidr, "/32 to express a single host"; host bits are fine there
            DocFields.checkAddressText(raw);
            peer = raw.contains("/") ? IpPrefix.parseLenient(raw) : null;
            if (peer == null) {
              f.problem(pa, "'" + pa + "' must be in CIDR notation (e.g. " + raw.strip() + (raw.contains(":") ? "/128" : "/32") + ")");
            }
          } catch (IllegalArgumentException e) {
            f.problem(pa, "'" + pa + "': invalid CIDR: " + e.getMessage());
          }
        }
        List<String> fams = new ArrayList<>();
        for (int k = 0; k < f.size(child(q, "families")); k++) {
          String fp = item(child(q, "families"), k);
          fams.add(f.requiredString(child(fp, "afi")) + "/" + f.requiredString(child(fp, "safi")));
        }
        Long peerAsn = f.integer(child(q, "peerASN"), 0, MAX_ASN);
        if (peerAsn == null && !f.has(child(q, "peerASN"))) {
          f.problem(q, "'" + child(q, "peerASN") + "' is required");
        }
        neighbors.add(new CiliumBGPPeeringPolicy.Neighbor(peer, f.intValue(child(q, "peerPort"), 1, 65535),
            peerAsn == null ? 0 : peerAsn, f.intValue(child(q, "eBGPMultihopTTL"), 1, 255),
            f.intValue(child(q, "connectRetryTimeSeconds"), 1, Integer.MAX_VALUE),
            f.intValue(child(q, "holdTimeSeconds"), 3, 65535), f.intValue(child(q, "keepAliveTimeSeconds"), 1, 65535),
            f.bool(path(q, "gracefulRestart.enabled")), f.intValue(path(q, "gracefulRestart.restartTimeSeconds"), 1, 4095),
            f.string(child(q, "authSecretRef")), fams, f.ref(q)));
      }
      Long asn = f.integer(child(p, "localASN"), 0, MAX_ASN);
      if (asn == null && !f.has(child(p, "localASN"))) {
        f.problem(p, "'" + child(p, "localASN") + "' is required");
      }
      routers.add(new CiliumBGPPeeringPolicy.VirtualRouter(asn == null ? 0 : asn, f.bool(child(p, "exportPodCIDR")),
          SelectorReader.read(f, child(p, "serviceSelector")), SelectorReader.read(f, child(p, "podIPPoolSelector")),
          f.stringList(child(p, "serviceAdvertisements")), neighbors, f.ref(p)));
    }
    return new CiliumBGPPeeringPolicy(apiVersion, name, SelectorReader.read(f, "spec.nodeSelector"), routers, f.doc());
  }

  static CiliumLoadBalancerIPPool lbPool(DocFields f, String apiVersion, String name, List<Finding> findings) {
    List<CiliumLoadBalancerIPPool.Block> blocks = new ArrayList<>();
    // spec.cidrs is the pre-1.15 v2alpha1 name of spec.blocks (same item shape)
    for (String key : List.of("spec.blocks", "spec.cidrs")) {
      for (int i = 0; i < f.size(key); i++) {
        String p = item(key, i);
        IpPrefix cidr = hostBitsAllowed(f, child(p, "cidr"), findings);
        IpAddr start = f.ip(child(p, "start"));
        IpAddr stop = f.ip(child(p, "stop"));
        boolean hasCidr = f.has(child(p, "cidr"));
        boolean hasRange = f.has(child(p, "start")) || f.has(child(p, "stop"));
        if (hasCidr == hasRange) {
          f.problem(p, "an IP pool block needs either cidr or start/stop");
        } else if (hasRange && start == null && !f.has(child(p, "start"))) {
          f.problem(p, "an IP pool block with stop needs start");
        } else if (start != null && stop != null && (start.v6() != stop.v6() || start.compareTo(stop) > 0)) {
          f.problem(child(p, "stop"), "stop " + stop + " is before start " + start + " or of another family");
        }
        blocks.add(new CiliumLoadBalancerIPPool.Block(cidr, start, stop, f.ref(p)));
      }
    }
    Boolean disabled = f.bool("spec.disabled");
    return new CiliumLoadBalancerIPPool(apiVersion, name, labels(f), blocks,
        SelectorReader.read(f, "spec.serviceSelector"), disabled != null && disabled,
        f.string("spec.allowFirstLastIPs"), f.doc());
  }

  /**
   * The CRD's "cidr" format is checked with Go's net.ParseCIDR, which accepts host bits
   * (10.0.0.1/24): the API server takes such a pool, so it is a warning here, read as its network.
   */
  private static IpPrefix hostBitsAllowed(DocFields f, String path, List<Finding> findings) {
    String raw = f.string(path);
    if (raw == null) {
      return null;
    }
    try {
      DocFields.checkAddressText(raw);
    } catch (IllegalArgumentException e) {
      f.problem(path, "'" + path + "': invalid CIDR: " + e.getMessage());
      return null;
    }
    try {
      return IpPrefix.parse(raw);
    } catch (IllegalArgumentException strict) {
      if (!raw.contains("/")) {
        f.problem(path, "'" + path + "': invalid CIDR: '" + raw + "' needs a prefix length");
        return null;
      }
      try {
        IpPrefix masked = IpPrefix.parseLenient(raw);
        findings.add(Finding.warning("k8s/cidr-host-bits", "'" + path + "': " + raw + " has host bits set; Cilium"
            + " reads it as " + masked + " (UNCONFIRMED: LB-IPAM masking)", f.ref(path)));
        return masked;
      } catch (IllegalArgumentException e) {
        f.problem(path, "'" + path + "': invalid CIDR: " + e.getMessage());
        return null;
      }
    }
  }

  static CiliumNode ciliumNode(DocFields f, String name) {
    List<IpPrefix> cidrs = new ArrayList<>();
    for (int i = 0; i < f.size("spec.ipam.podCIDRs"); i++) {
      IpPrefix p = f.prefix(item("spec.ipam.podCIDRs", i));
      if (p != null) {
        cidrs.add(p);
      }
    }
    List<CiliumNode.Address> addrs = new ArrayList<>();
    for (int i = 0; i < f.size("spec.addresses"); i++) {
      String p = item("spec.addresses", i);
      IpAddr ip = f.ip(child(p, "ip"));
      if (ip != null) {
        addrs.add(new CiliumNode.Address(f.string(child(p, "type")), ip, f.ref(p)));
      }
    }
    return new CiliumNode(name, labels(f), cidrs, addrs, f.doc());
  }
}
