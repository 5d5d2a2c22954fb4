package dev.podpath.analysis.whatif;

/**
 * The frr.conf changes `fix` makes, each with the keep-key suffix that forbids it
 * ({@code frr.<host>.<setting>}).
 */
public enum FrrEditKind {
  /** `no bgp ebgp-requires-policy` in one `router bgp` instance. */
  NO_EBGP_REQUIRES_POLICY("ebgp-requires-policy"),
  /** `route-map NAME permit 10` and `neighbor N route-map NAME in|out` on the neighbors that need it. */
  PERMIT_ROUTE_MAP("route-map"),
  /** `neighbor N activate` in an address family. */
  ACTIVATE("activate"),
  /** `ip|ipv6 prefix-list NAME seq S permit PREFIX`. */
  PREFIX_LIST_ENTRY("prefix-list"),
  /** `neighbor N next-hop-self` in an address family. */
  NEXT_HOP_SELF("next-hop-self"),
  /** `neighbor N allowas-in` in an address family. */
  ALLOWAS_IN("allowas-in"),
  /** `bgp allow-martian-nexthop` in one `router bgp` instance. */
  ALLOW_MARTIAN_NEXTHOP("allow-martian-nexthop");

  private final String setting;

  FrrEditKind(String setting) {
    this.setting = setting;
  }

  /** The keep-key suffix, e.g. {@code ebgp-requires-policy} (keep {@code frr.r1.ebgp-requires-policy}). */
  public String setting() {
    return setting;
  }
}
