package dev.podpath.lab;

import static org.assertj.core.api.Assertions.assertThat;

import dev.podpath.controlplane.FibEntry;
import dev.podpath.controlplane.SessionDownReason;
import dev.podpath.controlplane.SessionResult;
import dev.podpath.controlplane.spi.AddressFamily;
import dev.podpath.controlplane.spi.RibEntry;
import dev.podpath.core.SourceRef;
import dev.podpath.core.net.IpAddr;
import dev.podpath.core.net.IpPrefix;
import dev.podpath.model.routing.AsPath;
import dev.podpath.model.routing.BgpAttributes;
import dev.podpath.model.routing.KernelRoute;
import dev.podpath.model.routing.Origin;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The comparison on hand-built simulated results and observations (no daemons). */
class LabComparisonTest {

  private static final IpAddr R2 = IpAddr.parse("fd00:1::2");
  private static final IpAddr R2_LL = IpAddr.parse("fe80::2");
  private static final IpAddr R3 = IpAddr.parse("fd00:1::3");
  private static final IpPrefix P = IpPrefix.parse("fd00:a:2::/48");
  private static final IpPrefix CONNECTED = IpPrefix.parse("fd00:1::/64");
  private static final SourceRef W = SourceRef.of("hosts/r1/bird.conf", 3);

  private static SessionResult session(String daemon, String id, IpAddr peer, boolean up) {
    return new SessionResult("r1", daemon, id, null, peer, 65001, up, up ? null : SessionDownReason.AS_MISMATCH, up ? null : "x",
        W, null, null, null, null, null, Set.of(AddressFamily.IPV6_UNICAST));
  }

  private static ObservedSession seen(LabDaemon d, String name, IpAddr peer, SessionState state) {
    return new ObservedSession("r1", d, d == LabDaemon.FRR ? "default" : null, name, peer, 65002L, 65001L, state, "", 1, 1);
  }

  private static FibEntry fib(IpPrefix p, String proto, long metric, KernelRoute.Type type, IpAddr gw, String dev, String installer) {
    List<KernelRoute.NextHop> hops = gw == null ? List.of() : List.of(new KernelRoute.NextHop(gw, dev));
    return new FibEntry(new KernelRoute("main", p, type, hops, dev, metric, proto, installer, W), installer);
  }

  private static ObservedKernelRoute kernel(IpPrefix p, String type, String proto, Long metric, ObservedKernelRoute.NextHop... hops) {
    return new ObservedKernelRoute("r1", "main", type, p, proto, metric, List.of(hops));
  }

  private static RibEntry rib(String table, IpPrefix p, String from, IpAddr nh, boolean best, String status, long... path) {
    BgpAttributes a = nh == null ? null : BgpAttributes.local(Origin.IGP, nh).withAsPath(AsPath.of(path));
    return new RibEntry(table, p, from, a, best, status, W);
  }

  /** A candidate FRR's simulation marked as tied with the best down to the arrival-order step. */
  private static RibEntry tie(String table, IpPrefix p, String from, IpAddr nh, boolean best, String status, long... path) {
    RibEntry e = rib(table, p, from, nh, best, status, path);
    return new RibEntry(e.table(), e.prefix(), e.from(), e.attributes(), e.best(), e.status(), e.where(), true);
  }

  private static ObservedBgpRoute bgp(LabDaemon d, String table, IpPrefix p, String source, boolean best, String kind, IpAddr nh,
      Long... path) {
    return new ObservedBgpRoute("r1", d, table, p, source, "x", best, kind, nh, List.of(path), "IGP", null, null, Map.of());
  }

  private static LabObservation observation(List<ObservedSession> s, List<ObservedBgpRoute> b, List<ObservedKernelRoute> k) {
    return new LabObservation(s, b, k, true, Duration.ofSeconds(9));
  }

  private static final List<FibEntry> BASE_FIB = List.of(
      fib(CONNECTED, "kernel", 256, KernelRoute.Type.UNICAST, null, "eth0", "kernel"),
      fib(IpPrefix.parse("fd00:1::1/128"), "kernel", 0, KernelRoute.Type.LOCAL, null, "eth0", "kernel"));
  private static final ObservedKernelRoute BASE_REAL = kernel(CONNECTED, "unicast", "kernel", 256L, new ObservedKernelRoute.NextHop(null, "eth0"));

  @Test
  void identicalSidesAgree() {
    List<FibEntry> fibs = new java.util.ArrayList<>(BASE_FIB);
    fibs.add(fib(P, "bird", 32, KernelRoute.Type.UNICAST, R2, "eth0", "r1/bird"));
    LabDiff d = LabComparison.compare(
        List.of(session("bird", "r2", R2, true)),
        Map.of("r1", fibs),
        Map.of("r1/bird", List.of(rib("master6", P, "r2", R2, true, "", 65002))),
        observation(List.of(seen(LabDaemon.BIRD, "r2", R2, SessionState.ESTABLISHED)),
            List.of(bgp(LabDaemon.BIRD, "master6", P, "bgp", true, "unicast", R2, 65002L)),
            List.of(BASE_REAL, kernel(P, "unicast", "bird", 32L, new ObservedKernelRoute.NextHop(R2, "eth0")))));
    assertThat(d.differences()).isEmpty();
    assertThat(d.agrees()).isTrue();
    // session, two kernel routes (the local one is not compared), one RIB best route
    assertThat(d.compared()).isEqualTo(4);
  }

  @Test
  void sessionStateMissingAndExtraAreReportedPerNeighbor() {
    LabDiff d = LabComparison.compare(
        List.of(session("bird", "r2", R2, true), session("frr", "default/fd00:1::3", R3, false)),
        Map.of(), Map.of(),
        observation(List.of(seen(LabDaemon.BIRD, "r2", R2, SessionState.ACTIVE), seen(LabDaemon.FRR, "fd00:1::3", R3, SessionState.ESTABLISHED),
            seen(LabDaemon.BIRD, "other", R3, SessionState.IDLE)), List.of(), List.of()));
    assertThat(d.differences()).extracting(LabDifference::kind, LabDifference::item, LabDifference::real).containsExactly(
        org.assertj.core.groups.Tuple.tuple(LabDifference.Kind.SESSION_STATE, "session bird r2 (fd00:1::2)", "ACTIVE"),
        org.assertj.core.groups.Tuple.tuple(LabDifference.Kind.SESSION_STATE, "session frr fd00:1::3", "ESTABLISHED"),
        org.assertj.core.groups.Tuple.tuple(LabDifference.Kind.SESSION_EXTRA, "session bird other (fd00:1::3)", "IDLE"));
    assertThat(d.differences().get(1).simulated()).isEqualTo("not Established (AS mismatch)");
  }

  @Test
  void kernelRoutesMissingExtraNextHopTypeAndMetric() {
    IpPrefix q = IpPrefix.parse("fd00:a:3::/48");
    IpPrefix u = IpPrefix.parse("fd00:a:4::/48");
    IpPrefix m = IpPrefix.parse("fd00:a:5::/48");
    IpPrefix x = IpPrefix.parse("fd00:a:6::/48");
    List<FibEntry> fibs = new java.util.ArrayList<>(BASE_FIB);
    fibs.add(fib(P, "bird", 32, KernelRoute.Type.UNICAST, R2, "eth0", "r1/bird"));
    fibs.add(fib(q, "bird", 32, KernelRoute.Type.UNICAST, R2, "eth0", "r1/bird"));
    fibs.add(fib(u, "bird", 32, KernelRoute.Type.UNREACHABLE, null, "lo", "r1/bird"));
    fibs.add(fib(m, "bgp", 20, KernelRoute.Type.UNICAST, R2, "eth0", "r1/frr"));
    LabDiff d = LabComparison.compare(List.of(), Map.of("r1", fibs), Map.of(), observation(List.of(), List.of(), List.of(BASE_REAL,
        kernel(q, "unicast", "bird", 32L, new ObservedKernelRoute.NextHop(R3, "eth0")),
        kernel(u, "unicast", "bird", 32L, new ObservedKernelRoute.NextHop(R2, "eth0")),
        kernel(m, "unicast", "bgp", 20L, new ObservedKernelRoute.NextHop(R2_LL, "eth0"), new ObservedKernelRoute.NextHop(IpAddr.parse("fe80::3"), "eth0")),
        kernel(x, "unicast", "bird", 32L, new ObservedKernelRoute.NextHop(R2, "eth0")))));
    assertThat(d.differences()).extracting(LabDifference::kind, LabDifference::item).containsExactly(
        org.assertj.core.groups.Tuple.tuple(LabDifference.Kind.ROUTE_MISSING, "fib main fd00:a:2::/48 bird"),
        org.assertj.core.groups.Tuple.tuple(LabDifference.Kind.ROUTE_EXTRA, "fib main fd00:a:6::/48 bird"),
        org.assertj.core.groups.Tuple.tuple(LabDifference.Kind.ROUTE_TYPE, "fib main fd00:a:4::/48 bird"),
        org.assertj.core.groups.Tuple.tuple(LabDifference.Kind.ROUTE_NEXT_HOP, "fib main fd00:a:3::/48 bird"),
        org.assertj.core.groups.Tuple.tuple(LabDifference.Kind.ROUTE_NEXT_HOP, "fib main fd00:a:5::/48 bgp"));
    assertThat(d.differences().get(4).simulated()).isEqualTo("via fd00:1::2 dev eth0");
    assertThat(d.differences().get(4).real()).isEqualTo("via fe80::2 dev eth0, via fe80::3 dev eth0");
  }

  @Test
  void linkLocalGatewayOnTheSameDeviceAndNonUnicastDevicesAreNormalised() {
    List<FibEntry> fibs = new java.util.ArrayList<>(BASE_FIB);
    fibs.add(fib(P, "bgp", 20, KernelRoute.Type.UNICAST, R2, "eth0", "r1/frr"));
    IpPrefix b = IpPrefix.parse("fd00:a:1::/48");
    fibs.add(fib(b, "static", 20, KernelRoute.Type.BLACKHOLE, null, null, "r1/frr"));
    LabDiff d = LabComparison.compare(List.of(), Map.of("r1", fibs), Map.of(), observation(List.of(), List.of(), List.of(BASE_REAL,
        kernel(P, "unicast", "bgp", 20L, new ObservedKernelRoute.NextHop(R2_LL, "eth0")),
        kernel(b, "blackhole", "static", 20L, new ObservedKernelRoute.NextHop(null, "lo")))));
    assertThat(d.differences()).isEmpty();
    assertThat(d.normalised()).containsEntry(LabComparison.LINK_LOCAL_GATEWAY, 1).containsEntry(LabComparison.NON_UNICAST_DEVICE, 1);

    // a link-local gateway on another device is still a difference
    LabDiff other = LabComparison.compare(List.of(), Map.of("r1", fibs), Map.of(), observation(List.of(), List.of(), List.of(BASE_REAL,
        kernel(P, "unicast", "bgp", 20L, new ObservedKernelRoute.NextHop(R2_LL, "eth1")),
        kernel(b, "blackhole", "static", 20L, new ObservedKernelRoute.NextHop(null, "lo")))));
    assertThat(other.differences()).extracting(LabDifference::kind).containsExactly(LabDifference.Kind.ROUTE_NEXT_HOP);
  }

  @Test
  void ribBestRoutesNextHopAsPathKindAndArrivalOrderTies() {
    IpPrefix q = IpPrefix.parse("fd00:a:3::/48");
    IpPrefix t = IpPrefix.parse("fd00:a:4::/48");
    IpPrefix u = IpPrefix.parse("fd00:a:5::/48");
    Map<String, List<RibEntry>> ribs = Map.of(
        "r1/frr", List.of(
            rib("default ipv6 unicast", P, "default/fd00:1::2", R2, true, "", 65002),
            rib("default ipv6 unicast", q, "default/fd00:1::2", R2, true, "", 65002),
            rib("default ipv6 unicast", t, "default/fd00:1::2", R2, true, "", 65009),
            tie("default ipv6 unicast", t, "default/fd00:1::3", R3, false, "lost: router-id (arrival order is not modelled)", 65009)),
        "r1/bird", List.of(rib("master6", u, "r2", R2, true, "unreachable: no route covers next hop", 65002)));
    LabDiff d = LabComparison.compare(List.of(), Map.of(), ribs, observation(List.of(), List.of(
        bgp(LabDaemon.FRR, "default", P, "bgp", true, "unicast", R3, 65002L),
        bgp(LabDaemon.FRR, "default", q, "bgp", true, "unicast", R2, 65002L, 65010L),
        bgp(LabDaemon.FRR, "default", t, "bgp", true, "unicast", R3, 65009L),
        bgp(LabDaemon.BIRD, "master6", u, "bgp", true, "unicast", R2, 65002L)), List.of()));
    assertThat(d.differences()).extracting(LabDifference::kind, LabDifference::item).containsExactly(
        org.assertj.core.groups.Tuple.tuple(LabDifference.Kind.RIB_NEXT_HOP, "rib frr default fd00:a:2::/48"),
        org.assertj.core.groups.Tuple.tuple(LabDifference.Kind.RIB_AS_PATH, "rib frr default fd00:a:3::/48"),
        org.assertj.core.groups.Tuple.tuple(LabDifference.Kind.RIB_KIND, "rib bird master6 fd00:a:5::/48"));
    assertThat(d.normalised()).containsEntry(LabComparison.ARRIVAL_ORDER_TIE, 1);
    assertThat(d.differences().get(2).simulated()).isEqualTo("unreachable via fd00:1::2 as-path [65002]");
  }

  @Test
  void aMultipathCompanionIsNotTheBestAndFibTiesAcceptOnlyTiedNextHops() {
    IpPrefix v4 = IpPrefix.parse("172.16.3.0/24");
    IpAddr a = IpAddr.parse("10.1.0.2");
    IpAddr b = IpAddr.parse("10.1.0.3");
    IpAddr c = IpAddr.parse("10.1.0.4");
    // b ties with the best a down to step 12 (different neighbour AS: no multipath), c does not tie
    Map<String, List<RibEntry>> ribs = Map.of("r1/frr", List.of(
        rib("default ipv4 unicast", v4, "default/10.1.0.2", a, true, "", 65002),
        tie("default ipv4 unicast", v4, "default/10.1.0.3", b, false, "lost: router-id", 65003),
        rib("default ipv4 unicast", v4, "default/10.1.0.4", c, false, "lost: AS path length 2 vs 1", 65004, 65005),
        rib("default ipv4 unicast", P, "default/fd00:1::2", R2, true, "", 65002),
        rib("default ipv4 unicast", P, "default/fd00:1::3", R3, true, "multipath", 65002)));
    IpPrefix lan = IpPrefix.parse("10.1.0.0/24");
    List<FibEntry> fibs = new java.util.ArrayList<>(BASE_FIB);
    fibs.add(fib(lan, "kernel", 0, KernelRoute.Type.UNICAST, null, "eth0", "kernel"));
    fibs.add(fib(v4, "bgp", 20, KernelRoute.Type.UNICAST, a, "eth0", "r1/frr"));
    ObservedKernelRoute realLan = kernel(lan, "unicast", "kernel", null, new ObservedKernelRoute.NextHop(null, "eth0"));
    List<ObservedBgpRoute> realRib = List.of(bgp(LabDaemon.FRR, "default", v4, "bgp", true, "unicast", b, 65003L),
        bgp(LabDaemon.FRR, "default", P, "bgp", true, "unicast", R2, 65002L));
    LabDiff agree = LabComparison.compare(List.of(), Map.of("r1", fibs), ribs, observation(List.of(), realRib, List.of(BASE_REAL, realLan,
        kernel(v4, "unicast", "bgp", 20L, new ObservedKernelRoute.NextHop(b, "eth0")))));
    assertThat(agree.differences()).isEmpty();
    assertThat(agree.normalised()).containsEntry(LabComparison.ARRIVAL_ORDER_TIE, 2);

    // c is not in the tie set: still a difference, in the FIB and in the RIB
    LabDiff differ = LabComparison.compare(List.of(), Map.of("r1", fibs), ribs, observation(List.of(),
        List.of(bgp(LabDaemon.FRR, "default", v4, "bgp", true, "unicast", c, 65004L, 65005L), realRib.get(1)), List.of(BASE_REAL, realLan,
        kernel(v4, "unicast", "bgp", 20L, new ObservedKernelRoute.NextHop(c, "eth0")))));
    assertThat(differ.differences()).extracting(LabDifference::kind).containsExactlyInAnyOrder(
        LabDifference.Kind.ROUTE_NEXT_HOP, LabDifference.Kind.RIB_AS_PATH);
  }

  @Test
  void aTiedCandidateOnAnotherDeviceMatchesItsLinkLocalNextHopThere() {
    // lab seed 10 r3: the tie is between a path via eth0 and one via eth1; real zebra installs the eth1 one via fe80::
    IpPrefix lan2 = IpPrefix.parse("fd00:2::/64");
    IpAddr other = IpAddr.parse("fd00:2::3");
    Map<String, List<RibEntry>> ribs = Map.of("r1/frr", List.of(
        rib("default ipv6 unicast", P, "default/fd00:1::2", R2, true, "", 65007, 65002),
        tie("default ipv6 unicast", P, "default/fd00:2::1", other, false, "lost: router-id", 65003, 65002)));
    List<FibEntry> fibs = new java.util.ArrayList<>(BASE_FIB);
    fibs.add(fib(lan2, "kernel", 256, KernelRoute.Type.UNICAST, null, "eth1", "kernel"));
    fibs.add(fib(P, "bgp", 20, KernelRoute.Type.UNICAST, R2, "eth0", "r1/frr"));
    ObservedKernelRoute realLan2 = kernel(lan2, "unicast", "kernel", 256L, new ObservedKernelRoute.NextHop(null, "eth1"));
    java.util.function.Function<String, LabDiff> withRealDevice = dev -> LabComparison.compare(List.of(), Map.of("r1", fibs), ribs,
        observation(List.of(), List.of(bgp(LabDaemon.FRR, "default", P, "bgp", true, "unicast", other, 65003L, 65002L)),
            List.of(BASE_REAL, realLan2, kernel(P, "unicast", "bgp", 20L, new ObservedKernelRoute.NextHop(IpAddr.parse("fe80::3"), dev)))));
    assertThat(withRealDevice.apply("eth1").differences()).isEmpty();
    assertThat(withRealDevice.apply("eth2").differences()).extracting(LabDifference::kind)
        .containsExactly(LabDifference.Kind.ROUTE_NEXT_HOP);
  }

  @Test
  void podStandInRoutesAreScaffoldingWithoutSimulatedAgentRoutes() {
    IpPrefix pod = IpPrefix.parse("fd00:10:224::/80");
    LabDiff d = LabComparison.compare(List.of(), Map.of("r1", BASE_FIB), Map.of(), observation(List.of(), List.of(), List.of(BASE_REAL,
        kernel(pod, "unicast", "boot", 1024L, new ObservedKernelRoute.NextHop(null, "lxc0")))));
    assertThat(d.differences()).isEmpty();
    assertThat(d.normalised()).containsEntry(LabComparison.POD_STAND_IN_ROUTE, 1);
  }

  @Test
  void anUnconvergedRunIsADifference() {
    LabDiff d = LabComparison.compare(List.of(), Map.of(), Map.of(),
        new LabObservation(List.of(), List.of(), List.of(), false, Duration.ofSeconds(60)));
    assertThat(d.differences()).extracting(LabDifference::kind).containsExactly(LabDifference.Kind.NOT_CONVERGED);
    assertThat(LabDiffText.lines("x", d, new LabObservation(List.of(), List.of(), List.of(), false, Duration.ofSeconds(60))))
        .last().asString().contains("DIFFER").contains("NOT converged");
  }

  @Test
  void anFrrNeighborDownOnBothSidesButUnlistedByFrrIsNormalisedButAnUpOneIsMissing() {
    LabDiff down = LabComparison.compare(List.of(session("frr", "default/fd00:1::3", R3, false)), Map.of(), Map.of(),
        observation(List.of(), List.of(), List.of()));
    assertThat(down.differences()).isEmpty();
    assertThat(down.normalised()).containsEntry(LabComparison.FRR_UNLISTED_DOWN_SESSION, 1);
    LabDiff up = LabComparison.compare(List.of(session("frr", "default/fd00:1::3", R3, true)), Map.of(), Map.of(),
        observation(List.of(), List.of(), List.of()));
    assertThat(up.differences()).extracting(LabDifference::kind).containsExactly(LabDifference.Kind.SESSION_MISSING);
  }
}
