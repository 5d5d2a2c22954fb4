package dev.podpath.lab.generate;

/**
 * The features a random snapshot may contain. Each is drawn per snapshot with {@link
 * #probability()} (docs/generator.md lists them); a drawn variation that the topology cannot hold
 * (e.g. an AS-path loop with two routers) is left out and not listed in the notes.
 */
public enum Variation {
  /** Some routers have interfaces on two L2 segments (then there are 2+ segments). */
  MULTI_HOMED("multi-homed", 0.6),
  /** An import filter (bird) / prefix-list (FRR) on some sessions rejects some received prefixes. */
  PREFIX_FILTER("prefix-filter", 0.4),
  /** Two routers in one AS with only an eBGP router between them. */
  AS_PATH_LOOP("as-path-loop", 0.35),
  /** With an AS-path loop: the receiver allows its own AS (bird {@code allow local as}, FRR {@code allowas-in}). */
  ALLOW_LOCAL_AS("allow-local-as", 0.5),
  /** An FRR router with {@code bgp ebgp-requires-policy} on and an eBGP neighbor lacking in/out policy. */
  RFC8212("rfc8212-no-policy", 0.35),
  /** An iBGP route reflector with two clients that do not peer each other. */
  ROUTE_REFLECTOR("route-reflector", 0.35),
  /** bird {@code next hop self} (and FRR {@code next-hop-self} on iBGP) on some sessions. */
  NEXT_HOP_SELF("next-hop-self", 0.4),
  /** bird {@code next hop keep} on some sessions. */
  NEXT_HOP_KEEP("next-hop-keep", 0.3),
  /** A session between loopback addresses, reachable through static kernel routes. */
  MULTIHOP("multihop-loopback", 0.35),
  /** A second daemon (bird2) on an FRR host, peering over ::1 / 127.0.0.1. */
  LOCALHOST("localhost-peering", 0.3),
  /** A bird kernel protocol with {@code export all}. */
  KERNEL_EXPORT_ALL("kernel-export-all", 0.8),
  /** A bird kernel protocol with {@code export none}. */
  KERNEL_EXPORT_NONE("kernel-export-none", 0.5),
  /** A bird kernel protocol exporting only BGP routes through a filter. */
  KERNEL_EXPORT_FILTERED("kernel-export-filtered", 0.8),
  /** A bird kernel protocol with {@code learn} (alien kernel routes enter bird's table). */
  KERNEL_LEARN("kernel-learn", 0.25),
  /** bird static routes of type {@code unreachable} instead of {@code blackhole}. */
  STATIC_UNREACHABLE("static-unreachable", 0.3),
  /** bird static routes {@code via} a neighbor's address on a segment. */
  STATIC_VIA_GATEWAY("static-via-gateway", 0.3),
  /** FRR originating with {@code redistribute static} (staticd blackhole routes). */
  FRR_REDISTRIBUTE_STATIC("frr-redistribute-static", 0.6),
  /** FRR {@code network} with import-check on and no route behind it (not originated). */
  FRR_NETWORK_UNBACKED("frr-network-unbacked", 0.2),
  /** FRR {@code no bgp default ipv4-unicast}, IPv4 neighbors activated explicitly. */
  FRR_NO_DEFAULT_IPV4("frr-no-default-ipv4-unicast", 0.35),
  /** With {@code no bgp default ipv4-unicast}: one IPv4 neighbor left without {@code activate}. */
  FRR_MISSING_ACTIVATE("frr-missing-activate", 0.4),
  /** FRR {@code frr defaults datacenter} (no RFC 8212 default, other timers). */
  FRR_DATACENTER("frr-defaults-datacenter", 0.35);

  private final String key;
  private final double probability;

  Variation(String key, double probability) {
    this.key = key;
    this.probability = probability;
  }

  /** The name used in snapshot.yaml notes and docs/generator.md. */
  public String key() {
    return key;
  }

  /** Chance that a snapshot tries to contain this variation (when enabled). */
  public double probability() {
    return probability;
  }
}
