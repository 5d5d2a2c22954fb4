package dev.podpath.controlplane.cilium;

import dev.podpath.controlplane.spi.AddressFamily;
import dev.podpath.core.SourceRef;
import dev.podpath.core.net.IpAddr;
import dev.podpath.core.net.IpPrefix;
import dev.podpath.model.routing.Community;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The BGP configuration of the Cilium agent on one node, resolved: what CiliumBGPNodeConfig
 * (cluster config + node override) says, with each peer's families carrying the advertisements
 * their selector matches and those advertisements already resolved to prefixes (pod CIDRs,
 * service IPs by type). An adapter builds it from the Cilium BGP resources and Kubernetes objects.
 */
public record CiliumBgpNodeConfig(String host, List<Instance> instances, SourceRef where) {

  public CiliumBgpNodeConfig {
    instances = List.copyOf(instances);
  }

  /**
   * A bgpInstance.
   *
   * @param localPort null when unset: the instance does not listen (bgp_cluster_types.go
   *     "If unset, ... does not listen"; GoBGP ListenPort -1)
   * @param routerId the instance's router id, or null
   */
  public record Instance(String name, long localAsn, Integer localPort, IpAddr routerId, List<Peer> peers, SourceRef where) {
    public Instance {
      peers = List.copyOf(peers);
    }
  }

  /**
   * A peer of an instance with its peer config applied.
   *
   * @param peerAsn 0 = accept the AS the peer sends
   * @param peerPort the port Cilium connects to (default 179)
   * @param localAddress the node override's localAddress, or null (kernel source selection)
   * @param ebgpMultihop the TTL for eBGP (default 1); ignored for iBGP
   * @param passwordDigest a digest of the authSecretRef password, or null
   * @param families the families with their selected advertisements; an empty list means the
   *     CRD default (ipv6 and ipv4 unicast, no advertisement)
   */
  public record Peer(
      String name,
      IpAddr peerAddress,
      long peerAsn,
      int peerPort,
      IpAddr localAddress,
      int ebgpMultihop,
      String passwordDigest,
      List<Family> families,
      SourceRef where) {
    public Peer {
      families = List.copyOf(families);
    }
  }

  /** One afi/safi of a peer and the advertisements its selector matches. */
  public record Family(AddressFamily family, List<Advertisement> advertisements) {
    public Family {
      advertisements = List.copyOf(advertisements);
    }
  }

  /**
   * One CiliumBGPAdvertisement entry, resolved to the prefixes it makes Cilium originate.
   *
   * @param localPreference attributes.localPreference (sent to iBGP peers only), or null
   */
  public record Advertisement(
      String name, AdvertisementType type, List<IpPrefix> prefixes, SortedSet<Community> communities, Long localPreference, SourceRef where) {
    public Advertisement {
      prefixes = List.copyOf(prefixes);
      communities = java.util.Collections.unmodifiableSortedSet(new TreeSet<>(communities));
    }
  }

  /** advertisementType (and, for Service, the address type). */
  public enum AdvertisementType {
    POD_CIDR,
    CILIUM_POD_IP_POOL,
    SERVICE_CLUSTER_IP,
    SERVICE_EXTERNAL_IP,
    SERVICE_LOAD_BALANCER_IP,
    INTERFACE
  }
}
