package dev.podpath.lab.generate;

import dev.podpath.core.net.IpAddr;
import dev.podpath.core.net.IpPrefix;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * Draws a random internetwork from a seed. Every decision comes from one {@link Random} (its
 * algorithm is fixed by the Java specification, so a seed means the same plan on every JVM) in a
 * fixed order; collections are lists, never hash-ordered. Addresses (docs/generator.md
 * "Addressing") are derived from segment and router numbers, so they are unique by construction.
 */
final class RandomPlanner {

  private static final long FIRST_ASN = 65001;
  static final int LOCALHOST_BIRD_PORT = 1179;

  private final Random rnd;
  private final long seed;
  private final GeneratorOptions options;
  private final Set<Variation> drawn = EnumSet.noneOf(Variation.class);
  private final List<PlanRouter> routers = new ArrayList<>();
  private final List<PlanSegment> segments = new ArrayList<>();
  private final List<Edge> edges = new ArrayList<>();
  private final List<PlanSession> sessions = new ArrayList<>();
  private final Set<Edge> multihop = new LinkedHashSet<>();
  private Family family;
  private PlanRouter rr;
  private List<PlanRouter> rrClients = List.of();
  private boolean loopRealised;
  /** The two same-AS routers of the AS-path loop that accept their own AS from the middle one. */
  private List<PlanRouter> allowLocalAs = List.of();
  private PlanRouter allowLocalAsMiddle;

  /** Two routers peering across {@code segment}. */
  private record Edge(PlanRouter x, PlanRouter y, PlanSegment segment) {
    boolean joins(PlanRouter a, PlanRouter b) {
      return (x == a && y == b) || (x == b && y == a);
    }

    PlanRouter otherThan(PlanRouter r) {
      return x == r ? y : x;
    }
  }

  RandomPlanner(long seed, GeneratorOptions options) {
    this.seed = seed;
    this.rnd = new Random(scramble(seed));
    this.options = options;
  }

  RandomPlan plan() {
    // One uniform draw per variation, always, so that switching one off leaves the others' draws alone.
    for (Variation v : Variation.values()) {
      double d = rnd.nextDouble();
      if (options.enabled().contains(v) && (options.forced().contains(v) || d < v.probability())) {
        drawn.add(v);
      }
    }
    List<Family> fams = List.copyOf(options.families());
    family = fams.get(rnd.nextInt(fams.size()));
    int n = options.minRouters() + rnd.nextInt(options.maxRouters() - options.minRouters() + 1);
    for (int i = 1; i <= n; i++) {
      routers.add(new PlanRouter(i));
    }
    buildSegments(n);
    buildEdges();
    assignAsns(n);
    if (drawn.contains(Variation.ROUTE_REFLECTOR)) {
      placeRouteReflector();
    }
    if (drawn.contains(Variation.AS_PATH_LOOP)) {
      placeAsPathLoop();
    }
    if (drawn.contains(Variation.MULTIHOP)) {
      placeMultihop();
    }
    if (drawn.contains(Variation.LOCALHOST)) {
      placeLocalhost();
    }
    buildSessions();
    originate();
    chooseDaemonOptions();
    choosePolicies();
    return new RandomPlan(seed, family, List.copyOf(segments), List.copyOf(routers), List.copyOf(sessions),
        RealisedFeatures.of(family, routers, sessions, loopRealised));
  }

  private boolean chance(double p) {
    return rnd.nextDouble() < p;
  }

  private <T> T pick(List<T> list) {
    return list.get(rnd.nextInt(list.size()));
  }

  private void buildSegments(int n) {
    int count = 1;
    if (drawn.contains(Variation.MULTI_HOMED) && n >= 3) {
      count = Math.min(n - 1, 2 + rnd.nextInt(Math.max(1, n / 3)));
    }
    List<PlanRouter> order = new ArrayList<>(routers);
    java.util.Collections.shuffle(order, rnd);
    List<List<PlanRouter>> members = new ArrayList<>();
    for (int s = 0; s < count; s++) {
      members.add(new ArrayList<>());
    }
    for (int i = 0; i < order.size(); i++) {
      members.get(i % count).add(order.get(i));
    }
    // Bridge every later segment to an earlier one, so the internetwork is connected.
    for (int s = 1; s < count; s++) {
      List<PlanRouter> earlier = new ArrayList<>();
      for (int t = 0; t < s; t++) {
        earlier.addAll(members.get(t));
      }
      PlanRouter bridge = pick(earlier);
      if (!members.get(s).contains(bridge)) {
        members.get(s).add(bridge);
      }
    }
    if (count > 1) {
      for (PlanRouter r : routers) {
        if (chance(0.15)) {
          List<PlanRouter> seg = pick(members);
          if (!seg.contains(r)) {
            seg.add(r);
          }
        }
      }
    }
    for (int s = 0; s < count; s++) {
      int number = s + 1;
      int size = members.get(s).size();
      // IPv4 /29 holds hosts .1-.6: only for small segments.
      int len4 = size <= 6 && chance(0.35) ? 29 : 24;
      int third = rnd.nextInt(256);
      IpPrefix v4 = family.v4() ? new IpPrefix(IpAddr.v4(10, number, third, 0), len4) : null;
      IpPrefix v6 = family.v6() ? new IpPrefix(v6(0xfd00, 0, number, 0, 0, 0, 0, 0), 64) : null;
      PlanSegment seg = new PlanSegment(number, v4, v6);
      segments.add(seg);
      for (PlanRouter r : members.get(s)) {
        int pos = seg.members.size();
        seg.members.add(r);
        r.interfaces.add(new PlanInterface("eth" + r.interfaces.size(), seg,
            family.v4() ? seg.address(false, pos) : null, family.v6() ? seg.address(true, pos) : null));
      }
    }
  }

  private void buildEdges() {
    for (PlanSegment s : segments) {
      List<PlanRouter> m = s.members;
      for (int j = 1; j < m.size(); j++) {
        addEdge(m.get(j), m.get(rnd.nextInt(j)), s);
      }
      for (int i = 0; i < m.size(); i++) {
        for (int j = i + 1; j < m.size(); j++) {
          if (chance(0.25)) {
            addEdge(m.get(i), m.get(j), s);
          }
        }
      }
    }
  }

  private void addEdge(PlanRouter a, PlanRouter b, PlanSegment s) {
    if (edges.stream().noneMatch(e -> e.joins(a, b))) {
      edges.add(new Edge(a, b, s));
    }
  }

  private void assignAsns(int n) {
    int distinct = 1 + rnd.nextInt(n);
    for (PlanRouter r : routers) {
      Daemon d = chance(0.5) ? Daemon.BIRD : Daemon.FRR;
      long asn = FIRST_ASN + rnd.nextInt(distinct);
      r.main = new PlanSpeaker(r, d, asn, "10.255.255." + r.number);
    }
  }

  /** An iBGP route reflector with two clients on one segment; the clients do not peer each other. */
  private void placeRouteReflector() {
    List<PlanSegment> big = segments.stream().filter(s -> s.members.size() >= 3).toList();
    if (big.isEmpty()) {
      return;
    }
    PlanSegment s = pick(big);
    List<PlanRouter> m = new ArrayList<>(s.members);
    java.util.Collections.shuffle(m, rnd);
    rr = m.get(0);
    rrClients = List.of(m.get(1), m.get(2));
    for (PlanRouter c : rrClients) {
      c.main.asn = rr.main.asn;
      addEdge(rr, c, s);
    }
    edges.removeIf(e -> e.joins(rrClients.get(0), rrClients.get(1)));
  }

  /** A and B in one AS with only the eBGP router M between them (routing-facts §2.6, §3.3). */
  private void placeAsPathLoop() {
    Set<PlanRouter> fixed = new LinkedHashSet<>(rrClients);
    if (rr != null) {
      fixed.add(rr);
    }
    record Triple(PlanRouter a, PlanRouter m, PlanRouter b) {}
    List<Triple> candidates = new ArrayList<>();
    for (PlanRouter m : routers) {
      List<PlanRouter> nb = edges.stream().filter(e -> e.x == m || e.y == m).map(e -> e.otherThan(m))
          .filter(r -> !fixed.contains(r)).toList();
      for (PlanRouter a : nb) {
        for (PlanRouter b : nb) {
          if (a.number < b.number && (!fixed.contains(m) || m.main.asn != a.main.asn)) {
            candidates.add(new Triple(a, m, b));
          }
        }
      }
    }
    if (candidates.isEmpty()) {
      return;
    }
    Triple t = pick(candidates);
    if (t.m.main.asn == t.a.main.asn) {
      t.m.main.asn = 65050 + t.m.number;
    }
    t.b.main.asn = t.a.main.asn;
    edges.removeIf(e -> e.joins(t.a, t.b));
    loopRealised = true;
    if (drawn.contains(Variation.ALLOW_LOCAL_AS)) {
      allowLocalAs = List.of(t.a, t.b);
      allowLocalAsMiddle = t.m;
    }
  }

  private void placeMultihop() {
    List<Edge> pool = new ArrayList<>(edges);
    int count = Math.min(pool.size(), chance(0.3) ? 2 : 1);
    for (int i = 0; i < count; i++) {
      Edge e = pool.remove(rnd.nextInt(pool.size()));
      multihop.add(e);
      for (PlanRouter r : List.of(e.x, e.y)) {
        if (family.v4()) {
          r.lo4 = IpAddr.v4(10, 255, 0, r.number);
        }
        if (family.v6()) {
          r.lo6 = v6(0xfd00, 0xff, 0, 0, 0, 0, 0, r.number);
        }
      }
    }
  }

  /** A bird2 daemon next to the host's FRR, peering over localhost (bird listens on another port). */
  private void placeLocalhost() {
    PlanRouter h = pick(routers);
    h.main.daemon = Daemon.FRR;
    long asn = chance(0.5) ? h.main.asn : 65200 + h.number;
    h.second = new PlanSpeaker(h, Daemon.BIRD, asn, "10.255.254." + h.number);
    // B2012 proto/bgp/bgp.c bgp_open: bird listens on `local port`; FRR keeps 179, so no clash.
    h.second.listenPort = LOCALHOST_BIRD_PORT;
  }

  private void buildSessions() {
    for (Edge e : edges) {
      boolean mh = multihop.contains(e);
      for (boolean v6 : families()) {
        IpAddr lx = mh ? lo(e.x, v6) : e.x.on(e.segment).address(v6);
        IpAddr ly = mh ? lo(e.y, v6) : e.y.on(e.segment).address(v6);
        PlanEnd ex = new PlanEnd(e.x.main, lx);
        PlanEnd ey = new PlanEnd(e.y.main, ly);
        sessions.add(new PlanSession(ex, ey, v6, mh ? PlanSession.Kind.MULTIHOP : PlanSession.Kind.DIRECT));
        if (e.x == rr && rrClients.contains(e.y)) {
          ex.rrClient = true;
        } else if (e.y == rr && rrClients.contains(e.x)) {
          ey.rrClient = true;
        }
        for (PlanEnd end : List.of(ex, ey)) {
          if (allowLocalAs.contains(end.speaker.host) && end.other().speaker.host == allowLocalAsMiddle) {
            end.allowLocalAs = true;
          }
        }
        if (mh) {
          e.x.routes.add(new PlanRoute(IpPrefix.host(ly), e.y.on(e.segment).address(v6)));
          e.y.routes.add(new PlanRoute(IpPrefix.host(lx), e.x.on(e.segment).address(v6)));
        }
      }
    }
    for (PlanRouter r : routers) {
      if (r.second == null) {
        continue;
      }
      List<Boolean> fams = families();
      if (fams.size() == 2 && chance(0.5)) {
        fams = List.of(chance(0.5));
      }
      // lab (bird2 2.0.12 + FRR 8.4.4 with zebra, 2026-11-26): over ::1 / 127.0.0.1 FRR resets the
      // session ("nexthop_set failed ... intf (Unknown)"); over an address on lo both sides come up.
      boolean hostAddress = chance(0.5);
      if (hostAddress) {
        if (family.v4() && r.lo4 == null) {
          r.lo4 = IpAddr.v4(10, 255, 0, r.number);
        }
        if (family.v6() && r.lo6 == null) {
          r.lo6 = v6(0xfd00, 0xff, 0, 0, 0, 0, 0, r.number);
        }
      }
      for (boolean v6 : fams) {
        IpAddr loop = hostAddress ? lo(r, v6) : v6 ? v6(0, 0, 0, 0, 0, 0, 0, 1) : IpAddr.v4(127, 0, 0, 1);
        sessions.add(new PlanSession(new PlanEnd(r.main, loop), new PlanEnd(r.second, loop), v6,
            PlanSession.Kind.LOCALHOST));
      }
    }
  }

  private List<Boolean> families() {
    List<Boolean> out = new ArrayList<>();
    if (family.v4()) {
      out.add(false);
    }
    if (family.v6()) {
      out.add(true);
    }
    return out;
  }

  private static IpAddr lo(PlanRouter r, boolean v6) {
    return v6 ? r.lo6 : r.lo4;
  }

  private void originate() {
    for (PlanRouter r : routers) {
      for (PlanSpeaker s : r.speakers()) {
        List<IpPrefix> prefixes = new ArrayList<>();
        boolean second = s == r.second;
        int extra = second ? 0 : (chance(0.5) ? 1 : 0);
        if (family.v4()) {
          for (int k = 0; k <= extra; k++) {
            prefixes.add(new IpPrefix(IpAddr.v4(172, (second ? 18 : 16 + k), r.number, 0), 24));
          }
        }
        if (family.v6()) {
          for (int k = 0; k <= extra; k++) {
            prefixes.add(new IpPrefix(v6(0xfd00, second ? 0xc : 0xa + k, r.number, 0, 0, 0, 0, 0), 48));
          }
        }
        if (s.daemon == Daemon.BIRD) {
          for (IpPrefix p : prefixes) {
            s.originated.add(birdOrigin(r, p));
          }
        } else {
          Origination.Kind k = Origination.Kind.FRR_NETWORK_STATIC;
          if (drawn.contains(Variation.FRR_REDISTRIBUTE_STATIC) && chance(0.5)) {
            k = Origination.Kind.FRR_REDISTRIBUTE;
          } else if (chance(0.4)) {
            k = Origination.Kind.FRR_NETWORK_NO_CHECK;
            s.importCheckOff = true;
          }
          for (IpPrefix p : prefixes) {
            s.originated.add(new Origination(p, k, null));
          }
        }
      }
    }
    if (drawn.contains(Variation.FRR_NETWORK_UNBACKED)) {
      List<PlanSpeaker> checked = speakers(Daemon.FRR).stream().filter(s -> !s.importCheckOff).toList();
      if (!checked.isEmpty()) {
        PlanSpeaker s = pick(checked);
        int i = rnd.nextInt(s.originated.size());
        s.originated.set(i, new Origination(s.originated.get(i).prefix(), Origination.Kind.FRR_NETWORK_UNBACKED, null));
      }
    }
  }

  private Origination birdOrigin(PlanRouter r, IpPrefix p) {
    if (drawn.contains(Variation.STATIC_UNREACHABLE) && chance(0.4)) {
      return new Origination(p, Origination.Kind.BIRD_UNREACHABLE, null);
    }
    if (drawn.contains(Variation.STATIC_VIA_GATEWAY) && chance(0.4)) {
      List<IpAddr> gateways = new ArrayList<>();
      for (PlanInterface i : r.interfaces) {
        for (PlanRouter m : i.segment().members) {
          if (m != r) {
            gateways.add(m.on(i.segment()).address(p.v6()));
          }
        }
      }
      if (!gateways.isEmpty()) {
        return new Origination(p, Origination.Kind.BIRD_VIA, pick(gateways));
      }
    }
    return new Origination(p, Origination.Kind.BIRD_BLACKHOLE, null);
  }

  private List<PlanSpeaker> speakers(Daemon d) {
    List<PlanSpeaker> out = new ArrayList<>();
    for (PlanRouter r : routers) {
      for (PlanSpeaker s : r.speakers()) {
        if (s.daemon == d) {
          out.add(s);
        }
      }
    }
    return out;
  }

  private void chooseDaemonOptions() {
    List<KernelExport> kernels = new ArrayList<>();
    if (drawn.contains(Variation.KERNEL_EXPORT_ALL)) {
      kernels.add(KernelExport.ALL);
    }
    if (drawn.contains(Variation.KERNEL_EXPORT_NONE)) {
      kernels.add(KernelExport.NONE);
    }
    if (drawn.contains(Variation.KERNEL_EXPORT_FILTERED)) {
      kernels.add(KernelExport.FILTERED);
    }
    for (PlanSpeaker s : speakers(Daemon.BIRD)) {
      s.kernelExport = kernels.isEmpty() ? KernelExport.NO_PROTOCOL : pick(kernels);
      s.kernelLearn = s.kernelExport != KernelExport.NO_PROTOCOL && drawn.contains(Variation.KERNEL_LEARN) && chance(0.5);
    }
    for (PlanSpeaker s : speakers(Daemon.FRR)) {
      s.datacenter = drawn.contains(Variation.FRR_DATACENTER) && chance(0.5);
      s.requiresPolicyOff = !s.datacenter && chance(0.35);
      s.noDefaultIpv4 = family.v4() && drawn.contains(Variation.FRR_NO_DEFAULT_IPV4) && chance(0.5);
    }
    if (drawn.contains(Variation.FRR_MISSING_ACTIVATE)) {
      List<PlanEnd> v4 = new ArrayList<>();
      for (PlanSpeaker s : speakers(Daemon.FRR)) {
        if (s.noDefaultIpv4) {
          s.ends.stream().filter(e -> !e.session.v6).forEach(v4::add);
        }
      }
      if (!v4.isEmpty()) {
        pick(v4).notActivated = true;
      }
    }
  }

  private void choosePolicies() {
    List<PlanEnd> ends = new ArrayList<>();
    for (PlanSession s : sessions) {
      ends.add(s.a);
      ends.add(s.b);
    }
    for (PlanEnd e : ends) {
      e.exportStaticAndBgp = e.speaker.daemon == Daemon.BIRD && chance(0.4);
    }
    if (drawn.contains(Variation.PREFIX_FILTER)) {
      boolean any = false;
      for (PlanEnd e : ends) {
        if (chance(0.3)) {
          any |= denySome(e);
        }
      }
      if (!any && !ends.isEmpty()) {
        denySome(pick(ends));
      }
    }
    if (drawn.contains(Variation.NEXT_HOP_SELF)) {
      for (PlanEnd e : ends) {
        boolean bird = e.speaker.daemon == Daemon.BIRD;
        // FRR next-hop-self matters for routes sent to iBGP peers; eBGP resets the next hop anyway.
        if ((bird || e.ibgp()) && chance(bird ? 0.35 : 0.5)) {
          e.nextHop = NextHop.SELF;
        }
      }
    }
    if (drawn.contains(Variation.NEXT_HOP_KEEP)) {
      for (PlanEnd e : ends) {
        if (e.speaker.daemon == Daemon.BIRD && e.nextHop == NextHop.DEFAULT && chance(0.35)) {
          e.nextHop = NextHop.KEEP;
        }
      }
    }
    if (drawn.contains(Variation.RFC8212)) {
      List<PlanEnd> ebgp = ends.stream().filter(e -> e.speaker.daemon == Daemon.FRR && !e.ibgp()).toList();
      if (!ebgp.isEmpty()) {
        PlanEnd e = pick(ebgp);
        // FRR 8.4 traditional profile: bgp ebgp-requires-policy on (routing-facts §3.1, §3.2).
        e.speaker.datacenter = false;
        e.speaker.requiresPolicyOff = false;
        double d = rnd.nextDouble();
        e.noInPolicy = d < 0.8;
        e.noOutPolicy = d < 0.6 || d >= 0.8;
        if (e.noInPolicy) {
          e.importDeny.clear();
        }
      }
    }
  }

  /** Adds 1-2 prefixes originated elsewhere (same family) to the end's import deny list. */
  private boolean denySome(PlanEnd e) {
    List<IpPrefix> pool = new ArrayList<>();
    for (PlanRouter r : routers) {
      for (PlanSpeaker s : r.speakers()) {
        if (s != e.speaker) {
          s.originated.stream().map(Origination::prefix).filter(p -> p.v6() == e.session.v6)
              .filter(p -> !e.importDeny.contains(p)).forEach(pool::add);
        }
      }
    }
    if (pool.isEmpty()) {
      return false;
    }
    int k = Math.min(pool.size(), 1 + rnd.nextInt(2));
    for (int i = 0; i < k; i++) {
      e.importDeny.add(pool.remove(rnd.nextInt(pool.size())));
    }
    return true;
  }

  /**
   * SplitMix64's finaliser: java.util.Random's first outputs for neighbouring seeds (1, 2, 3...)
   * are nearly equal, which would make seeds 1-200 draw almost the same variations.
   */
  static long scramble(long seed) {
    long z = seed + 0x9E3779B97F4A7C15L;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  static IpAddr v6(int... groups) {
    long hi = 0;
    long lo = 0;
    for (int i = 0; i < 4; i++) {
      hi = (hi << 16) | (groups[i] & 0xffff);
      lo = (lo << 16) | (groups[i + 4] & 0xffff);
    }
    return new IpAddr(true, hi, lo);
  }
}
