package dev.podpath.controlplane;

import dev.podpath.controlplane.spi.RibEntry;
import dev.podpath.controlplane.spi.RoutingDaemon;
import dev.podpath.core.Finding;
import dev.podpath.core.SourceRef;
import dev.podpath.model.network.Host;
import dev.podpath.model.network.LinuxAddressRoutes;
import dev.podpath.model.network.Network;
import dev.podpath.model.network.StaticRoutes;
import dev.podpath.model.routing.KernelRoute;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The control plane's entry point. Two nested fixed points as in Batfish's IncrementalBdpEngine:
 * the outer one recomputes sessions from the kernel FIBs, exchanges routes over them, rebuilds the
 * FIBs from what daemons and agents install, and stops when the FIBs no longer change (at most
 * {@link #MAX_OUTER_ITERATIONS}, a repeated state is reported as oscillation); the inner one is
 * {@link RouteExchange}. When an outer iteration finds the same sessions, the exchange continues
 * incrementally: only daemons on hosts whose FIB changed run again.
 *
 * <p>Use:
 * <pre>{@code
 * Network net = Network.of(hostSpecs);                       // host.yaml records
 * List<RoutingDaemon> daemons = ...;                         // BirdDaemon, FrrDaemon, new CiliumBgpSpeaker(cfg) per node
 * List<AgentRouteSource> agents = ...;                       // new CiliumAgentRoutes(nodeRouting) per node
 * ControlPlaneResult r = ControlPlane.compute(net, daemons, agents);
 * r.sessions();            // podpath sessions: one SessionResult per configured neighbor, with reason
 * r.fib("w1").routes();    // podpath routes: the kernel tables (KernelRouteText.of for `ip route` text)
 * r.ribs().get("w1/bird"); // the daemon's RIB entries
 * }</pre>
 */
public final class ControlPlane {

  /** Batfish IncrementalBdpEngine MAX_TOPOLOGY_ITERATIONS = 10. */
  public static final int MAX_OUTER_ITERATIONS = 10;
  public static final int DEFAULT_MAX_ROUNDS = 10_000;

  private ControlPlane() {}

  public static ControlPlaneResult compute(Network network, List<RoutingDaemon> daemons, List<? extends AgentRouteSource> agents) {
    return compute(network, daemons, agents, DEFAULT_MAX_ROUNDS);
  }

  /** Without agent routes (no Cilium on any host). */
  public static ControlPlaneResult compute(Network network, List<RoutingDaemon> daemons) {
    return compute(network, daemons, List.of(), DEFAULT_MAX_ROUNDS);
  }

  public static ControlPlaneResult compute(Network network, List<RoutingDaemon> daemons, List<? extends AgentRouteSource> agents, int maxRounds) {
    List<RoutingDaemon> sorted = new ArrayList<>(daemons);
    sorted.sort(Comparator.comparing(DaemonRef::of));
    List<Finding> findings = new ArrayList<>(network.findings());
    Set<DaemonRef> refs = new HashSet<>();
    List<RoutingDaemon> unique = new ArrayList<>();
    for (RoutingDaemon d : sorted) {
      if (!refs.add(DaemonRef.of(d))) {
        findings.add(Finding.error("bgp/duplicate-daemon", "two daemons named " + d.name() + " on host " + d.host() + "; the second is ignored", SourceRef.NONE).onHost(d.host()));
        continue;
      }
      if (network.host(d.host()).isEmpty()) {
        findings.add(Finding.warning("host/missing-host-yaml", "no host.yaml for " + d.host() + " (it runs " + d.name() + "): its interfaces and routes are unknown", SourceRef.NONE).onHost(d.host()));
      }
      unique.add(d);
    }
    List<AgentRouteSource> agentList = new ArrayList<>(agents);
    agentList.sort(Comparator.comparing(AgentRouteSource::host).thenComparing(AgentRouteSource::installer));

    Map<String, List<KernelRoute>> kernelBase = new TreeMap<>();
    Map<String, List<KernelRoute>> staticBase = new TreeMap<>();
    for (Host h : network.hosts().values()) {
      kernelBase.put(h.name(), LinuxAddressRoutes.of(h));
      staticBase.put(h.name(), StaticRoutes.of(h));
    }
    Map<String, List<AgentRouteSource.Installed>> agentRoutes = new HashMap<>();
    Map<String, List<FibEntryInput>> daemonRoutes = new HashMap<>();
    // one interner for the whole computation: equal routes are one object across hosts and iterations
    Map<KernelRoute, KernelRoute> interner = new java.util.concurrent.ConcurrentHashMap<>();
    Built built = build(network, kernelBase, staticBase, agentList, agentRoutes, daemonRoutes, interner);
    // the agent looks at the host as booted (addresses + static routes) the first time
    agentRoutes = computeAgents(agentList, built.fibs);
    built = build(network, kernelBase, staticBase, agentList, agentRoutes, daemonRoutes, interner);

    RouteExchange exchange = null;
    List<EstablishedSession> prevEstablished = null;
    BgpSessionFinder.Sessions sessions = null;
    int totalRounds = 0;
    int outer = 0;
    boolean converged = false;
    Set<Long> seenStates = new HashSet<>();
    List<Finding> exchangeFindings = new ArrayList<>();
    SortedMap<String, KernelFib> previousFibs = null;
    while (outer < MAX_OUTER_ITERATIONS) {
      outer++;
      sessions = new BgpSessionFinder(network, built.fibs).find(unique);
      boolean reopen = exchange == null || !sessions.established().equals(prevEstablished);
      if (reopen) {
        TreeSet<Integer> all = new TreeSet<>();
        for (int i = 0; i < unique.size(); i++) {
          RoutingDaemon d = unique.get(i);
          DaemonRef r = DaemonRef.of(d);
          d.hostView(new EngineHostView(network, d.host(), built.fibs.get(d.host()), r.key()));
          d.open(sessions.contextsOf(r));
          all.add(i);
        }
        if (exchange != null) {
          totalRounds += exchange.rounds();
          exchangeFindings.addAll(exchange.findings());
        }
        exchange = new RouteExchange(unique, sessions.established(), maxRounds);
        exchange.run(all, true);
      } else {
        TreeSet<Integer> dirty = new TreeSet<>();
        for (int i = 0; i < unique.size(); i++) {
          RoutingDaemon d = unique.get(i);
          KernelFib now = built.fibs.get(d.host());
          KernelFib before = previousFibs == null ? null : previousFibs.get(d.host());
          if (!java.util.Objects.equals(now, before)) {
            d.hostView(new EngineHostView(network, d.host(), now, DaemonRef.of(d).key()));
            dirty.add(i);
          }
        }
        exchange.run(dirty, false);
      }
      prevEstablished = sessions.established();
      daemonRoutes = new HashMap<>();
      for (RoutingDaemon d : unique) {
        daemonRoutes.computeIfAbsent(d.host(), k -> new ArrayList<>())
            .add(new FibEntryInput(DaemonRef.of(d).key(), intern(d.kernelRoutes(), interner), d.replacesKernelRoutes() ? InstallMode.REPLACE : InstallMode.ADD));
      }
      Map<String, List<AgentRouteSource.Installed>> newAgentRoutes = computeAgents(agentList, built.fibs);
      Built next = build(network, kernelBase, staticBase, agentList, newAgentRoutes, daemonRoutes, built, interner);
      previousFibs = built.fibs;
      if (!exchange.converged()) {
        // the route exchange oscillates (reported by it): the FIBs show the state where it stopped
        built = next;
        agentRoutes = newAgentRoutes;
        break;
      }
      if (next.fibs.equals(built.fibs)) {
        built = next;
        agentRoutes = newAgentRoutes;
        converged = exchange.converged();
        break;
      }
      long state = 0;
      for (KernelFib f : next.fibs.values()) {
        state = state * 31 + f.fingerprint();
      }
      if (!seenStates.add(state)) {
        findings.add(Finding.error("bgp/topology-oscillation", "sessions and kernel routes do not settle: the FIBs after outer iteration "
            + outer + " repeat an earlier state (a session's TCP path, or what a daemon originates or selects, depends on kernel routes that "
            + "the exchange itself changes, e.g. zebra preferring another daemon's kernel route over the static route it redistributes)",
            SourceRef.NONE));
        built = next;
        agentRoutes = newAgentRoutes;
        break;
      }
      built = next;
      agentRoutes = newAgentRoutes;
      if (outer == MAX_OUTER_ITERATIONS) {
        findings.add(Finding.error("bgp/topology-no-fixed-point", "sessions and kernel routes still change after "
            + MAX_OUTER_ITERATIONS + " outer iterations", SourceRef.NONE));
      }
    }
    totalRounds += exchange == null ? 0 : exchange.rounds();
    if (exchange != null) {
      exchangeFindings.addAll(exchange.findings());
    }
    findings.addAll(exchangeFindings);
    findings.addAll(built.allFindings());
    for (List<AgentRouteSource.Installed> l : agentRoutes.values()) {
      for (AgentRouteSource.Installed i : l) {
        findings.addAll(i.findings());
      }
    }
    SortedMap<String, List<RibEntry>> ribs = new TreeMap<>();
    for (RoutingDaemon d : unique) {
      ribs.put(DaemonRef.of(d).key(), List.copyOf(d.rib()));
      for (Finding f : d.findings()) {
        findings.add(f.host().isEmpty() ? f.onHost(d.host()) : f);
      }
    }
    List<Finding> dedup = new ArrayList<>(new java.util.LinkedHashSet<>(findings));
    dedup.sort(Finding.ORDER);
    return new ControlPlaneResult(sessions == null ? List.of() : sessions.results(), sessions == null ? List.of() : sessions.established(),
        Collections.unmodifiableSortedMap(built.fibs), Collections.unmodifiableSortedMap(ribs), dedup, outer, totalRounds, converged);
  }

  /** The daemon's routes as canonical objects: what is kept between iterations is shared, not per host. */
  private static List<KernelRoute> intern(List<KernelRoute> routes, Map<KernelRoute, KernelRoute> interner) {
    List<KernelRoute> out = new ArrayList<>(routes.size());
    for (KernelRoute r : routes) {
      out.add(interner.computeIfAbsent(r, k -> k));
    }
    return java.util.Collections.unmodifiableList(out);
  }

  private record FibEntryInput(String installer, List<KernelRoute> routes, InstallMode mode) {}

  private record Built(SortedMap<String, KernelFib> fibs, Map<String, HostInputs> inputs, Map<String, List<Finding>> findings) {
    List<Finding> allFindings() {
      List<Finding> l = new ArrayList<>();
      findings.values().forEach(l::addAll);
      return l;
    }
  }

  private static Map<String, List<AgentRouteSource.Installed>> computeAgents(List<AgentRouteSource> agents, Map<String, KernelFib> fibs) {
    Map<String, List<AgentRouteSource.Installed>> out = new HashMap<>();
    for (AgentRouteSource a : agents) {
      out.computeIfAbsent(a.host(), k -> new ArrayList<>()).add(a.compute(fibs.get(a.host())));
    }
    return out;
  }

  /** The inputs of one host's FIB; a host whose inputs did not change keeps its FIB object. */
  private record HostInputs(List<List<KernelRoute>> agentRoutes, List<FibEntryInput> daemonRoutes) {}

  private static Built build(Network network, Map<String, List<KernelRoute>> kernelBase, Map<String, List<KernelRoute>> staticBase,
      List<AgentRouteSource> agents, Map<String, List<AgentRouteSource.Installed>> agentRoutes, Map<String, List<FibEntryInput>> daemonRoutes,
      Map<KernelRoute, KernelRoute> interner) {
    return build(network, kernelBase, staticBase, agents, agentRoutes, daemonRoutes, null, interner);
  }

  private static Built build(Network network, Map<String, List<KernelRoute>> kernelBase, Map<String, List<KernelRoute>> staticBase,
      List<AgentRouteSource> agents, Map<String, List<AgentRouteSource.Installed>> agentRoutes, Map<String, List<FibEntryInput>> daemonRoutes,
      Built previous, Map<KernelRoute, KernelRoute> interner) {
    SortedMap<String, KernelFib> fibs = new TreeMap<>();
    Map<String, HostInputs> inputs = new HashMap<>();
    Map<String, List<Finding>> findings = new TreeMap<>();
    List<String> toBuild = new ArrayList<>();
    for (String h : network.hosts().keySet()) {
      List<List<KernelRoute>> ar = new ArrayList<>();
      for (AgentRouteSource.Installed i : agentRoutes.getOrDefault(h, List.of())) {
        ar.add(i.routes());
      }
      HostInputs in = new HostInputs(ar, daemonRoutes.getOrDefault(h, List.of()));
      inputs.put(h, in);
      if (previous != null && in.equals(previous.inputs.get(h))) {
        fibs.put(h, previous.fibs.get(h));
        findings.put(h, previous.findings.get(h));
      } else {
        toBuild.add(h);
      }
    }
    // hosts are independent: build their FIBs in parallel (inputs are immutable, results keyed by host)
    Map<String, KernelFibBuilder> built = new java.util.concurrent.ConcurrentHashMap<>();
    toBuild.parallelStream().forEach(h -> {
      HostInputs in = inputs.get(h);
      KernelFibBuilder b = new KernelFibBuilder(h, interner);
      b.addAll(kernelBase.get(h), LinuxAddressRoutes.INSTALLED_BY, InstallMode.APPEND);
      b.addAll(staticBase.get(h), StaticRoutes.INSTALLED_BY, InstallMode.ADD);
      int k = 0;
      for (AgentRouteSource a : agents) {
        if (a.host().equals(h) && k < in.agentRoutes().size()) {
          b.addAll(in.agentRoutes().get(k++), a.installer(), a.mode());
        }
      }
      for (FibEntryInput d : in.daemonRoutes()) {
        b.addAll(d.routes(), d.installer(), d.mode());
      }
      built.put(h, b);
    });
    for (String h : toBuild) {
      KernelFibBuilder b = built.get(h);
      fibs.put(h, b.build());
      findings.put(h, List.copyOf(b.findings()));
    }
    return new Built(fibs, inputs, findings);
  }
}
