package dev.podpath.lab.generate;

/**
 * Scale mode: {@code nodes} Kubernetes nodes, each running bird2 and peering with every one of
 * {@code upstreams} FRR routers on one L2 segment (the founding case's Cilium -> bird2 -> FRR
 * shape, without the Cilium speaker). {@code family} null lets the seed choose IPv6 or dual stack.
 */
public record ClusterShape(int nodes, int upstreams, Family family) {

  /** Node numbers fit the /80 PodCIDR scheme and the IPv4 /16 node segment (docs/generator.md). */
  public static final int MAX_NODES = 30_000;

  public ClusterShape {
    if (nodes < 1 || nodes > MAX_NODES) {
      throw new IllegalArgumentException("cluster nodes must be 1.." + MAX_NODES + ": " + nodes);
    }
    if (upstreams < 1 || upstreams > 8) {
      throw new IllegalArgumentException("upstream routers must be 1..8: " + upstreams);
    }
  }
}
