package dev.podpath.ingest.kubernetes;

import dev.podpath.core.SourceRef;
import dev.podpath.core.net.IpAddr;
import dev.podpath.core.net.IpPrefix;
import dev.podpath.ingest.yaml.YamlDocument;
import java.util.List;
import java.util.Map;

/**
 * CiliumLoadBalancerIPPool (cilium.io/v2 and v2alpha1): address blocks LB-IPAM hands to Services.
 * {@code serviceSelector} is null when not written (cilium lbipam_types.go ServiceSelector is a
 * pointer; the LB-IPAM docs say a pool without selector serves every Service — UNCONFIRMED in code).
 */
public record CiliumLoadBalancerIPPool(
    String apiVersion, String name, Map<String, String> labels, List<Block> blocks, LabelSelector serviceSelector,
    boolean disabled, String allowFirstLastIPs, YamlDocument doc) implements Located {

  public CiliumLoadBalancerIPPool {
    labels = Map.copyOf(labels);
    blocks = List.copyOf(blocks);
  }

  /** Either {@code cidr} or a {@code start}..{@code stop} range (stop null = the single address start). */
  public record Block(IpPrefix cidr, IpAddr start, IpAddr stop, SourceRef where) {}
}
