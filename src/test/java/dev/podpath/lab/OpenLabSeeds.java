package dev.podpath.lab;

import java.util.Map;

/** Generated from the differential runs of 2026-11-26 (seeds 1-200, defaults()): see {@link KnownLabDifferences#OPEN_SEEDS}. */
final class OpenLabSeeds {

  static final Map<Long, String> SEEDS = Map.ofEntries(
      Map.entry(28L, "3 differences (rib-as-path x1, route-next-hop x2), replayed after the engine fix of synchronous cycles (was 15, bgp/oscillation); first: host r10 rib-as-path rib bird master6 fd00:a:7::/48: simulated unreachable via fd00:0:1::6 as-path [65009 65001], real unreachable via fd00:0:1::6 as-path [65006 65001]; follows r10's FRR step-12 tie (arrival order)"),
      Map.entry(30L, "run-dependent: in the 200-seed runs of 2026-11-26 13:25 and 13:33 it differed once and agreed on the rerun (first: host r1 rib-kind rib bird master6 fd00:a:9::/48; AS paths of fd00:a:9::/48 at eight hosts), the simulation gives the same routes either way: which of two stable outcomes the real routers settle in is timing"),
      Map.entry(43L, "2 differences (route-next-hop x2), first seen in the 200-seed run of 2026-11-26 13:25 after the link-local merge, on both runs; first: host r7 route-next-hop fib main fd00:a:3::/48 bgp: simulated via fe80::3:1 dev eth0, real via fd00:0:1::6 dev eth0 (suspect: which next hop zebra installs when the global and link-local parts of the NEXT_HOP belong to different routers, bgp_zebra.c update_ipv6nh_for_route_install)"),
      Map.entry(58L, "7 differences (rib-as-path x2, rib-kind x1, rib-next-hop x3, route-type x1); first: host r1 rib-next-hop rib bird master6 fd00:a:6::/48: simulated via fd00:0:1::a as-path [65006 65003 65002], real via fd00:0:1::8 as-path [65006 65003 65002]"),
      Map.entry(71L, "1 difference (route-next-hop x1), first seen in the 200-seed run of 2026-11-26 13:25 after the link-local merge, on both runs; first: host r5 route-next-hop fib main fd00:a:2::/48 bgp: simulated via fe80::2:1 dev eth0, real via fd00:0:1::2 dev eth0 (same suspect as seed 43)"),
      Map.entry(81L, "48 differences (not-converged x1, rib-extra x22, rib-next-hop x1, route-extra x24); first: host run not-converged convergence: simulated converged, real still changing after 66 s"),
      Map.entry(124L, "9 differences (rib-next-hop x3, route-next-hop x2, route-type x2, rib-kind x2); first: host r1 route-next-hop fib main fd00:a:7::/48 bird: simulated via fd00:0:1::5 dev eth0, real via fd00:0:1::2 dev eth0; run-dependent (equal AS paths [65004 65003] via two reflector-side next hops)"),
      Map.entry(132L, "run-dependent: differed once and agreed on the rerun at 13:33, differed twice in the fresh-clone CI run at 13:55 (2026-11-26); first: host r1 route-type fib main fd00:a:5::/48 bird: simulated unicast, real unreachable; r4 took fd00:a:5::/48 via fd00:0:1::6 as-path [65008 65006] where the simulation has via fd00:0:1::3 [65002 65006]: two stable states, like seed 148 (bird2 hosts each preferring the route the other sent; the engine settles in one of them)"),
      Map.entry(134L, "4 differences (not-converged x1, rib-kind x1, rib-missing x1, route-missing x1); first: host run not-converged convergence: simulated converged, real still changing after 63 s"),
      Map.entry(148L, "11 differences (rib-as-path x1, rib-kind x1, rib-next-hop x2, route-next-hop x6, route-type x1), replayed after the engine fix of synchronous cycles (was bgp/oscillation); first: host r1 rib-kind rib bird master6 fd00:a:8::/48: simulated unreachable via fd00:0:1::5 as-path [65002], real via fd00:0:1::5 as-path [65004 65001 65002]; two stable states (r1/r3 each preferring the other's route), real bird2 settled in the other one"),
      Map.entry(169L, "1 difference (rib-next-hop x1); first: host r4 rib-next-hop rib bird master4 172.16.2.0/24: simulated unreachable via 10.2.108.1 as-path [65002] (single candidate from r5_v4), real unreachable via 10.2.108.3 as-path [65002]; run-dependent"));

  private OpenLabSeeds() {}
}
